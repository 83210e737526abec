package events_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// setTimezone sets the hospital's time zone (Settings row).
func setTimezone(t testing.TB, app *tests.TestApp, tz string) {
	t.Helper()
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, tz)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

// seedLondon: Europe/London, a summer night event (22:30 BST), a day
// event (13:00 BST), and an event aimed at the default room.
func seedLondon(t testing.TB, app *tests.TestApp) {
	setTimezone(t, app, "Europe/London")
	newEvent(t, app, map[string]any{"id": evNight, s.EventTitle: "Midnight breakfast", s.EventStarts: "2030-06-10 21:30:00.000Z", s.EventEnds: ""})
	newEvent(t, app, map[string]any{s.EventTitle: "Lunchtime walk", s.EventStarts: "2030-06-10 12:00:00.000Z", s.EventEnds: "2030-06-10 12:45:00.000Z"})
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	newEvent(t, app, map[string]any{s.EventTitle: "Break-room bake-off", s.EventStarts: "2030-07-01 14:00:00.000Z", s.EventRooms: []string{room.Id}})
}

func TestEventList(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "upcoming published and cancelled events; no drafts, nothing past", Method: http.MethodGet, URL: "/events",
			TestAppFactory: kktest.Factory(seedEvents), ExpectedStatus: 200,
			ExpectedContent: []string{"Open yoga", "20 seats left", "Tiny choir", "Full · waitlist open", "Picnic", "Cancelled",
				"Quiz night", "Sign-up closed", `href="/events/` + evOpen + `"`},
			NotExpectedContent: []string{"Secret draft", "Last year", "ana.secret", "@hospital.example"}},
		{Name: "times in the hospital's zone, night-shift mark only on the night event", Method: http.MethodGet, URL: "/events",
			TestAppFactory: kktest.Factory(seedLondon), ExpectedStatus: 200,
			ExpectedContent: []string{"Mon 10 Jun · 22:30", "Mon 10 Jun · 13:00–13:45", `datetime="2030-06-10T21:30:00Z"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				// the badge sits inside the card of the night event only
				body := readBody(t, res)
				cards := strings.Split(body, `<li class="card event`)
				if len(cards) != 4 {
					t.Fatalf("%d cards, want 3", len(cards)-1)
				}
				for _, c := range cards[1:] {
					night := strings.Contains(c, "Suits night shift")
					if strings.Contains(c, "Midnight breakfast") != night {
						t.Errorf("night mark wrong in card:\n%s", c)
					}
				}
			}},
		{Name: "?room= puts that room's events first", Method: http.MethodGet, URL: "/events?room=" + s.DefaultRoomSlug,
			TestAppFactory: kktest.Factory(seedLondon), ExpectedStatus: 200,
			ExpectedContent: []string{"For Staff break room", "Everyone welcome"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				body := readBody(t, res)
				room, other := strings.Index(body, "Break-room bake-off"), strings.Index(body, "Midnight breakfast")
				if room < 0 || other < 0 || room > other {
					t.Error("the room's event is not first")
				}
			}},
		{Name: "unknown room: the plain list", Method: http.MethodGet, URL: "/events?room=nowhere",
			TestAppFactory: kktest.Factory(seedLondon), ExpectedStatus: 200,
			ExpectedContent: []string{"Midnight breakfast", "Break-room bake-off"}, NotExpectedContent: []string{"For "}},
		{Name: "a multi-day event stays listed until it ends", Method: http.MethodGet, URL: "/events",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				now := types.NowDateTime()
				kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Kindness week", s.EventStarts: now.Add(-72 * time.Hour),
					s.EventEnds: now.Add(48 * time.Hour), s.FieldStatus: s.StatusPublished})
				kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Finished fair", s.EventStarts: now.Add(-72 * time.Hour),
					s.EventEnds: now.Add(-time.Hour), s.FieldStatus: s.StatusPublished})
			}), ExpectedStatus: 200,
			ExpectedContent: []string{"Kindness week"}, NotExpectedContent: []string{"Finished fair"}},
		{Name: "no events", Method: http.MethodGet, URL: "/events", TestAppFactory: kktest.Factory(nil), ExpectedStatus: 200,
			ExpectedContent: []string{"No events planned yet"}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// readBody is for AfterTestFunc: ApiScenario has read the body already
// and kept it in res.Body for us.
func readBody(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil || len(b) == 0 {
		t.Fatalf("empty body (%v)", err)
	}
	return string(b)
}

// TestIsNight pins the boundaries: 07:00 is day, 19:00 is night, in the
// hospital's zone, also on the day the clocks change.
func TestIsNight(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		utc   string
		night bool
	}{
		{"2030-06-10T05:59:00Z", true},  // 06:59 BST
		{"2030-06-10T06:00:00Z", false}, // 07:00 BST
		{"2030-06-10T17:59:00Z", false}, // 18:59 BST
		{"2030-06-10T18:00:00Z", true},  // 19:00 BST
	} {
		at, _ := time.Parse(time.RFC3339, c.utc)
		if got := events.IsNight(london, at); got != c.night {
			t.Errorf("%s: night = %v", c.utc, got)
		}
	}
	// winter: UTC = GMT, so 06:30Z is 06:30 local (night) and 07:00Z day
	for utc, night := range map[string]bool{"2030-01-10T06:30:00Z": true, "2030-01-10T07:00:00Z": false, "2030-01-10T19:00:00Z": true} {
		at, _ := time.Parse(time.RFC3339, utc)
		if got := events.IsNight(london, at); got != night {
			t.Errorf("%s: night = %v", utc, got)
		}
	}
}
