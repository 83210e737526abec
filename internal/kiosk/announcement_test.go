package kiosk_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// seedAnnouncements adds staff accounts and one announcement of each kind:
// live everywhere, live for the ICU only, still to start, and ended.
func seedAnnouncements(t testing.TB, app *tests.TestApp) {
	t.Helper()
	seed(t, app)
	for email, roles := range map[string][]string{"mod@hospital.example": {s.RoleModerate}, "org@hospital.example": {s.RoleOrganise}} {
		col, err := app.FindCollectionByNameOrId(s.Moderators)
		if err != nil {
			t.Fatal(err)
		}
		m := core.NewRecord(col)
		m.SetEmail(email)
		m.SetPassword("a-long-test-password")
		m.Set(s.ModeratorRoles, roles)
		if err := app.Save(m); err != nil {
			t.Fatal(err)
		}
	}
	icu, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "icu")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for id, a := range map[string]map[string]any{
		"annlive00000000": {s.AnnouncementText: "Flu jabs in the atrium today", s.AnnouncementStarts: now.Add(-time.Hour), s.AnnouncementEnds: now.Add(time.Hour)},
		"annicu000000000": {s.AnnouncementText: "ICU fire drill at 14:00", s.AnnouncementRooms: []string{icu.Id}, s.AnnouncementStarts: now.Add(-time.Hour), s.AnnouncementEnds: now.Add(time.Hour)},
		"annlater0000000": {s.AnnouncementText: "Tomorrow: new badge readers", s.AnnouncementStarts: now.Add(20 * time.Hour), s.AnnouncementEnds: now.Add(30 * time.Hour)},
		"annended0000000": {s.AnnouncementText: "Yesterday's water outage", s.AnnouncementStarts: now.Add(-30 * time.Hour), s.AnnouncementEnds: now.Add(-20 * time.Hour)},
	} {
		a["id"] = id
		kktest.Create(t, app, s.Announcements, a)
	}
}

func authAs(email string) func(t testing.TB, app *tests.TestApp) map[string]string {
	return func(t testing.TB, app *tests.TestApp) map[string]string {
		rec, err := app.FindAuthRecordByEmail(s.Moderators, email)
		if err != nil {
			t.Fatal(err)
		}
		token, err := rec.NewAuthToken()
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{"Authorization": token, "Content-Type": "application/json"}
	}
}

func countAnnouncements(want int) func(t testing.TB, app *tests.TestApp, res *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if n, _ := app.CountRecords(s.Announcements); int(n) != want {
			t.Errorf("announcements = %d, want %d", n, want)
		}
	}
}

// TestAnnouncementRules pins who may do what with announcements over REST:
// moderators with the `moderate` role everything, superusers everything,
// organisers and the public nothing.
func TestAnnouncementRules(t *testing.T) {
	const url = "/api/collections/announcements/records"
	soon := time.Now().Add(time.Minute).UTC().Format("2006-01-02 15:04:05.000Z")
	later := time.Now().Add(time.Hour).UTC().Format("2006-01-02 15:04:05.000Z")
	valid := `{"text":"Vaccination clinic in the atrium today","starts":"` + soon + `","ends":"` + later + `"}`
	mod, org := authAs("mod@hospital.example"), authAs("org@hospital.example")
	type row struct {
		name    string
		method  string
		path    string
		body    string
		as      func(t testing.TB, app *tests.TestApp) map[string]string
		status  int
		want    []string
		notWant []string
		count   int // announcements afterwards
	}
	rows := []row{
		// the public: nothing
		{"public list: empty", http.MethodGet, url, "", nil, 200, []string{`"totalItems":0`}, []string{"Flu jabs", "ICU fire drill"}, 4},
		{"public view: 404", http.MethodGet, url + "/annlive00000000", "", nil, 404, nil, []string{"Flu jabs"}, 4},
		{"public create: refused", http.MethodPost, url, valid, nil, 400, nil, nil, 4},
		{"public update: 404", http.MethodPatch, url + "/annlive00000000", `{"text":"hacked"}`, nil, 404, nil, nil, 4},
		{"public delete: 404", http.MethodDelete, url + "/annlive00000000", "", nil, 404, nil, nil, 4},
		// an organiser (no moderate role): nothing either
		{"organiser list: empty", http.MethodGet, url, "", org, 200, []string{`"totalItems":0`}, []string{"Flu jabs"}, 4},
		{"organiser view: 404", http.MethodGet, url + "/annlive00000000", "", org, 404, nil, nil, 4},
		{"organiser create: refused", http.MethodPost, url, valid, org, 400, nil, nil, 4},
		{"organiser update: 404", http.MethodPatch, url + "/annlive00000000", `{"text":"hacked"}`, org, 404, nil, nil, 4},
		{"organiser delete: 404", http.MethodDelete, url + "/annlive00000000", "", org, 404, nil, nil, 4},
		// a moderator: everything
		{"moderator list: all, ended ones too", http.MethodGet, url, "", mod, 200, []string{`"totalItems":4`, "Flu jabs", "ICU fire drill", "Yesterday"}, nil, 4},
		{"moderator view", http.MethodGet, url + "/annicu000000000", "", mod, 200, []string{"ICU fire drill"}, nil, 4},
		{"moderator create", http.MethodPost, url, valid, mod, 200, []string{"Vaccination clinic"}, nil, 5},
		{"moderator update", http.MethodPatch, url + "/annlive00000000", `{"text":"Flu jabs moved to the canteen"}`, mod, 200, []string{"moved to the canteen"}, nil, 4},
		{"moderator delete", http.MethodDelete, url + "/annlive00000000", "", mod, 204, nil, nil, 3},
		{"moderator: an end before the start is refused, next to the field", http.MethodPost, url,
			`{"text":"Backwards","starts":"` + later + `","ends":"` + soon + `"}`, mod, 400, []string{`"ends"`, "Must be after the start"}, nil, 4},
		{"moderator: text over 200 characters refused", http.MethodPost, url,
			`{"text":"` + strings.Repeat("a", s.AnnouncementTextMax+1) + `","starts":"` + soon + `","ends":"` + later + `"}`, mod, 400, []string{`"text"`}, nil, 4},
		{"moderator: start and end are required", http.MethodPost, url, `{"text":"When?"}`, mod, 400, []string{`"starts"`, `"ends"`}, nil, 4},
		{"moderator: patient details refused (straight to the screens)", http.MethodPost, url,
			`{"text":"Please pray for Mr Jones in bed 4","starts":"` + soon + `","ends":"` + later + `"}`, mod, 400,
			[]string{`"text"`, "patient details"}, nil, 4},
		{"superuser: patient details refused too", http.MethodPost, url,
			`{"text":"Mrs Okafor, DOB 03/04/1950, thanks you all","starts":"` + soon + `","ends":"` + later + `"}`, superuser, 400,
			[]string{`"text"`, "patient details"}, nil, 4},
		// a superuser: everything
		{"superuser list", http.MethodGet, url, "", superuser, 200, []string{`"totalItems":4`}, nil, 4},
		{"superuser create", http.MethodPost, url, valid, superuser, 200, []string{"Vaccination clinic"}, nil, 5},
		{"superuser delete", http.MethodDelete, url + "/annended0000000", "", superuser, 204, nil, nil, 3},
	}
	for _, r := range rows {
		sc := &tests.ApiScenario{Name: r.name, Method: r.method, URL: r.path, ExpectedStatus: r.status,
			ExpectedContent: r.want, NotExpectedContent: r.notWant, AfterTestFunc: countAnnouncements(r.count)}
		if r.body != "" {
			sc.Body = strings.NewReader(r.body)
		}
		as := r.as
		// the token is signed per app: the accounts are made by the seed
		sc.TestAppFactory = func(t testing.TB) *tests.TestApp {
			app := kktest.Factory(seedAnnouncements)(t)
			sc.Headers = map[string]string{"Content-Type": "application/json"}
			if as != nil {
				sc.Headers = as(t, app)
			}
			return app
		}
		if r.status >= 400 && len(r.want) == 0 {
			sc.ExpectedContent = []string{`"status":`}
		}
		sc.Test(t)
	}
}

// superuser authenticates as the test apps' superuser.
func superuser(t testing.TB, app *tests.TestApp) map[string]string {
	return map[string]string{"Authorization": kktest.SuperuserToken(t, app), "Content-Type": "application/json"}
}

// TestAnnouncementsOnScreens: a screen holds the announcements for its
// room that have not ended (those still to start hidden until then), in
// the page and in the feed it re-syncs from, above the rotation.
func TestAnnouncementsOnScreens(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "page: the live notice shown, the later one held hidden, the ended and other room's absent", Method: http.MethodGet, URL: "/kiosk/break-room",
			ExpectedStatus: 200,
			ExpectedContent: []string{`<div class="notice" data-id="annlive00000000" data-kind="announcement"`, `dir="auto">Flu jabs in the atrium today</span>`,
				`<div class="notice hidden" data-id="annlater0000000"`},
			NotExpectedContent: []string{"ICU fire drill", "Yesterday", `class="kcard announcement`},
			TestAppFactory:     kktest.Factory(seedAnnouncements)},
		{Name: "page: the ICU sees its own notice", Method: http.MethodGet, URL: "/kiosk/icu", ExpectedStatus: 200,
			ExpectedContent: []string{"ICU fire drill at 14:00", "Flu jabs"}, TestAppFactory: kktest.Factory(seedAnnouncements)},
		{Name: "feed: the notices with their times", Method: http.MethodGet, URL: "/kiosk/break-room/feed", ExpectedStatus: 200,
			NotExpectedContent: []string{"ICU fire drill", "Yesterday"}, TestAppFactory: kktest.Factory(seedAnnouncements),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				var f kiosk.Feed
				if err := json.NewDecoder(res.Body).Decode(&f); err != nil {
					t.Fatal(err)
				}
				got := map[string]kiosk.Card{}
				for _, c := range f.Cards {
					if c.Kind == "announcement" {
						got[c.ID] = c
					}
				}
				live, later := got["annlive00000000"], got["annlater0000000"]
				if len(got) != 2 || live.Starts == 0 || live.Ends <= live.Starts || later.Starts <= time.Now().UnixMilli() {
					t.Errorf("announcements in the feed: %+v", got)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestAnnouncementPush: an announcement reaches connected screens the
// moment it is saved, with its room and times; an edit that ends it and a
// deletion take it off.
func TestAnnouncementPush(t *testing.T) {
	app := kktest.NewApp(t)
	seedAnnouncements(t, app)
	screens := []subscriptions.Client{screenClient(app), screenClient(app)}
	drain(screens...)

	icu, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "icu")
	if err != nil {
		t.Fatal(err)
	}
	starts, ends := time.Now().Add(-time.Minute).Truncate(time.Millisecond), time.Now().Add(time.Hour).Truncate(time.Millisecond)
	a := kktest.Create(t, app, s.Announcements, map[string]any{s.AnnouncementText: "Code black drill now", s.AnnouncementRooms: []string{icu.Id},
		s.AnnouncementStarts: starts, s.AnnouncementEnds: ends})
	for _, m := range receiveAll(t, screens) {
		if m.Op != "upsert" || m.Card == nil || m.Card.ID != a.Id || m.Card.Kind != "announcement" ||
			!strings.Contains(string(m.Card.HTML), "Code black drill now") || len(m.Card.Rooms) != 1 || m.Card.Rooms[0] != icu.Id ||
			m.Card.Starts != starts.UnixMilli() || m.Card.Ends != ends.UnixMilli() {
			t.Fatalf("new announcement message %+v", m)
		}
	}

	a.Set(s.AnnouncementStarts, time.Now().Add(-2*time.Hour))
	a.Set(s.AnnouncementEnds, time.Now().Add(-time.Minute))
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "remove" || m.ID != a.Id {
			t.Fatalf("ended announcement message %+v", m)
		}
	}

	live, err := app.FindRecordById(s.Announcements, "annlive00000000")
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(live); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "remove" || m.ID != live.Id {
			t.Fatalf("deleted announcement message %+v", m)
		}
	}
}
