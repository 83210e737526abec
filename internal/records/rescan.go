package records

import (
	"encoding/json"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// flagsField is where notes and stories keep the PHI guard's findings.
const flagsField = s.NoteFlags

// scannedFields are the fields the PHI guard reads, per collection, in the
// order the forms show them.
var scannedFields = map[string][]string{
	s.Notes:   {s.NoteTo, s.NoteBody, s.NoteFrom},
	s.Stories: {s.StoryTitle, s.StoryBody, s.StoryAuthor},
}

// rescanOnEdit replaces `flags` whenever an edit changes the text, however
// the edit arrives (REST, the dashboard, the desk, the purge job): the
// findings then describe the text as it is now. Before, a note redacted by
// a moderator kept the old findings, and with them what had been removed.
// The writer's "send anyway" stays as it was; a clean text clears flags.
func rescanOnEdit(e *core.RecordEvent) error {
	fields := scannedFields[e.Record.Collection().Name]
	original := e.Record.Original()
	changed := false
	values := make(map[string]string, len(fields))
	for _, f := range fields {
		values[f] = e.Record.GetString(f)
		changed = changed || values[f] != original.GetString(f)
	}
	if !changed {
		return e.Next()
	}
	if forms.OverLimit(e.Record, fields...) {
		return e.Next() // validation refuses it; don't spend seconds scanning megabytes first
	}
	found, _ := forms.Scan(values, nil, fields)
	if found == nil {
		e.Record.Set(flagsField, nil)
		return e.Next()
	}
	var before forms.Flags
	_ = json.Unmarshal([]byte(original.GetString(flagsField)), &before) // empty or foreign flags: not sent anyway
	e.Record.Set(flagsField, forms.Flags{Findings: found, SentAnyway: before.SentAnyway})
	return e.Next()
}
