package kiosk

import (
	"net/http"
	"regexp"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

var screenIDRe = regexp.MustCompile(`^[A-Za-z0-9-]{8,64}$`)

// createHeartbeat handles POST /kiosk/{slug}/heartbeat (form: screen,
// version): it records when each screen was last seen, so IT can spot a
// dead TV in the dashboard (collection screens, sort by last_seen), and
// whether it has behaved like a screen yet (settle).
func (h *handler) createHeartbeat(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return e.JSON(http.StatusNotFound, map[string]any{"gone": true})
	}
	id := e.Request.FormValue("screen")
	if !screenIDRe.MatchString(id) {
		return e.BadRequestError("screen must be 8-64 letters, digits or dashes", nil)
	}
	now := time.Now()
	rec, err := e.App.FindFirstRecordByData(s.Screens, s.ScreenID, id)
	if err != nil {
		col, cerr := e.App.FindCachedCollectionByNameOrId(s.Screens)
		if cerr != nil {
			return cerr
		}
		rec = core.NewRecord(col)
		rec.Set(s.ScreenID, id)
		rec.Set(s.ScreenProvisional, true)
	}
	settle(rec, now)
	ua := e.Request.UserAgent()
	if len(ua) > 300 {
		ua = ua[:300]
	}
	rec.Set(s.FieldRoom, room.Id)
	rec.Set(s.ScreenLastSeen, now)
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

// RunGap is the longest silence that still continues a screen's run of
// check-ins (one a minute): a TV that missed a couple, not a phone that
// came back the next day.
const RunGap = 3 * time.Minute

// ScreenSettle is how long a screen must check in without a break before
// it counts as one: until then its record is provisional and never listed
// as dark. A phone that opened /kiosk/{room} once (to look, or from a QR
// code) checks in for a minute or two, then its browser sleeps; a TV runs
// for hours. The price: a new screen that goes dark in its first 15
// minutes is not reported.
const ScreenSettle = 15 * time.Minute

// settle notes a check-in at now in rec's run of check-ins, before
// last_seen moves to now, and makes a provisional screen a screen once
// the run has lasted ScreenSettle.
func settle(rec *core.Record, now time.Time) {
	start := rec.GetDateTime(s.ScreenRunStart).Time()
	last := rec.GetDateTime(s.ScreenLastSeen).Time()
	if start.IsZero() || last.IsZero() || now.Sub(last) > RunGap {
		start = now
		rec.Set(s.ScreenRunStart, now)
	}
	if rec.GetBool(s.ScreenProvisional) && now.Sub(start) >= ScreenSettle {
		rec.Set(s.ScreenProvisional, false)
	}
}
