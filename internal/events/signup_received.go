package events

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
)

// showReceived renders GET /events/{id}/signed-up, the neutral answer to a
// repeat sign-up: it names the event, never a person, a status or a link
// (docs/adr/0031).
func (h *handler) showReceived(e *core.RequestEvent) error {
	ev, ok := findPublic(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.notFound(e)
	}
	return h.views.Render(e, http.StatusOK, "signup_received", map[string]any{
		"Event":    NewView(prefs.Load(e.App), ev, Seats{}, time.Now()),
		"MailSent": MailEnabled(e.App),
	})
}
