package desk_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// inNewYork: the hospital's zone is America/New_York (UTC−5 in January).
func inNewYork(t testing.TB, app *tests.TestApp) {
	seed(t, app)
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, "America/New_York")
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

func TestAnnouncements(t *testing.T) {
	post := func(name string, status int, kv ...string) tests.ApiScenario {
		return tests.ApiScenario{Name: name, Method: http.MethodPost, URL: "/moderate/announcements", Body: kktest.Form(kv...), ExpectedStatus: status}
	}
	stored := func(t testing.TB, app *tests.TestApp, text string) (starts, ends string, rooms []string) {
		rec, err := app.FindFirstRecordByData(s.Announcements, s.AnnouncementText, text)
		if err != nil {
			t.Fatalf("not saved: %v", err)
		}
		return rec.GetDateTime(s.AnnouncementStarts).String(), rec.GetDateTime(s.AnnouncementEnds).String(), rec.GetStringSlice(s.AnnouncementRooms)
	}
	notSaved := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if n, _ := app.CountRecords(s.Announcements); n != 1 {
			t.Errorf("%d announcements, want only the seeded one", n)
		}
	}
	ok := post("times are the hospital's, stored as instants", 303, "text", "Flu jabs in the atrium", "starts", "2030-01-15T19:00", "ends", "2030-01-15T21:30")
	ok.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		location("/moderate/announcements?m=posted")(t, app, res)
		starts, ends, rooms := stored(t, app, "Flu jabs in the atrium")
		if starts != "2030-01-16 00:00:00.000Z" || ends != "2030-01-16 02:30:00.000Z" || len(rooms) != 0 {
			t.Errorf("stored %s – %s %v; want 7 PM New York time = 00:00 UTC, every room", starts, ends, rooms)
		}
	}
	withRoom := post("for one room", 303, "text", "Ward 4 huddle moved", "rooms", room4West, "starts", "2030-01-15T09:00", "ends", "2030-01-15T10:00")
	withRoom.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if _, _, rooms := stored(t, app, "Ward 4 huddle moved"); len(rooms) != 1 || rooms[0] != room4West {
			t.Errorf("rooms %v", rooms)
		}
	}
	scenarios := []tests.ApiScenario{
		ok, withRoom,
		post("empty text: at the field, times kept", 422, "text", " ", "starts", "2030-01-15T19:00", "ends", "2030-01-15T21:30"),
		post("over 200 characters", 422, "text", strings.Repeat("Flu jabs ", 23), "starts", "2030-01-15T19:00", "ends", "2030-01-15T21:30"),
		post("ends before it starts", 422, "text", "Drill", "starts", "2030-01-15T19:00", "ends", "2030-01-15T18:00"),
		post("already ended", 422, "text", "Drill", "starts", "2020-01-15T19:00", "ends", "2020-01-15T21:00"),
		post("unreadable time", 422, "text", "Drill", "starts", "tomorrow", "ends", "2030-01-15T21:00"),
		post("patient details are refused: announcements go straight to the screens", 422, "text", "Please pray for Mr Jones in bed 4, DOB 03/04/1950",
			"starts", "2030-01-15T19:00", "ends", "2030-01-15T21:00"),
		post("a room that doesn't exist", 422, "text", "Drill", "rooms", "nosuchroom0000", "starts", "2030-01-15T19:00", "ends", "2030-01-15T21:00"),
		{Name: "the desk lists what is on and coming", Method: http.MethodGet, URL: "/moderate", ExpectedStatus: 200,
			ExpectedContent: []string{`id="announcements"`, "Fire drill at 14:00", "On screens", "Every room",
				`action="/moderate/announcements/` + announcement + `/delete"`, `href="/moderate/announcements"`}},
		{Name: "delete: gone, back to the list", Method: http.MethodPost, URL: "/moderate/announcements/" + announcement + "/delete", ExpectedStatus: 303,
			Body: kktest.Form("confirm", "1"),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				location("/moderate/announcements?m=deleted")(t, app, res)
				if _, err := app.FindRecordById(s.Announcements, announcement); err == nil {
					t.Error("not deleted")
				}
			}},
	}
	want := map[string][]string{
		"empty text: at the field, times kept": {`id="err-text"`, "Please fill in the announcement.", `value="2030-01-15T19:00"`, `value="2030-01-15T21:30"`},
		"over 200 characters":                  {`id="err-text"`, "the limit is 200"},
		"ends before it starts":                {`id="err-ends"`, "The end must be after the start.", ">Drill</textarea>"},
		"already ended":                        {`id="err-ends"`, "already passed"},
		"unreadable time":                      {`id="err-starts"`, "as a date and time"},
		"a room that doesn't exist":            {`id="err-rooms"`, "doesn&#39;t exist any more"},
		"patient details are refused: announcements go straight to the screens": {`id="err-text"`, "looks like it has patient details", "date of birth",
			"Please pray for Mr Jones in bed 4, DOB 03/04/1950</textarea>"},
	}
	for _, sc := range scenarios {
		if c, ok := want[sc.Name]; ok {
			sc.ExpectedContent = c
			sc.AfterTestFunc = notSaved
		}
		sc.Headers = kktest.FormHeaders
		sc.TestAppFactory = kktest.Factory(inNewYork)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
