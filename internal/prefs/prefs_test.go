package prefs_test

import (
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func TestLoad(t *testing.T) {
	app := kktest.NewApp(t)
	p := prefs.Load(app)
	if p.QuietStart != "22:00" || p.QuietEnd != "06:00" || p.AutoApproveClean || p.Location != time.Local {
		t.Fatalf("defaults = %+v", p)
	}

	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, "Europe/London")
	row.Set(s.SettingAutoApproveClean, true)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	p = prefs.Load(app)
	if p.Location.String() != "Europe/London" || !p.AutoApproveClean {
		t.Fatalf("after save = %+v", p)
	}
	summer := time.Date(2026, 7, 1, 11, 30, 0, 0, time.UTC)
	if got := p.FormatTime(summer); got != "12:30" {
		t.Errorf("FormatTime in BST = %q, want 12:30", got)
	}
	if got := p.FormatDay(summer); got != "Wed 1 Jul" {
		t.Errorf("FormatDay = %q", got)
	}

	// the dashboard refuses a typo in the zone, and the settings stay
	row.Set(s.SettingTimezone, "Europe/Lndon")
	if err := app.Save(row); err == nil {
		t.Fatal("saved an unknown time zone")
	}
	if p = prefs.Load(app); p.Location.String() != "Europe/London" {
		t.Errorf("after a refused save: %v", p.Location)
	}

	// a bad zone that got in anyway (an older release, a hand-edited
	// database) must not take pages down: server time instead
	if _, err := app.DB().NewQuery("UPDATE " + s.Settings + " SET " + s.SettingTimezone + " = 'Europe/Lndon'").Execute(); err != nil {
		t.Fatal(err)
	}
	app.Store().Remove("kkPrefs") // prefs' cache key: a raw write fires no hook
	if p = prefs.Load(app); p.Location != time.Local {
		t.Errorf("bad zone gave %v, want server local", p.Location)
	}
}
