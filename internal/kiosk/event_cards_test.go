package kiosk_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestScreenEventsAgreeWithEventPages (issue 11 item 6): the screens ask
// internal/events which events are upcoming and what their sign-up state
// is, so they say what the event's own page says.
func TestScreenEventsAgreeWithEventPages(t *testing.T) {
	closedSignup := func(t testing.TB, app *tests.TestApp) {
		setAppURL(t, app, appURL)
		starts := types.NowDateTime().Add(72 * time.Hour)
		kktest.Create(t, app, s.Events, map[string]any{"id": "evclosedsignup0", s.EventTitle: "Closed quiz", s.EventStarts: starts,
			s.EventEnds: starts.Add(time.Hour), s.EventCapacity: 10, s.EventSignupCloses: types.NowDateTime().Add(-24 * time.Hour),
			s.FieldStatus: s.StatusPublished})
	}
	running := func(t testing.TB, app *tests.TestApp) {
		setAppURL(t, app, appURL)
		kktest.Create(t, app, s.Events, map[string]any{"id": "evrunning000000", s.EventTitle: "Wellbeing week", s.EventStarts: types.NowDateTime().Add(-3 * time.Hour),
			s.EventEnds: types.NowDateTime().Add(48 * time.Hour), s.FieldStatus: s.StatusPublished})
	}
	scenarios := []tests.ApiScenario{
		{Name: "sign-up closed yesterday: the screen says closed, no seats left, no sign-up code", Method: http.MethodGet, URL: "/kiosk/break-room",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(closedSignup),
			ExpectedContent:    []string{"Closed quiz", "Sign-up closed"},
			NotExpectedContent: []string{"seats left", `alt="QR code for this event"`}},
		{Name: "sign-up closed: the feed a screen re-syncs from says the same", Method: http.MethodGet, URL: "/kiosk/break-room/feed",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(closedSignup),
			ExpectedContent:    []string{"Closed quiz", "Sign-up closed"},
			NotExpectedContent: []string{"seats left", "QR code for this event"}},
		{Name: "sign-up closed: the event's own page agrees", Method: http.MethodGet, URL: "/events/evclosedsignup0",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(closedSignup),
			ExpectedContent: []string{"Closed quiz", "Sign-up closed"}, NotExpectedContent: []string{"seats left", `action="/events/evclosedsignup0/signup"`}},
		{Name: "a multi-day event that started 3 hours ago is on the screen", Method: http.MethodGet, URL: "/kiosk/break-room",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(running),
			ExpectedContent: []string{"Wellbeing week"}, NotExpectedContent: []string{`alt="QR code for this event"`}},
		{Name: "...and on the start page", Method: http.MethodGet, URL: "/",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(running), ExpectedContent: []string{"Wellbeing week"}},
		{Name: "...and on the event list", Method: http.MethodGet, URL: "/events",
			ExpectedStatus: 200, TestAppFactory: kktest.Factory(running), ExpectedContent: []string{"Wellbeing week"}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestScreenShowsEventsForItsRoom: an event aimed at a room is on that
// room's screen and not on another's (the old filter, rooms ?= {:room},
// compared the whole JSON array and matched nothing).
func TestScreenShowsEventsForItsRoom(t *testing.T) {
	seedRoomEvent := func(t testing.TB, app *tests.TestApp) {
		setAppURL(t, app, appURL)
		room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
		if err != nil {
			t.Fatal(err)
		}
		kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU staff room", s.RoomSlug: "icu", s.RoomActive: true})
		starts := types.NowDateTime().Add(48 * time.Hour)
		kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Break-room bake-off", s.EventStarts: starts,
			s.EventRooms: []string{room.Id}, s.FieldStatus: s.StatusPublished})
	}
	scenarios := []tests.ApiScenario{
		{Name: "its own room's screen shows it", Method: http.MethodGet, URL: "/kiosk/break-room", ExpectedStatus: 200,
			TestAppFactory: kktest.Factory(seedRoomEvent), ExpectedContent: []string{"Break-room bake-off"}},
		{Name: "another room's screen doesn't", Method: http.MethodGet, URL: "/kiosk/icu", ExpectedStatus: 200,
			TestAppFactory: kktest.Factory(seedRoomEvent), NotExpectedContent: []string{"Break-room bake-off"}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}
