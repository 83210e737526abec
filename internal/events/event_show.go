package events

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// eventPage is the event page: details plus the sign-up form state.
type eventPage struct {
	Event  View
	Form   *signupForm
	Notice string // a catalogue key: why the form isn't shown or didn't go through
}

// show renders GET /events/{id}: the description and the sign-up form
// (plain HTML, no script needed). Drafts are a 404.
func (h *handler) show(e *core.RequestEvent) error {
	ev, ok := findPublic(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.notFound(e)
	}
	page, err := h.eventPage(e.App, ev, &signupForm{Errors: forms.Errors{}})
	if err != nil {
		return err
	}
	return h.views.Render(e, http.StatusOK, "event", page)
}

func (h *handler) eventPage(app core.App, ev *core.Record, f *signupForm) (*eventPage, error) {
	v, err := ViewOf(app, ev)
	if err != nil {
		return nil, err
	}
	v.Description = renderDescription(ev.GetString(s.EventDescription))
	return &eventPage{Event: v, Form: f}, nil
}
