package kiosk

import (
	"bytes"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// showServiceWorker serves GET /kiosk/sw.js: the screen's service worker
// (pb_public/js/kiosk-sw.js), from under /kiosk/ so its scope covers every
// room's screen, stamped with the asset version so an upgrade starts a
// fresh cache. Never cached by the browser's HTTP cache, so an upgrade is
// noticed at once.
func (h *handler) showServiceWorker(e *core.RequestEvent) error {
	src, err := fs.ReadFile(h.views.Assets().FS(), "js/kiosk-sw.js")
	if err != nil {
		return err
	}
	body := bytes.ReplaceAll(src, []byte("__VERSION__"), []byte(h.views.Version()))
	e.Response.Header().Set("Cache-Control", "no-cache")
	return e.Blob(http.StatusOK, "text/javascript; charset=utf-8", body)
}
