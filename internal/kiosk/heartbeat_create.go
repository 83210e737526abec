package kiosk

import (
	"net/http"
	"regexp"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

var screenIDRe = regexp.MustCompile(`^[A-Za-z0-9-]{8,64}$`)

// createHeartbeat handles POST /kiosk/{slug}/heartbeat (form: screen,
// version): it records when each screen was last seen, so IT can spot a
// dead TV in the dashboard (collection screens, sort by last_seen).
func (h *handler) createHeartbeat(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return e.JSON(http.StatusNotFound, map[string]any{"gone": true})
	}
	id := e.Request.FormValue("screen")
	if !screenIDRe.MatchString(id) {
		return e.BadRequestError("screen must be 8-64 letters, digits or dashes", nil)
	}
	rec, err := e.App.FindFirstRecordByData(s.Screens, s.ScreenID, id)
	if err != nil {
		col, cerr := e.App.FindCachedCollectionByNameOrId(s.Screens)
		if cerr != nil {
			return cerr
		}
		rec = core.NewRecord(col)
		rec.Set(s.ScreenID, id)
	}
	ua := e.Request.UserAgent()
	if len(ua) > 300 {
		ua = ua[:300]
	}
	rec.Set(s.FieldRoom, room.Id)
	rec.Set(s.ScreenLastSeen, types.NowDateTime())
	rec.Set(s.ScreenUserAgent, ua)
	version := e.Request.FormValue("version")
	if len(version) > 40 {
		version = version[:40]
	}
	rec.Set(s.ScreenVersion, version)
	if err := e.App.Save(rec); err != nil {
		return err
	}
	return e.NoContent(http.StatusNoContent)
}
