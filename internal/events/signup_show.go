package events

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// signupPage is a person's own page. It shows their name, never their
// e-mail address: the link may be shared or shoulder-surfed.
type signupPage struct {
	Token     string
	Name      string
	Status    string
	Position  int
	Event     View
	Ended     bool
	MailSent  bool // SMTP is on: the link is in their inbox too
	CanCancel bool
}

// showSignup renders GET /signups/{token}: status, event details,
// waitlist position, add-to-calendar and the cancel button.
func (h *handler) showSignup(e *core.RequestEvent) error {
	rec, err := FindByToken(e.App, e.Request.PathValue("token"))
	if errors.Is(err, ErrNotFound) {
		return h.views.Error(e, http.StatusNotFound,
			"error.signup_not_found", nil)
	}
	if err != nil {
		return err
	}
	ev, err := e.App.FindRecordById(s.Events, rec.GetString(s.SignupEvent))
	if err != nil {
		return h.notFound(e)
	}
	pos, err := Position(e.App, rec)
	if err != nil {
		return err
	}
	v, err := ViewOf(e.App, ev)
	if err != nil {
		return err
	}
	status := rec.GetString(s.FieldStatus)
	page := signupPage{
		Token: rec.GetString(s.SignupToken), Name: rec.GetString(s.SignupName), Status: status, Position: pos,
		Event: v, Ended: v.Over, MailSent: MailEnabled(e.App),
	}
	page.CanCancel = status != s.StatusCancelled && !page.Ended && !page.Event.Cancelled
	// robots and link previews have no business here
	e.Response.Header().Set("X-Robots-Tag", "noindex, nofollow")
	return h.views.Render(e, http.StatusOK, "signup", page)
}
