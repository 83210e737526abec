package recognition

import (
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// nominationForm is the "Nominate for an award" form's state.
type nominationForm struct {
	NoteID, NoteTo       string
	NoteFrom             i18n.Text
	NoteBody             any
	Awards               []string
	Award, Nominee, Unit string
	Reason               string
	Errors               forms.Errors
}

// Awards are the award names from the settings (award_names,
// comma-separated), in order, without blanks or repeats.
func Awards(app core.App) []string {
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range strings.Split(row.GetString(s.SettingAwards), ",") {
		if a = strings.TrimSpace(a); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// approvedNote finds a note that may be nominated: only approved ones.
func approvedNote(app core.App, id string) (*core.Record, bool) {
	note, err := app.FindRecordById(s.Notes, id)
	if err != nil || note.GetString(s.FieldStatus) != s.StatusApproved {
		return nil, false
	}
	return note, true
}

func newNominationForm(app core.App, note *core.Record) *nominationForm {
	f := &nominationForm{NoteID: note.Id, NoteTo: note.GetString(s.NoteTo), NoteFrom: web.Author(note.GetString(s.NoteFrom)),
		NoteBody: markdown.Note(note.GetString(s.NoteBody)), Awards: Awards(app), Errors: forms.Errors{}}
	return f
}

// showNominate is GET /moderate/notes/{id}/nominate: the form, with the
// nominee and unit guessed from the note (the moderator corrects them).
func (h *handler) showNominate(e *core.RequestEvent) error {
	note, ok := approvedNote(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.views.Error(e, http.StatusNotFound, "recognition.error.not_approved", nil)
	}
	f := newNominationForm(e.App, note)
	f.Nominee = note.GetString(s.NoteTo)
	if id := note.GetString(s.NoteForRoom); id != "" {
		if room, err := e.App.FindRecordById(s.Rooms, id); err == nil {
			f.Unit = room.GetString(s.RoomName)
		}
	}
	if len(f.Awards) > 0 {
		f.Award = f.Awards[0]
	}
	return h.views.Render(e, http.StatusOK, "nominate", f)
}

// nominate is POST /moderate/notes/{id}/nominate: validate, save, 303 to
// the committee view. Errors come back next to the fields, text kept.
func (h *handler) nominate(e *core.RequestEvent) error {
	note, ok := approvedNote(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.views.Error(e, http.StatusNotFound, "recognition.error.not_approved", nil)
	}
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "", err)
	}
	f := newNominationForm(e.App, note)
	f.Award = forms.Clean(form.Get(s.NominationAward), false)
	f.Nominee = forms.Clean(form.Get(s.NominationName), false)
	f.Unit = forms.Clean(form.Get(s.NominationUnit), false)
	f.Reason = forms.Clean(form.Get(s.NominationWhy), true)
	// the fields' messages are catalogue keys (nominate.name.required, …)
	f.Errors.Check(s.NominationName, "nominate.name", f.Nominee, true, 80)
	f.Errors.Check(s.NominationUnit, "nominate.unit", f.Unit, false, 80)
	f.Errors.Check(s.NominationWhy, "nominate.why", f.Reason, false, 2000)
	if !slices.Contains(f.Awards, f.Award) {
		f.Errors[s.NominationAward] = i18n.M("nominate.err.award")
	}
	if len(f.Errors) > 0 {
		return h.views.Render(e, http.StatusUnprocessableEntity, "nominate", f)
	}
	col, err := e.App.FindCachedCollectionByNameOrId(s.Nominations)
	if err != nil {
		return err
	}
	rec := core.NewRecord(col)
	rec.Set(s.NominationNote, note.Id)
	rec.Set(s.NominationAward, f.Award)
	rec.Set(s.NominationName, f.Nominee)
	rec.Set(s.NominationUnit, f.Unit)
	rec.Set(s.NominationWhy, f.Reason)
	if err := e.App.Save(rec); err != nil {
		e.App.Logger().Error("save nomination", "error", err)
		f.Errors[s.NominationWhy] = i18n.M("nominate.err.save_failed")
		return h.views.Render(e, http.StatusServiceUnavailable, "nominate", f)
	}
	return e.Redirect(http.StatusSeeOther, "/moderate/nominations?saved="+rec.Id)
}
