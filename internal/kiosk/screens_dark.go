package kiosk

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// DarkScreen is a screen that has stopped checking in: a TV switched off,
// unplugged, off the Wi-Fi, or stuck on something other than the kiosk.
type DarkScreen struct {
	ID        string    // the screens record
	ScreenID  string    // the id the screen made for itself (kept in its browser)
	RoomID    string    // its room
	RoomName  string    // e.g. "Staff break room"
	RoomSlug  string    // its address is /kiosk/{RoomSlug}
	LastSeen  time.Time // its last check-in (zero: never)
	UserAgent string    // the browser, to tell a room's screens apart
	Notified  time.Time // when IT was e-mailed about it (zero: not since it went dark)
}

// DarkFor is how long the screen has been silent at now.
func (d DarkScreen) DarkFor(now time.Time) time.Duration { return now.Sub(d.LastSeen) }

// DarkScreens lists the screens of active rooms that have not checked in
// (every minute while they run) for the kiosk_settings dark_after_minutes
// (default 10) before now, longest dark first. The desk (/moderate) shows
// them; the dashboard's dark_screens view lists the same (its SQL is the
// same rule, pinned by TestDarkScreensViewAgrees). A room switched off
// (inactive) is not expected to show anything, so its screens are not
// listed, nor is a provisional one (a phone that opened the page once,
// see settle).
func DarkScreens(app core.App, now time.Time) ([]DarkScreen, error) {
	cutoff, err := types.ParseDateTime(now.Add(-prefs.Load(app).DarkAfter))
	if err != nil {
		return nil, err
	}
	recs, err := app.FindRecordsByFilter(s.Screens, s.ScreenLastSeen+" < {:cutoff} && "+s.ScreenProvisional+" = false && "+s.FieldRoom+"."+s.RoomActive+" = true",
		s.ScreenLastSeen, 0, 0, dbx.Params{"cutoff": cutoff.String()})
	if err != nil {
		return nil, err
	}
	if errs := app.ExpandRecords(recs, []string{s.FieldRoom}, nil); len(errs) > 0 {
		for _, err := range errs {
			return nil, err
		}
	}
	out := make([]DarkScreen, 0, len(recs))
	for _, r := range recs {
		d := DarkScreen{ID: r.Id, ScreenID: r.GetString(s.ScreenID), RoomID: r.GetString(s.FieldRoom),
			LastSeen: r.GetDateTime(s.ScreenLastSeen).Time(), UserAgent: r.GetString(s.ScreenUserAgent),
			Notified: r.GetDateTime(s.ScreenDarkNotified).Time()}
		if room := r.ExpandedOne(s.FieldRoom); room != nil {
			d.RoomName, d.RoomSlug = room.GetString(s.RoomName), room.GetString(s.RoomSlug)
		}
		out = append(out, d)
	}
	return out, nil
}
