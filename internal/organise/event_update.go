package organise

import (
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// updateEvent handles POST /organise/events/{id}: like create, on the
// stored event. Lowering the capacity below the confirmed count is refused
// by the events hook, and the message lands next to the capacity; raising
// it promotes the waitlist (the same hook); setting "cancelled" tells
// people and the screens as the cancel button does.
func (h *handler) updateEvent(e *core.RequestEvent) error {
	ev, err := h.findEvent(e)
	if ev == nil {
		return err
	}
	values, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "organise.error.form_unreadable", err)
	}
	rooms, err := activeRooms(e.App)
	if err != nil {
		return err
	}
	now := time.Now()
	f := formFromRecord(prefs.Load(e.App).Location, rooms, ev, now)
	f.read(values)
	f.validate(now)
	if len(f.Errors) > 0 {
		return h.renderForm(e, http.StatusUnprocessableEntity, f)
	}
	f.apply(ev)
	if err := e.App.Save(ev); err != nil {
		return h.saveFailed(e, f, err)
	}
	return e.Redirect(http.StatusSeeOther, eventURL(ev.Id)+"?done=saved")
}

// dbxEvent selects an event's sign-ups.
func dbxEvent(id string) dbx.Expression { return dbx.HashExp{s.SignupEvent: id} }
