package organise

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// cancelEvent handles POST /organise/events/{id}/cancel: the status
// becomes "cancelled" and the rest follows from hooks that hold however an
// event is cancelled (here, the dashboard, the API): every sign-up page
// says so, the screens drop the card (kiosk push), nobody is promoted from
// the waitlist, and with SMTP set everyone signed up is e-mailed. Then 303
// to the event's organiser page, which says who was told. Cancelling twice
// is harmless.
func (h *handler) cancelEvent(e *core.RequestEvent) error {
	ev, err := h.findEvent(e)
	if ev == nil {
		return err
	}
	if ev.GetString(s.FieldStatus) != s.StatusCancelled {
		ev.Set(s.FieldStatus, s.StatusCancelled)
		if err := e.App.Save(ev); err != nil {
			e.App.Logger().Error("organise: cancel event", "error", err, "event", ev.Id)
			return h.views.Error(e, http.StatusServiceUnavailable, "organise.error.cancel_failed", err)
		}
	}
	return e.Redirect(http.StatusSeeOther, eventURL(ev.Id)+"?done=cancelled")
}
