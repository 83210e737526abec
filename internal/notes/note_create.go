package notes

import (
	"net/http"
	"net/url"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// create handles POST /notes: validate → PHI guard → save → 303 to the
// sent page. Any problem re-renders the form with everything typed kept.
func (h *handler) create(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		msg := "error.form_unreadable"
		if status == http.StatusRequestEntityTooLarge {
			msg = "" // the 413 page's own words
		}
		return h.views.Error(e, status, msg, err)
	}
	f := &noteForm{To: form.Get(s.NoteTo), Body: form.Get(s.NoteBody), From: form.Get(s.NoteFrom), Room: form.Get(s.FieldRoom),
		ForRoom: form.Get(s.NoteForRoom)}
	room := f.lookupRoom(e.App)

	// bots fill every field; people never see this one
	if form.Get(forms.Honeypot) != "" {
		return e.Redirect(http.StatusSeeOther, sentURL(f.Room, false, false))
	}

	f.validate()
	forRoom := f.lookupForRoom(e.App)
	if len(f.Errors) > 0 {
		return h.render(e, http.StatusUnprocessableEntity, f)
	}
	collection, err := e.App.FindCachedCollectionByNameOrId(s.Notes)
	if err != nil {
		return err
	}
	rec := core.NewRecord(collection)
	rec.Set(s.NoteTo, f.To)
	rec.Set(s.NoteBody, f.Body)
	rec.Set(s.NoteFrom, f.From)
	if room != "" {
		rec.Set(s.FieldRoom, room)
	}
	if forRoom != "" {
		rec.Set(s.NoteForRoom, forRoom)
	}
	f.scan(rec) // the same guard the save runs, once
	sentAnyway := form.Get("confirm") == "1"
	if f.found != nil && !sentAnyway {
		return h.render(e, http.StatusOK, f)
	}
	classify(e.App, rec, f.found, sentAnyway)
	if err := e.App.Save(rec); err != nil {
		f.Errors = forms.Errors{s.NoteBody: i18n.M("note.save_failed")}
		e.App.Logger().Error("save note", "error", err)
		return h.render(e, http.StatusServiceUnavailable, f)
	}
	return e.Redirect(http.StatusSeeOther, sentURL(f.Room, f.found != nil, rec.GetString(s.FieldStatus) == s.StatusApproved))
}

// sentURL is the confirmation page's address: held = flagged for a
// moderator, live = auto-approved and on the screens already.
func sentURL(room string, held, live bool) string {
	q := url.Values{}
	if room != "" {
		q.Set("room", room)
	}
	if held {
		q.Set("held", "1")
	}
	if live {
		q.Set("live", "1")
	}
	if len(q) == 0 {
		return "/notes/sent"
	}
	return "/notes/sent?" + q.Encode()
}
