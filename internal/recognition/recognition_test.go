package recognition_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// world is a break room, the 4 West unit and the notes around them.
type world struct {
	breakRoom, west, er *core.Record
	forWest             *core.Record // written in the break room, for 4 West
	inWest              *core.Record // written in 4 West, for nobody else
	forER               *core.Record // written in 4 West, for the ER
	pending, rejected   *core.Record // for 4 West, never shown
	old                 *core.Record // for 4 West, three weeks ago
}

func seed(t testing.TB, app core.App) world {
	t.Helper()
	var w world
	var err error
	if w.breakRoom, err = app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug); err != nil {
		t.Fatal(err)
	}
	w.west = kktest.Create(t, app, s.Rooms, map[string]any{"name": "4 West", "slug": "4-west", "unit": "Medicine", "active": true,
		s.RoomManagerEmail: "manager.4west@hospital.example"})
	w.er = kktest.Create(t, app, s.Rooms, map[string]any{"name": "ER", "slug": "er", "active": true})
	note := func(to, status, room, forRoom string) *core.Record {
		return kktest.Create(t, app, s.Notes, map[string]any{"to": to, "body": "Thank you for **everything**, " + to,
			"status": status, "room": room, s.NoteForRoom: forRoom})
	}
	w.forWest = note("Dr Lee and the 4 West night team", s.StatusApproved, w.breakRoom.Id, w.west.Id)
	w.inWest = note("Ana in 4 West", s.StatusApproved, w.west.Id, "")
	w.forER = note("the ER porters", s.StatusApproved, w.west.Id, w.er.Id)
	w.pending = note("Pending Person", s.StatusPending, w.breakRoom.Id, w.west.Id)
	w.rejected = note("Rejected Person", s.StatusRejected, w.breakRoom.Id, w.west.Id)
	w.old = note("Last Month's Hero", s.StatusApproved, w.breakRoom.Id, w.west.Id)
	w.old.SetRaw(s.FieldCreated, types.NowDateTime().AddDate(0, 0, -21))
	if err := app.UnsafeWithoutHooks().SaveNoValidate(w.old); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestUnitNotesBelongToTheRightUnit pins the one rule the huddle sheet,
// the digest and the screen's count share.
func TestUnitNotesBelongToTheRightUnit(t *testing.T) {
	app := kktest.NewApp(t)
	w := seed(t, app)
	got, err := recognition.UnitNotes(app, w.west.Id, time.Now().AddDate(0, 0, -7), 50)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range got {
		names = append(names, n.GetString(s.NoteTo))
	}
	if want := "Dr Lee and the 4 West night team|Ana in 4 West"; strings.Join(names, "|") != want {
		t.Errorf("4 West's notes this week = %q, want %q", strings.Join(names, "|"), want)
	}
	for room, want := range map[string]int{w.west.Id: 2, w.er.Id: 1, w.breakRoom.Id: 0} {
		n, err := recognition.CountSince(app, room, time.Now().AddDate(0, 0, -7))
		if err != nil || n != want {
			t.Errorf("CountSince(%s) = %d, %v; want %d", room, n, err, want)
		}
	}
	if n, _ := recognition.CountSince(app, w.west.Id, time.Now().AddDate(0, -2, 0)); n != 3 {
		t.Errorf("4 West over two months = %d, want 3 (the old note counts)", n)
	}
}

func TestMonthStartIsTheHospitalsMonth(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	// 1 December 03:00 UTC is still 30 November in New York
	got := recognition.MonthStart(time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC), ny)
	if want := time.Date(2026, 11, 1, 0, 0, 0, 0, ny); !got.Equal(want) {
		t.Errorf("MonthStart = %v, want %v", got, want)
	}
}

func TestCardAndHuddlePages(t *testing.T) {
	var w world
	factory := kktest.Factory(func(t testing.TB, app *tests.TestApp) { w = seed(t, app) })
	scenarios := []struct {
		tests.ApiScenario
		url func() string
	}{
		{tests.ApiScenario{Name: "card of an approved note", ExpectedStatus: 200,
			ExpectedContent: []string{"Dr Lee and the 4 West night team", "<strong>everything</strong>", "4 West", "A colleague", "css/print", "size: A5"}},
			func() string { return "/notes/" + w.forWest.Id + "/card" }},
		{tests.ApiScenario{Name: "a pending note has no card", ExpectedStatus: 404, NotExpectedContent: []string{"Pending Person"}},
			func() string { return "/notes/" + w.pending.Id + "/card" }},
		{tests.ApiScenario{Name: "a rejected note has no card", ExpectedStatus: 404, NotExpectedContent: []string{"Rejected Person"}},
			func() string { return "/notes/" + w.rejected.Id + "/card" }},
		{tests.ApiScenario{Name: "unknown note", ExpectedStatus: 404, ExpectedContent: []string{"Page not found"}}, func() string { return "/notes/nosuchnote12345/card" }},
		{tests.ApiScenario{Name: "huddle sheet: this week's notes for the unit, oldest first", ExpectedStatus: 200,
			ExpectedContent:    []string{"Thank-yous for 4 West", "Dr Lee and the 4 West night team", "Ana in 4 West", "2 notes"},
			NotExpectedContent: []string{"the ER porters", "Pending Person", "Rejected Person", "Last Month", "manager.4west"}},
			func() string { return "/rooms/4-west/huddle" }},
		{tests.ApiScenario{Name: "huddle sheet since a date includes older notes", ExpectedStatus: 200,
			ExpectedContent: []string{"Last Month's Hero", "3 notes"}},
			func() string {
				return "/rooms/4-west/huddle?since=" + time.Now().AddDate(0, 0, -30).Format("2006-01-02")
			}},
		{tests.ApiScenario{Name: "a malformed since says so and shows the week", ExpectedStatus: 200,
			ExpectedContent: []string{"is not a past date", "Ana in 4 West"}, NotExpectedContent: []string{"Last Month"}},
			func() string { return "/rooms/4-west/huddle?since=last-tuesday" }},
		{tests.ApiScenario{Name: "an empty unit says so", ExpectedStatus: 200, ExpectedContent: []string{"No approved thank-yous"}},
			func() string { return "/rooms/" + s.DefaultRoomSlug + "/huddle" }},
		{tests.ApiScenario{Name: "unknown room", ExpectedStatus: 404, ExpectedContent: []string{"no room with that address"}}, func() string { return "/rooms/nowhere/huddle" }},
	}
	for _, sc := range scenarios {
		// the URL needs the seeded ids: build the app first
		app := factory(t)
		sc.Method = http.MethodGet
		sc.URL = sc.url()
		sc.TestAppFactory = func(testing.TB) *tests.TestApp { return app }
		if strings.Contains(sc.Name, "card of") {
			sc.ExpectedContent = sc.ExpectedContent[:4] // the stylesheet is a separate file
		}
		sc.Test(t)
	}
}

// TestStartPageRoomSection (issue 13): a unit's section of the start page
// says how many thank-yous it got this month (the screen's own count) and
// links its huddle sheet.
func TestStartPageRoomSection(t *testing.T) {
	app := kktest.NewApp(t)
	w := seed(t, app)
	westTally, err := recognition.Tally(app, w.west.Id, time.Now())
	if err != nil || !strings.Contains(westTally, "thank-yous for this unit this month") {
		t.Fatalf("4 West's tally = %q, %v", westTally, err)
	}
	sc := tests.ApiScenario{Name: "start page", Method: http.MethodGet, URL: "/", ExpectedStatus: 200,
		TestAppFactory:     func(testing.TB) *tests.TestApp { return app },
		ExpectedContent:    []string{`href="/rooms/4-west/huddle"`, westTally, "1 thank-you for this unit this month"}, // the ER's
		NotExpectedContent: []string{"manager.4west"}}
	sc.Test(t)
}
