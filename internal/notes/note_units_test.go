package notes_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func seedUnits(t testing.TB, app *tests.TestApp) {
	kktest.Create(t, app, s.Rooms, map[string]any{"name": "4 West", "slug": "4-west", "unit": "Medicine", "active": true})
	kktest.Create(t, app, s.Rooms, map[string]any{"name": "5 East", "slug": "5-east", "unit": "Medicine", "active": true})
	kktest.Create(t, app, s.Rooms, map[string]any{"name": "Old ward", "slug": "old-ward", "unit": "Surgery", "active": false})
}

// TestNoteNamesTheUnitThanked: "Where do they work?" is optional, a plain
// select grouped by unit, and the choice is stored as notes.for_room.
func TestNoteNamesTheUnitThanked(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "the form offers active rooms grouped by unit", Method: http.MethodGet, URL: "/notes/new?room=break-room",
			ExpectedStatus: 200, ExpectedContent: []string{`<select id="for_room" name="for_room"`, `<optgroup label="Medicine">`,
				`<option value="4-west">4 West</option>`, `<option value="5-east">5 East</option>`},
			NotExpectedContent: []string{"old-ward"}},
		{Name: "a note for 4 West written in the break room", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body:           kktest.Form("to", "Dr Lee and the 4 West night team", "body", "thank you for the handover", "room", "break-room", "for_room", "4-west"),
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				note, err := app.FindFirstRecordByData(s.Notes, s.NoteTo, "Dr Lee and the 4 West night team")
				if err != nil {
					t.Fatal(err)
				}
				west, _ := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "4-west")
				breakRoom, _ := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "break-room")
				if note.GetString(s.NoteForRoom) != west.Id || note.GetString(s.FieldRoom) != breakRoom.Id {
					t.Errorf("for_room %q room %q; want %s and %s", note.GetString(s.NoteForRoom), note.GetString(s.FieldRoom), west.Id, breakRoom.Id)
				}
			}},
		{Name: "no unit chosen is fine", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks", "for_room", ""), ExpectedStatus: 303},
		{Name: "an unknown unit: message next to the field, everything kept", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body:           kktest.Form("to", "Ana", "body", "thanks for the soup", "from", "Kim", "for_room", "old-ward"),
			ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-for_room"`, "We don&#39;t know that unit any more", "thanks for the soup", `value="Kim"`,
				`aria-describedby="err-for_room"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n, _ := app.CountRecords(s.Notes); n != 0 {
					t.Errorf("%d notes saved", n)
				}
			}},
	} {
		sc.TestAppFactory = kktest.Factory(seedUnits)
		sc.Test(t)
	}
}
