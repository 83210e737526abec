// Package prefs reads the product settings that moderators edit in the
// dashboard (collection kiosk_settings, one row): time zone, quiet hours,
// auto-approval.
package prefs

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Prefs are the product settings.
type Prefs struct {
	Location         *time.Location
	QuietStart       string // "HH:MM", empty = no quiet hours
	QuietEnd         string
	AutoApproveClean bool
	DarkAfter        time.Duration // a screen not seen for this long is dark (default 10 min)
}

// defaultDarkAfter is SettingDarkAfter when unset.
const defaultDarkAfter = 10 * time.Minute

// storeKey is where the loaded settings live in the app's store.
const storeKey = "kkPrefs"

// Register keeps [Load]'s cache true: any change to the settings row, from
// the dashboard or the API, drops it.
func Register(app core.App) {
	forget := func(e *core.RecordEvent) error {
		e.App.Store().Remove(storeKey)
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(s.Settings).BindFunc(forget)
	app.OnRecordAfterUpdateSuccess(s.Settings).BindFunc(forget)
	app.OnRecordAfterDeleteSuccess(s.Settings).BindFunc(forget)
}

// Load returns the settings, read once and kept in the app's store until
// the row changes (every form post and screen render asks; the profile
// showed the query and the time-zone lookup at 17% of a note post).
// A missing row or a bad time zone falls back to defaults (server time
// zone, no auto-approval): a settings typo must never take the screens
// down.
func Load(app core.App) Prefs {
	if p, ok := app.Store().Get(storeKey).(Prefs); ok {
		return p
	}
	p := read(app)
	app.Store().Set(storeKey, p)
	return p
}

func read(app core.App) Prefs {
	p := Prefs{Location: time.Local, DarkAfter: defaultDarkAfter}
	rec, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		return p
	}
	if name := rec.GetString(s.SettingTimezone); name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			p.Location = loc
		}
	}
	p.QuietStart = rec.GetString(s.SettingQuietStart)
	p.QuietEnd = rec.GetString(s.SettingQuietEnd)
	p.AutoApproveClean = rec.GetBool(s.SettingAutoApproveClean)
	if n := rec.GetInt(s.SettingDarkAfter); n > 0 {
		p.DarkAfter = time.Duration(n) * time.Minute
	}
	return p
}

// FormatDay formats a moment as "Tue 3 Dec" in the hospital's time zone.
func (p Prefs) FormatDay(t time.Time) string { return t.In(p.Location).Format("Mon 2 Jan") }

// FormatTime formats a moment as "14:30" in the hospital's time zone.
func (p Prefs) FormatTime(t time.Time) string { return t.In(p.Location).Format("15:04") }
