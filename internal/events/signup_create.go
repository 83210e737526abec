package events

import (
	"context"
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// createSignup handles POST /events/{id}/signup: validate → [SignUp] →
// 303 to the person's own page. A problem re-renders the event page with
// the message next to the field and everything typed kept.
//
// A repeat with an address that already has a live sign-up gets a 303 to
// a neutral "you're on the list" page and, with SMTP, the existing link by
// e-mail: never someone else's link or status (docs/adr/0031).
func (h *handler) createSignup(e *core.RequestEvent) error {
	ev, ok := findPublic(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.notFound(e)
	}
	// forms.Parse: multipart too (scripts), and a chunked oversize body is a 413
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		msg := "error.signup_form_unreadable"
		if status == http.StatusRequestEntityTooLarge {
			msg = "" // the 413 page's own words
		}
		return h.views.Error(e, status, msg, err)
	}
	// a forged "status" (or anything else) in the form is simply not read
	f := &signupForm{Name: form.Get(s.SignupName), Email: form.Get(s.SignupEmail), Unit: form.Get(s.SignupUnit)}
	received := "/events/" + ev.Id + "/signed-up"

	// bots fill every field; people never see this one
	if form.Get(forms.Honeypot) != "" {
		return e.Redirect(http.StatusSeeOther, received)
	}

	f.validate()
	if _, bad := f.Errors[s.SignupEmail]; !bad && (!recordAcceptsEmail(e.App, f.Email) || !EmailDomainAllowed(e.App, f.Email)) {
		f.Errors[s.SignupEmail] = emailRefused(e.App, f.Email)
	}
	if len(f.Errors) > 0 {
		return h.renderForm(e, http.StatusUnprocessableEntity, ev, f, "")
	}

	rec, err := SignUpIn(e.App, web.Lang(e), ev.Id, f.Name, f.Email, f.Unit)
	switch {
	case err == nil:
		return e.Redirect(http.StatusSeeOther, "/signups/"+rec.GetString(s.SignupToken))
	case errors.Is(err, ErrDuplicate):
		SendLink(e.App, rec)
		return e.Redirect(http.StatusSeeOther, received)
	case errors.Is(err, ErrNotFound):
		return h.notFound(e)
	case errors.Is(err, ErrCancelled):
		ev, _ = findPublic(e.App, ev.Id)
		return h.renderForm(e, http.StatusConflict, ev, f, "event.notice.cancelled")
	case errors.Is(err, ErrClosed):
		return h.renderForm(e, http.StatusConflict, ev, f, "event.notice.closed")
	default:
		e.App.Logger().Error("sign-up", "error", err, "event", ev.Id)
		return h.renderForm(e, http.StatusServiceUnavailable, ev, f, "event.notice.save_failed")
	}
}

func (h *handler) renderForm(e *core.RequestEvent, status int, ev *core.Record, f *signupForm, notice string) error {
	if ev == nil {
		return h.notFound(e)
	}
	page, err := h.eventPage(e.App, ev, f)
	if err != nil {
		return err
	}
	page.Notice = notice
	return h.views.Render(e, status, "event", page)
}

// recordAcceptsEmail runs the signups collection's own e-mail check, so an
// address the form accepts is never refused by the save.
func recordAcceptsEmail(app core.App, email string) bool {
	collection, err := app.FindCachedCollectionByNameOrId(s.Signups)
	if err != nil {
		return true // the save reports it
	}
	field := collection.Fields.GetByName(s.SignupEmail)
	if field == nil {
		return true
	}
	rec := core.NewRecord(collection)
	rec.Set(s.SignupEmail, NormalizeEmail(email))
	return field.ValidateValue(context.Background(), app, rec) == nil
}
