package events

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// cancelSignup handles POST /signups/{token}/cancel: the seat goes to the
// first person on the waitlist in the same transaction, then 303 back to
// the person's page, which now says "cancelled".
func (h *handler) cancelSignup(e *core.RequestEvent) error {
	token := e.Request.PathValue("token")
	if _, err := Cancel(e.App, token); err != nil {
		if errors.Is(err, ErrNotFound) {
			return h.views.Error(e, http.StatusNotFound, "error.signup_cancel_not_found", nil)
		}
		e.App.Logger().Error("cancel sign-up", "error", err)
		return h.views.Error(e, http.StatusServiceUnavailable, "error.signup_cancel_failed", err)
	}
	return e.Redirect(http.StatusSeeOther, "/signups/"+token)
}
