package desk

import (
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
)

// DarkScreen is one screen the desk lists under "Screens not seen lately".
type DarkScreen struct {
	Room, Slug string
	Seen       i18n.Text // "last seen 25 min ago" or "never checked in"
	SeenAt     i18n.Text // the time, in the hospital's zone
	Browser    i18n.Text // to tell a room's screens apart
}

// darkScreens lists the screens that stopped checking in (kiosk.DarkScreens:
// active rooms only, longest dark first), for a moderator to walk past and
// switch back on.
func darkScreens(app core.App, now time.Time) []DarkScreen {
	dark, err := kiosk.DarkScreens(app, now)
	if err != nil {
		app.Logger().Error("desk: dark screens", "error", err)
		return nil
	}
	p := prefs.Load(app)
	out := make([]DarkScreen, 0, len(dark))
	for _, d := range dark {
		ds := DarkScreen{Room: d.RoomName, Slug: d.RoomSlug, Browser: browserName(d.UserAgent), Seen: i18n.M("desk.screens.never")}
		if !d.LastSeen.IsZero() {
			ds.Seen = i18n.M("desk.screens.last_seen", "Age", Age(d.DarkFor(now)))
			ds.SeenAt = dayTime(d.LastSeen.In(p.Location))
		}
		out = append(out, ds)
	}
	return out
}

// browserName shortens a user agent to what helps find the device:
// "Chrome 49 on Linux", or the first 40 characters.
func browserName(ua string) i18n.Text {
	if ua == "" {
		return nil
	}
	name, version := "", ""
	for _, b := range []string{"Edg/", "OPR/", "SamsungBrowser/", "Chrome/", "Firefox/", "Version/"} {
		if i := strings.Index(ua, b); i >= 0 {
			name = b[:len(b)-1]
			rest := ua[i+len(b):]
			if j := strings.IndexAny(rest, ". "); j >= 0 {
				rest = rest[:j]
			}
			version = rest
			break
		}
	}
	if name == "Version" {
		name = "Safari"
	}
	platform := ""
	for _, p := range []string{"Android", "Linux", "Windows", "Mac OS X", "iPad", "CrOS", "Tizen", "Web0S"} {
		if strings.Contains(ua, p) {
			platform = p
			break
		}
	}
	if name == "" {
		if len(ua) > 40 {
			return i18n.Raw(ua[:40] + "…")
		}
		return i18n.Raw(ua)
	}
	if platform != "" {
		return i18n.M("desk.screens.browser_on", "Browser", name+" "+version, "Platform", platform)
	}
	return i18n.Raw(name + " " + version)
}
