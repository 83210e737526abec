package notes

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// showSent renders the honest confirmation after a post.
func (h *handler) showSent(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	return h.views.Render(e, http.StatusOK, "note_sent", map[string]any{
		"Room": q.Get("room"),
		"Held": q.Get("held") == "1",
		"Live": q.Get("live") == "1",
	})
}
