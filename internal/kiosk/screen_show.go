package kiosk

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// showScreen renders GET /kiosk/{slug}: the whole screen, server-rendered,
// so it shows content even before (or without) its script.
func (h *handler) showScreen(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "There is no active screen for this room. Check the address, or add the room in the dashboard.", nil)
	}
	page, err := h.buildPage(e.App, room)
	if err != nil {
		return err
	}
	return h.views.Render(e, http.StatusOK, "kiosk", page)
}
