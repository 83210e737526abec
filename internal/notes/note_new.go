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
	f.Units = unitGroups(e.App)
	return h.views.Render(e, http.StatusOK, "note_new", f)
}
