package notes_test

import (
	"io"
	"net/http"
	"strings"
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

// TestFormPagesListTheUnits: every page that shows the form again (a
// message next to a field, a PHI warning, a failed save) still offers the
// units, since the list is now filled only when the form is rendered.
func TestFormPagesListTheUnits(t *testing.T) {
	units := []string{`<optgroup label="Medicine">`, `<option value="4-west">4 West</option>`}
	for _, sc := range []tests.ApiScenario{
		{Name: "empty message: 422 with the list", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", " "), ExpectedStatus: 422, ExpectedContent: units},
		{Name: "PHI warning: 200 with the list and the choice kept", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body:           kktest.Form("to", "Ana", "body", "thanks for looking after Mrs Kowalski in bed 12", "for_room", "5-east"),
			ExpectedStatus: 200,
			ExpectedContent: append([]string{"Please check for patient details", `<option value="5-east" selected>5 East</option>`},
				units...)},
	} {
		sc.TestAppFactory = kktest.Factory(seedUnits)
		sc.Test(t)
	}
}

// TestSuccessfulPostListsNoRooms: a post that succeeds reads no room
// from the database (the room and the unit come from the rooms cache, and
// the unit list is only built to show the form). What is left is
// PocketBase's own check that each relation exists, which plain
// PocketBase's REST create runs too.
func TestSuccessfulPostListsNoRooms(t *testing.T) {
	app := kktest.NewApp(t)
	seedUnits(t, app)
	client := kktest.NewClient(t, app)
	post := func(body string) {
		t.Helper()
		res := client.Do(http.MethodPost, "/notes", kktest.Form("to", "Night team", "body", body, "room", "break-room", "for_room", "4-west"), kktest.FormHeaders)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("post: %d", res.StatusCode)
		}
	}
	post("thank you") // the first post after a start loads the rooms once
	q := countQueries(app)
	post("thank you again")
	var rooms []string
	for _, sql := range q.all() {
		if strings.Contains(sql, "FROM `rooms`") && !strings.HasPrefix(sql, "SELECT count(*) FROM `rooms` WHERE `id`=") {
			rooms = append(rooms, sql)
		}
	}
	if len(rooms) > 0 {
		t.Errorf("a successful post read rooms %d times:\n%s", len(rooms), strings.Join(rooms, "\n"))
	}
}

// TestRoomChangesReachTheForm: the form reads rooms from a cache, and a
// change in the dashboard shows on the very next request.
func TestRoomChangesReachTheForm(t *testing.T) {
	app := kktest.NewApp(t)
	seedUnits(t, app)
	client := kktest.NewClient(t, app)
	page := func(url string) string {
		t.Helper()
		res := client.Do(http.MethodGet, url, nil, nil)
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	if p := page("/notes/new?room=break-room"); !strings.Contains(p, `<p class="eyebrow" dir="auto">Staff break room</p>`) || !strings.Contains(p, "4 West") {
		t.Fatal("form before the changes lacks the room or the unit")
	}

	breakRoom, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "break-room")
	if err != nil {
		t.Fatal(err)
	}
	breakRoom.Set(s.RoomName, "Garden break room")
	if err := app.Save(breakRoom); err != nil {
		t.Fatal(err)
	}
	west, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "4-west")
	if err != nil {
		t.Fatal(err)
	}
	west.Set(s.RoomActive, false)
	if err := app.Save(west); err != nil {
		t.Fatal(err)
	}

	if p := page("/notes/new?room=break-room"); !strings.Contains(p, `<p class="eyebrow" dir="auto">Garden break room</p>`) || strings.Contains(p, "4-west") {
		t.Error("the form still shows the old room name or the deactivated unit")
	}
	res := client.Do(http.MethodPost, "/notes", kktest.Form("to", "Ana", "body", "thanks", "for_room", "4-west"), kktest.FormHeaders)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a post for the deactivated unit: %d, want 422", res.StatusCode)
	}
	if n, _ := app.CountRecords(s.Notes); n != 0 {
		t.Errorf("%d notes saved for a deactivated unit", n)
	}
}
