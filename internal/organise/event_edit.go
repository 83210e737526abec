package organise

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// editEvent renders GET /organise/events/{id}/edit: the stored event in
// the form, times in the hospital's zone.
func (h *handler) editEvent(e *core.RequestEvent) error {
	ev, err := h.findEvent(e)
	if ev == nil {
		return err
	}
	rooms, err := activeRooms(e.App)
	if err != nil {
		return err
	}
	f := formFromRecord(prefs.Load(e.App).Location, rooms, ev, time.Now())
	n, err := e.App.CountRecords(s.Signups, dbxEvent(ev.Id))
	if err != nil {
		return err
	}
	f.HasSignups = n > 0
	return h.renderForm(e, http.StatusOK, f)
}
