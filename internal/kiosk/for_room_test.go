package kiosk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

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
