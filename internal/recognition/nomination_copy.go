package recognition

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// showNominationCopy is the printable copy a nominee receives ("every
// nominee will receive a copy of their nomination"): the award, the
// reason and the thank-you note it grew from.
func (h *handler) showNominationCopy(e *core.RequestEvent) error {
	nom, err := e.App.FindRecordById(s.Nominations, e.Request.PathValue("id"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "", nil)
	}
	p := prefs.Load(e.App)
	data := map[string]any{
		"Award": nom.GetString(s.NominationAward), "Nominee": nom.GetString(s.NominationName),
		"Unit": nom.GetString(s.NominationUnit), "Reason": nom.GetString(s.NominationWhy),
		"Date": longDate(p, nom.GetDateTime(s.FieldCreated).Time()),
	}
	if note, err := e.App.FindRecordById(s.Notes, nom.GetString(s.NominationNote)); err == nil {
		data["NoteTo"] = note.GetString(s.NoteTo)
		data["NoteBody"] = markdown.Note(note.GetString(s.NoteBody))
		data["NoteFrom"] = web.Author(note.GetString(s.NoteFrom))
	}
	return h.views.Render(e, http.StatusOK, "nomination_copy", data)
}
