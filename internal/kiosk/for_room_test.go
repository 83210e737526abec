package kiosk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestNoteForAnotherUnitShowsOnBothScreens (issue 13): "To Dr Lee and the
// 4 West night team", written in the break room, shows on the break
// room's screen and on 4 West's, and on no other; never before approval.
func TestNoteForAnotherUnitShowsOnBothScreens(t *testing.T) {
	seedFor := func(status string) func(t testing.TB, app *tests.TestApp) {
		return func(t testing.TB, app *tests.TestApp) {
			setAppURL(t, app, appURL)
			breakRoom, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
			if err != nil {
				t.Fatal(err)
			}
			west := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "4 West", s.RoomSlug: "4-west", s.RoomActive: true})
			kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU", s.RoomSlug: "icu", s.RoomActive: true})
			kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Dr Lee and the 4 West night team", s.NoteBody: "for the handover",
				s.FieldRoom: breakRoom.Id, s.NoteForRoom: west.Id, s.FieldStatus: status})
		}
	}
	for _, c := range []struct {
		slug, status string
		shown        bool
	}{
		{"break-room", s.StatusApproved, true}, {"4-west", s.StatusApproved, true}, {"icu", s.StatusApproved, false},
		{"break-room", s.StatusPending, false}, {"4-west", s.StatusPending, false},
	} {
		for _, url := range []string{"/kiosk/" + c.slug, "/kiosk/" + c.slug + "/feed"} {
			sc := tests.ApiScenario{Name: url + " with the note " + c.status, Method: http.MethodGet, URL: url, ExpectedStatus: 200,
				TestAppFactory: kktest.Factory(seedFor(c.status))}
			if c.shown {
				sc.ExpectedContent = []string{"Dr Lee and the 4 West night team"}
			} else {
				sc.NotExpectedContent = []string{"Dr Lee"}
				sc.ExpectedContent = []string{"<"}
				if url != "/kiosk/"+c.slug {
					sc.ExpectedContent = []string{`"cards"`}
				}
			}
			sc.Test(t)
		}
	}
}

// TestScreenTallyWithoutNames (issue 13): the unit's screen says how many
// thank-yous it got this month, never who; an empty month says nothing.
func TestScreenTallyWithoutNames(t *testing.T) {
	seedTally := func(t testing.TB, app *tests.TestApp) {
		setAppURL(t, app, appURL)
		west := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "4 West", s.RoomSlug: "4-west", s.RoomActive: true})
		kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU", s.RoomSlug: "icu", s.RoomActive: true})
		for i, status := range []string{s.StatusApproved, s.StatusApproved, s.StatusPending, s.StatusRejected} {
			kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Someone", s.NoteBody: "thanks " + status,
				s.NoteForRoom: west.Id, s.FieldRoom: west.Id, s.FieldStatus: status, s.NoteFrom: []string{"Ana", "Ben", "Cy", "Di"}[i]})
		}
	}
	for _, sc := range []tests.ApiScenario{
		{Name: "the unit's screen", Method: http.MethodGet, URL: "/kiosk/4-west", ExpectedStatus: 200,
			ExpectedContent: []string{`<span class="tally" id="tally">2 thank-yous for this unit this month</span>`}},
		{Name: "the unit's feed", Method: http.MethodGet, URL: "/kiosk/4-west/feed", ExpectedStatus: 200,
			ExpectedContent: []string{`"tally":"2 thank-yous for this unit this month"`}},
		{Name: "another unit: nothing yet, nothing shown", Method: http.MethodGet, URL: "/kiosk/icu", ExpectedStatus: 200,
			ExpectedContent: []string{`<span class="tally hidden" id="tally"></span>`}},
	} {
		sc.TestAppFactory = kktest.Factory(seedTally)
		sc.Test(t)
	}
}

// TestApprovalPushCarriesTheUnitsTally: the unit's count moves with the
// approval (QA saw it wait for the next re-sync), and with the rejection.
func TestApprovalPushCarriesTheUnitsTally(t *testing.T) {
	app := kktest.NewApp(t)
	breakRoom, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	west := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "4 West", s.RoomSlug: "4-west", s.RoomActive: true})
	screen := screenClient(app)
	drain(screen)
	note := kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Dr Lee", s.NoteBody: "for the handover",
		s.FieldRoom: breakRoom.Id, s.NoteForRoom: west.Id, s.FieldStatus: s.StatusPending})
	expectSilence(t, screen)
	for _, c := range []struct{ status, westTally string }{
		{s.StatusApproved, "1 thank-you for this unit this month"},
		{s.StatusRejected, ""},
	} {
		note.Set(s.FieldStatus, c.status)
		if err := app.Save(note); err != nil {
			t.Fatal(err)
		}
		m := receiveAll(t, []subscriptions.Client{screen})[0]
		got, ok := m.Tallies[west.Id]
		if !ok || got != c.westTally {
			t.Errorf("%s: 4 West's tally in the push = %q (present %v), want %q", c.status, got, ok, c.westTally)
		}
		if bt, ok := m.Tallies[breakRoom.Id]; !ok || bt != "" {
			t.Errorf("%s: the break room's tally = %q (present %v), want \"\" (the note counts for 4 West)", c.status, bt, ok)
		}
	}
}
