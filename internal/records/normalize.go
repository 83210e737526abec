package records

import (
	"encoding/json"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// textField is a free-text field the PHI guard reads.
type textField struct {
	name      string
	multiline bool
}

// guarded are the free-text fields of notes and stories, in the order the
// forms show them.
var guarded = map[string][]textField{
	s.Notes:   {{s.NoteTo, false}, {s.NoteBody, true}, {s.NoteFrom, false}},
	s.Stories: {{s.StoryTitle, false}, {s.StoryBody, true}, {s.StoryAuthor, false}},
}

// guardedKey marks a record the guard has already read, with the text it
// read, so the form and the REST hook (which need the findings first to
// decide the status) and the save hook scan once between them. NB! The
// "@pbInternal" prefix keeps it out of every export of the record.
const guardedKey = "@pbInternalPHIGuard"

// normalizeAndScan is the one record hook that normalises and scans notes
// and stories, on create and on update, however they arrive: the phone
// forms, the REST API, the dashboard, the moderation desk. Text is stored
// normalised (phi.Normalize), so what the screens show is what was
// scanned, and `flags` always describes the text as it is: an edit that
// changes the text replaces the findings (keeping the writer's "send
// anyway"), a clean text clears them.
func normalizeAndScan(e *core.RecordEvent) error {
	if e.Record.IsNew() || textChanged(e.Record) {
		Guard(e.Record)
	}
	return e.Next()
}

func textChanged(rec *core.Record) bool {
	orig := rec.Original()
	for _, f := range guarded[rec.Collection().Name] {
		if rec.GetString(f.name) != orig.GetString(f.name) {
			return true
		}
	}
	return false
}

// Guard normalises the free-text fields of a note or story record, scans
// them and sets its `flags` (kinds and ranges per field, never the text;
// the existing "sent anyway" is kept). It returns the findings per field,
// nil when clean. Status is the caller's business: the form and the REST
// hooks decide it from these findings. Calling it again on unchanged text
// costs nothing.
func Guard(rec *core.Record) map[string][]phi.Finding {
	fields := guarded[rec.Collection().Name]
	values := make(map[string]string, len(fields))
	order := make([]string, len(fields))
	var key strings.Builder
	for i, f := range fields {
		v := rec.GetString(f.name)
		if n := forms.Clean(v, f.multiline); n != v {
			rec.Set(f.name, n)
			v = n
		}
		values[f.name], order[i] = v, f.name
		key.WriteString(v)
		key.WriteByte(0)
	}
	if prev, ok := rec.GetRaw(guardedKey).(guardMark); ok && prev.key == key.String() {
		return prev.found
	}
	var found map[string][]phi.Finding
	if !forms.OverLimit(rec, order...) { // validation refuses it; don't spend seconds scanning megabytes first
		found, _ = forms.Scan(values, nil, order)
	}
	if found == nil {
		rec.Set(s.NoteFlags, nil)
	} else {
		var before forms.Flags
		_ = json.Unmarshal([]byte(rec.GetString(s.NoteFlags)), &before) // empty or foreign flags: not sent anyway
		rec.Set(s.NoteFlags, forms.Flags{Findings: found, SentAnyway: before.SentAnyway})
	}
	rec.SetRaw(guardedKey, guardMark{key: key.String(), found: found})
	return found
}

// guardMark is what [Guard] remembers on a record it has read.
type guardMark struct {
	key   string
	found map[string][]phi.Finding
}
