package events

import (
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// calendar serves GET /events/{id}/ics, the add-to-calendar file offered
// on the event page and on each person's own page.
func (h *handler) calendar(e *core.RequestEvent) error {
	ev, ok := findPublic(e.App, e.Request.PathValue("id"))
	if !ok {
		return h.notFound(e)
	}
	appURL := e.App.Settings().Meta.AppURL
	if appURL == "" {
		appURL = "http://" + e.Request.Host
	}
	h2 := e.Response.Header()
	h2.Set("Content-Type", "text/calendar; charset=utf-8")
	h2.Set("Content-Disposition", `attachment; filename="`+fileName(ev.GetString(s.EventTitle))+`.ics"`)
	h2.Set("Cache-Control", "no-cache")
	return e.Blob(http.StatusOK, "text/calendar; charset=utf-8", Calendar(ev, appURL, web.Lang(e), time.Now()))
}

// fileName makes a safe ASCII file name from a title ("Yoga, 6pm!" →
// "yoga-6pm").
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		return "event"
	}
	return name
}
