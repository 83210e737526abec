package notes

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/records"
	"github.com/kindness-coalition/kindness-kiosk/internal/rooms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// noteForm is the form's state: what was typed, what is wrong, what the
// PHI guard found.
type noteForm struct {
	To, Body, From string
	Room           string      // slug
	ForRoom        string      // slug of the unit where the person thanked works
	Units          []unitGroup // filled only to render the form: a successful post never lists rooms
	RoomName       string
	RoomNotice     string // a catalogue key
	Errors         forms.Errors
	Warnings       forms.WarningList
	Highlight      []forms.Segment
	found          map[string][]phi.Finding
}

var (
	// keys name each field in the catalogue (its label and its messages)
	keys  = map[string]string{s.NoteTo: "note.to", s.NoteBody: "note.body", s.NoteFrom: "note.from"}
	order = []string{s.NoteTo, s.NoteBody, s.NoteFrom}
)

// validate cleans the typed values and fills Errors.
func (f *noteForm) validate() {
	f.To = forms.Clean(f.To, false)
	f.Body = forms.Clean(f.Body, true)
	f.From = forms.Clean(f.From, false)
	f.Errors = forms.Errors{}
	f.Errors.Check(s.NoteTo, keys[s.NoteTo], f.To, true, s.NoteToMax)
	f.Errors.Check(s.NoteBody, keys[s.NoteBody], f.Body, true, s.NoteBodyMax)
	f.Errors.Check(s.NoteFrom, keys[s.NoteFrom], f.From, false, s.NoteFromMax)
}

// scan runs the PHI guard (records.Guard, what every save runs) over the
// note about to be saved, and prepares the warning.
func (f *noteForm) scan(rec *core.Record) {
	f.found = records.Guard(rec)
	f.Warnings = forms.Warnings(f.found, map[string]string{s.NoteTo: f.To, s.NoteBody: f.Body, s.NoteFrom: f.From}, keys, order)
	f.Highlight = forms.Highlight(f.Body, f.found[s.NoteBody])
}

// lookupRoom resolves the room slug from the QR code (from the rooms
// cache: every post asks). An unknown or inactive room doesn't block a
// thank-you: the note goes to every screen. It returns the room's id, ""
// for none.
func (f *noteForm) lookupRoom(app core.App) string {
	if f.Room == "" {
		return ""
	}
	room, ok := rooms.BySlug(app, f.Room)
	if !ok || !room.Active {
		f.RoomNotice = "note.room_unknown"
		f.Room = ""
		return ""
	}
	f.RoomName = room.Name
	return room.ID
}

// scanRecord runs the PHI guard on a note record (the REST path):
// normalised and scanned as the save will, once.
func scanRecord(rec *core.Record) map[string][]phi.Finding {
	return records.Guard(rec)
}

// classify sets flags and status on a note from the public, given what the
// guard found: anything flagged waits for a moderator; a clean note is
// approved at once only if the hospital turned auto-approval on. (The
// findings are passed in: scanning twice was a fifth of a post's CPU.)
func classify(app core.App, rec *core.Record, found map[string][]phi.Finding, sentAnyway bool) {
	switch {
	case found != nil:
		rec.Set(s.NoteFlags, forms.Flags{Findings: found, SentAnyway: sentAnyway})
		rec.Set(s.FieldStatus, s.StatusPending)
	case prefs.Load(app).AutoApproveClean:
		rec.Set(s.NoteFlags, nil)
		rec.Set(s.FieldStatus, s.StatusApproved)
	default:
		rec.Set(s.NoteFlags, nil)
		rec.Set(s.FieldStatus, s.StatusPending)
	}
}
