package notes

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
)

// showForm renders GET /notes/new?room={slug}: the QR code's landing page.
func (h *handler) showForm(e *core.RequestEvent) error {
	f := &noteForm{Room: e.Request.URL.Query().Get("room"), Errors: forms.Errors{}}
	f.lookupRoom(e.App)
	return h.render(e, http.StatusOK, f)
}

// render shows the form with its "Where do they work?" list: the one
// place that lists the rooms, so a post that succeeds never does.
func (h *handler) render(e *core.RequestEvent, status int, f *noteForm) error {
	f.Units = unitGroups(e.App)
	return h.views.Render(e, status, "note_new", f)
}
