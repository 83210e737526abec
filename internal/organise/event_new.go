package organise

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
)

// formPage is organise_form.html's data: the form and who is signed in.
type formPage struct {
	Who  string
	Form *eventForm
}

// newEvent renders GET /organise/events/new: an empty form, times in the
// hospital's zone.
func (h *handler) newEvent(e *core.RequestEvent) error {
	rooms, err := activeRooms(e.App)
	if err != nil {
		return err
	}
	f := newForm(prefs.Load(e.App).Location, rooms, time.Now())
	return h.views.Render(e, http.StatusOK, "organise_form", formPage{Who: staff.Name(e.Auth), Form: f})
}

// renderForm shows the form again with its messages and everything typed.
func (h *handler) renderForm(e *core.RequestEvent, status int, f *eventForm) error {
	return h.views.Render(e, status, "organise_form", formPage{Who: staff.Name(e.Auth), Form: f})
}
