package desk

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/stories"
)

// editPage is what desk_edit.html receives: the item as stored (with the
// findings of the last scan) and the form.
type editPage struct {
	Item       Item
	Pending    bool
	Status     string
	StatusText i18n.Text // the status in words, for a decided item
	Saved      bool      // just saved: the findings shown are the re-scan's
	Labels     [3]string
	Names      [3]string
	Values     [3]string
	Max        [3]int
	Errors     forms.Errors
	Multiline  [3]bool
}

// editLabels and editMax: the editable fields' labels and limits (the
// same limits as the phone forms), per collection.
var editLabels = map[string][3]string{
	s.Notes:   {"desk.edit.note_to", "desk.edit.note_body", "desk.edit.note_from"},
	s.Stories: {"desk.edit.story_title", "desk.edit.story_body", "desk.edit.story_author"},
}

var editMax = map[string][3]int{
	s.Notes:   {s.NoteToMax, s.NoteBodyMax, s.NoteFromMax},
	s.Stories: {stories.TitleMax, stories.BodyMax, stories.AuthorMax},
}

func newEditPage(app core.App, rec *core.Record) *editPage {
	c := rec.Collection().Name
	items := newItems(app, []*core.Record{rec}, time.Now())
	p := &editPage{Item: items[0], Status: rec.GetString(s.FieldStatus), Labels: editLabels[c], Names: kinds[c].Fields,
		Max: editMax[c], Errors: forms.Errors{}, Multiline: [3]bool{false, true, false}}
	p.Pending = p.Status == s.StatusPending
	p.StatusText = i18n.M("desk.status." + p.Status)
	for i, f := range p.Names {
		p.Values[i] = rec.GetString(f)
	}
	return p
}

// showEdit renders GET /moderate/{collection}/{id}/edit: the text in a
// form to take out what identifies a patient, the findings highlighted
// above it.
func (h *handler) showEdit(e *core.RequestEvent) error {
	rec := findRecord(e.App, e.Request.PathValue("collection"), e.Request.PathValue("id"))
	if rec == nil {
		return h.views.Error(e, http.StatusNotFound, "desk.error.gone", nil)
	}
	p := newEditPage(e.App, rec)
	p.Saved = e.Request.URL.Query().Get("m") == msgSaved
	return h.views.Render(e, http.StatusOK, "desk_edit", p)
}

// saveEdit handles POST /moderate/{collection}/{id}/edit: save the
// redacted text (the record hook re-scans it and replaces `flags`), then
// show the item again with the new findings, to approve or edit again.
func (h *handler) saveEdit(e *core.RequestEvent) error {
	rec := findRecord(e.App, e.Request.PathValue("collection"), e.Request.PathValue("id"))
	if rec == nil {
		return h.views.Error(e, http.StatusNotFound, "desk.error.gone", nil)
	}
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "desk.error.form_unreadable", err)
	}
	p := newEditPage(e.App, rec)
	for i, f := range p.Names {
		p.Values[i] = forms.Clean(form.Get(f), p.Multiline[i])
		p.Errors.Check(f, p.Labels[i], p.Values[i], i == 0 || rec.Collection().Name == s.Notes && i == 1, p.Max[i])
	}
	if len(p.Errors) > 0 {
		return h.views.Render(e, http.StatusUnprocessableEntity, "desk_edit", p)
	}
	for i, f := range p.Names {
		rec.Set(f, p.Values[i])
	}
	if err := e.App.Save(rec); err != nil {
		p.Errors[p.Names[1]] = i18n.M("desk.edit.save_failed")
		e.App.Logger().Error("desk: save edit", "error", err, "record", rec.Id)
		return h.views.Render(e, http.StatusServiceUnavailable, "desk_edit", p)
	}
	return e.Redirect(http.StatusSeeOther, Path+"/"+rec.Collection().Name+"/"+rec.Id+"/edit?m="+msgSaved+"#findings")
}
