package kiosk_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// darkSeed makes three rooms' screens: one live, two silent for 15 and
// 45 minutes, and one silent in a room switched off.
func darkSeed(t testing.TB, app core.App, now time.Time) (live, recent, old *core.Record) {
	t.Helper()
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	icu := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU staff room", s.RoomSlug: "icu", s.RoomActive: true})
	off := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "Old room", s.RoomSlug: "old", s.RoomActive: false})
	screen := func(id string, room *core.Record, ago time.Duration) *core.Record {
		return kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: id, s.FieldRoom: room.Id,
			s.ScreenLastSeen: now.Add(-ago), s.ScreenUserAgent: "Mozilla/5.0 (X11; Linux armv7l) " + id})
	}
	live = screen("screen-live0001", room, time.Minute)
	recent = screen("screen-icu00001", icu, 15*time.Minute)
	old = screen("screen-break001", room, 45*time.Minute)
	screen("screen-oldroom1", off, 3*time.Hour)
	return live, recent, old
}

func darkIDs(t *testing.T, app core.App, now time.Time) []string {
	t.Helper()
	dark, err := kiosk.DarkScreens(app, now)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range dark {
		ids = append(ids, d.ScreenID)
	}
	return ids
}

// TestDarkScreens: screens of active rooms silent for the dark-after
// setting (10 minutes unless set) are listed, longest dark first, with
// their room; a live one and one in a room switched off are not.
func TestDarkScreens(t *testing.T) {
	app := kktest.NewApp(t)
	now := time.Now()
	darkSeed(t, app, now)

	dark, err := kiosk.DarkScreens(app, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(dark) != 2 || dark[0].ScreenID != "screen-break001" || dark[1].ScreenID != "screen-icu00001" {
		t.Fatalf("dark screens %+v, want the 45- then the 15-minute one", dark)
	}
	if d := dark[1]; d.RoomName != "ICU staff room" || d.RoomSlug != "icu" || !strings.Contains(d.UserAgent, "armv7l") ||
		d.DarkFor(now).Round(time.Minute) != 15*time.Minute {
		t.Errorf("dark screen %+v", d)
	}

	// the setting: 10 by default, here 30
	if row, err := app.FindFirstRecordByFilter(s.Settings, ""); err != nil || row.GetInt(s.SettingDarkAfter) != 10 {
		t.Fatalf("dark_after_minutes default: %v %v", row, err)
	}
	setDarkAfter(t, app, 30)
	if ids := darkIDs(t, app, now); !slices.Equal(ids, []string{"screen-break001"}) {
		t.Fatalf("with 30 minutes: %v", ids)
	}
}

func setDarkAfter(t testing.TB, app core.App, minutes int) {
	t.Helper()
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingDarkAfter, minutes)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

// TestDarkScreensView: the dashboard's dark_screens view lists what
// DarkScreens lists, for moderators and superusers, and nothing for the
// public or an organiser.
func TestDarkScreensView(t *testing.T) {
	staff := func(roles ...string) func(testing.TB, core.App) string {
		return func(t testing.TB, app core.App) string {
			col, err := app.FindCollectionByNameOrId(s.Moderators)
			if err != nil {
				t.Fatal(err)
			}
			rec := core.NewRecord(col)
			rec.SetEmail(roles[0] + "@hospital.example")
			rec.SetPassword("a-long-test-password")
			rec.Set(s.ModeratorRoles, roles)
			if err := app.Save(rec); err != nil {
				t.Fatal(err)
			}
			token, err := rec.NewAuthToken()
			if err != nil {
				t.Fatal(err)
			}
			return token
		}
	}
	superuser := func(t testing.TB, app core.App) string { return kktest.SuperuserToken(t, app) }
	both := []string{`"totalItems":2`, `"screen_id":"screen-break001"`, `"screen_id":"screen-icu00001"`, `"room_name":"ICU staff room"`}
	none := []string{`"totalItems":0`}
	for _, c := range []struct {
		name  string
		token func(testing.TB, core.App) string
		want  []string
	}{
		{"a moderator sees the dark screens", staff(s.RoleModerate), both},
		{"a superuser too", superuser, both},
		{"the public sees none", nil, none},
		{"an organiser sees none", staff(s.RoleOrganise), none},
	} {
		sc := tests.ApiScenario{Name: c.name, Method: http.MethodGet, URL: "/api/collections/" + s.DarkScreens + "/records",
			ExpectedStatus: 200, ExpectedContent: c.want, NotExpectedContent: []string{"screen-live0001", "screen-oldroom1"}}
		sc.TestAppFactory = func(t testing.TB) *tests.TestApp {
			app := kktest.NewApp(t)
			darkSeed(t, app, time.Now())
			if c.token != nil {
				sc.Headers = map[string]string{"Authorization": c.token(t, app)} // read when the request is built
			}
			return app
		}
		sc.Test(t)
	}
}

// TestDarkScreensViewAgrees: the view's SQL and DarkScreens are the same
// rule (two expressions of it: one for the dashboard, one for the desk),
// with the default and with a setting.
func TestDarkScreensViewAgrees(t *testing.T) {
	app := kktest.NewApp(t)
	darkSeed(t, app, time.Now())
	for _, minutes := range []int{0, 30, 50} {
		if minutes > 0 {
			setDarkAfter(t, app, minutes)
		}
		recs, err := app.FindAllRecords(s.DarkScreens)
		if err != nil {
			t.Fatal(err)
		}
		var view []string
		for _, r := range recs {
			view = append(view, r.GetString(s.ScreenID))
		}
		if fn := darkIDs(t, app, time.Now()); !slices.Equal(view, fn) {
			t.Errorf("dark after %d min: the view lists %v, DarkScreens %v", minutes, view, fn)
		}
	}
}

// TestDarkScreenMail: with SMTP set, IT (the superusers) gets one e-mail
// naming the screens that went dark; none again while they stay dark; one
// more when a screen that came back goes dark again; none without SMTP or
// in the first minutes after a start (every screen looks dark then).
func TestDarkScreenMail(t *testing.T) {
	app := kktest.NewApp(t)
	now := time.Now().Add(time.Hour) // an app up for an hour
	live, _, _ := darkSeed(t, app, now)

	// no SMTP: nothing
	if n, err := kiosk.NotifyDarkScreens(app, now); err != nil || n != 0 || app.TestMailer.TotalSend() != 0 {
		t.Fatalf("without SMTP: %d %v, %d sent", n, err, app.TestMailer.TotalSend())
	}
	settings := app.Settings()
	settings.SMTP.Enabled, settings.SMTP.Host, settings.SMTP.Port = true, "smtp.hospital.example", 587
	settings.Meta.AppURL = appURL
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	// just started: every screen looks dark until it checks in
	if n, _ := kiosk.NotifyDarkScreens(app, time.Now().Add(time.Minute)); n != 0 || app.TestMailer.TotalSend() != 0 {
		t.Fatalf("a minute after start: %d named, %d sent", n, app.TestMailer.TotalSend())
	}

	n, err := kiosk.NotifyDarkScreens(app, now)
	if err != nil || n != 2 || app.TestMailer.TotalSend() != 1 {
		t.Fatalf("first run: %d named (%v), %d sent; want 2 in 1", n, err, app.TestMailer.TotalSend())
	}
	msg := app.TestMailer.LastMessage()
	if len(msg.To) != 1 || msg.To[0].Address != kktest.SuperuserEmail || msg.Subject != "Kindness Kiosk: 2 screens have gone dark" {
		t.Errorf("e-mail to %v: %q", msg.To, msg.Subject)
	}
	for _, want := range []string{"ICU staff room", "Staff break room", appURL + "/kiosk/icu", "45 minutes ago", "armv7l", "dark_screens"} {
		if !strings.Contains(msg.HTML, want) {
			t.Errorf("the e-mail lacks %q:\n%s", want, msg.HTML)
		}
	}

	// still dark a minute later: no new e-mail
	if n, _ := kiosk.NotifyDarkScreens(app, now.Add(time.Minute)); n != 0 || app.TestMailer.TotalSend() != 1 {
		t.Fatalf("second run: %d named, %d sent; want no new e-mail", n, app.TestMailer.TotalSend())
	}

	// the live screen goes dark: one e-mail about it alone
	later := now.Add(20 * time.Minute)
	n, _ = kiosk.NotifyDarkScreens(app, later)
	if n != 1 || app.TestMailer.TotalSend() != 2 || !strings.Contains(app.TestMailer.LastMessage().Subject, "the screen in Staff break room") {
		t.Fatalf("a third screen dark: %d named, %d sent, %q", n, app.TestMailer.TotalSend(), app.TestMailer.LastMessage().Subject)
	}

	// it checks in again (as the heartbeat records it), then goes dark
	// again: told again, and only about it
	live, err = app.FindRecordById(s.Screens, live.Id)
	if err != nil {
		t.Fatal(err)
	}
	live.Set(s.ScreenLastSeen, later.Add(time.Minute))
	if err := app.Save(live); err != nil {
		t.Fatal(err)
	}
	if n, _ := kiosk.NotifyDarkScreens(app, later.Add(5*time.Minute)); n != 0 {
		t.Fatalf("just back: %d named", n)
	}
	if n, _ := kiosk.NotifyDarkScreens(app, later.Add(15*time.Minute)); n != 1 || app.TestMailer.TotalSend() != 3 {
		t.Fatalf("dark again: %d named, %d sent; want 1 in a 3rd e-mail", n, app.TestMailer.TotalSend())
	}

	found := false
	for _, j := range app.Cron().Jobs() {
		found = found || j.Id() == "kkDarkScreens"
	}
	if !found {
		t.Error("no dark-screens job")
	}
}

// TestOneOffVisitIsNotAScreen: a phone that opened /kiosk/{room} once (QA,
// issue 11) checked in, went away, and showed on the desk as a screen gone
// dark. A check-in makes a provisional screen; it counts (and can go dark)
// once it has checked in for 15 minutes without a break, which a phone's
// look at the page, even repeated days later, never does.
func TestOneOffVisitIsNotAScreen(t *testing.T) {
	app := kktest.NewApp(t)
	client := kktest.NewClient(t, app)
	beat := func(id string) *core.Record {
		t.Helper()
		res := client.Do(http.MethodPost, "/kiosk/break-room/heartbeat", strings.NewReader("screen="+id+"&version=v1"),
			map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("check-in of %s: %d", id, res.StatusCode)
		}
		rec, err := app.FindFirstRecordByData(s.Screens, s.ScreenID, id)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	// as if the screen's earlier check-ins had run from start to last
	past := func(rec *core.Record, start, last time.Duration) {
		t.Helper()
		rec.Set(s.ScreenRunStart, time.Now().Add(-start))
		rec.Set(s.ScreenLastSeen, time.Now().Add(-last))
		if err := app.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
	dark := func() (fn, view []string) {
		t.Helper()
		fn = darkIDs(t, app, time.Now())
		recs, err := app.FindAllRecords(s.DarkScreens)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			view = append(view, r.GetString(s.ScreenID))
		}
		return fn, view
	}

	phone := beat("phone-visit-0001")
	if !phone.GetBool(s.ScreenProvisional) {
		t.Fatal("a first check-in counts as a screen at once")
	}
	past(phone, 42*time.Minute, 40*time.Minute) // looked for two minutes, 40 minutes ago
	if fn, view := dark(); len(fn) != 0 || len(view) != 0 {
		t.Fatalf("a phone's one look is listed as a dark screen: DarkScreens %v, view %v", fn, view)
	}
	// the same phone looks again three days later: a new short run
	past(phone, 72*time.Hour+2*time.Minute, 72*time.Hour)
	if phone = beat("phone-visit-0001"); !phone.GetBool(s.ScreenProvisional) ||
		time.Since(phone.GetDateTime(s.ScreenRunStart).Time()) > time.Minute {
		t.Fatalf("a second look days later: provisional %v, run from %v", phone.GetBool(s.ScreenProvisional), phone.GetDateTime(s.ScreenRunStart))
	}

	// a TV checks in every minute (one missed here) for 16 minutes: a screen
	tv := beat("tv-breakroom-001")
	past(tv, 16*time.Minute, 2*time.Minute)
	if tv = beat("tv-breakroom-001"); tv.GetBool(s.ScreenProvisional) {
		t.Fatal("a TV that checked in for 16 minutes is still provisional")
	}
	// then its Wi-Fi drops: listed as dark, on the desk and in the view
	past(tv, 56*time.Minute, 40*time.Minute)
	if fn, view := dark(); !slices.Equal(fn, []string{"tv-breakroom-001"}) || !slices.Equal(view, fn) {
		t.Fatalf("a TV gone dark: DarkScreens %v, view %v; want the TV alone", fn, view)
	}
	// a settled screen stays one: after a power cut, its first minutes count
	if tv = beat("tv-breakroom-001"); tv.GetBool(s.ScreenProvisional) {
		t.Fatal("a settled screen became provisional again after a gap")
	}
}
