package recognition

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// showCard is the printable card of one approved note (A5 landscape; it
// scales to A6), for the caregiver's mailbox and recognition file. A note
// that is not approved is a 404, as it is on the REST API: pending text
// may still hold what the PHI guard flagged.
func (h *handler) showCard(e *core.RequestEvent) error {
	note, err := e.App.FindRecordById(s.Notes, e.Request.PathValue("id"))
	if err != nil || note.GetString(s.FieldStatus) != s.StatusApproved {
		return h.views.Error(e, http.StatusNotFound, "", nil)
	}
	p := prefs.Load(e.App)
	data := map[string]any{
		"To":   note.GetString(s.NoteTo),
		"Body": markdown.Note(note.GetString(s.NoteBody)),
		"From": web.Author(note.GetString(s.NoteFrom)),
		"Date": longDate(p, note.GetDateTime(s.FieldCreated).Time()),
	}
	if id := note.GetString(s.NoteForRoom); id != "" {
		if room, err := e.App.FindRecordById(s.Rooms, id); err == nil {
			data["Unit"] = room.GetString(s.RoomName)
		}
	}
	return h.views.Render(e, http.StatusOK, "note_card", data)
}
