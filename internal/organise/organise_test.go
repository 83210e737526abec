package organise_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// Accounts every scenario's app has.
const (
	organiser = "olu@hospital.example"
	moderator = "mo@hospital.example"
	evID      = "evorganise00001"
	draftID   = "evorganisedraft"
	icuID     = "roomicu00000001"
)

// seed: New York time, an organiser, a moderate-only account, a published
// event (20 seats) with two confirmed people (one with a formula for a
// name) and a draft.
func seed(t testing.TB, app *tests.TestApp) {
	t.Helper()
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, "America/New_York")
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	kktest.Create(t, app, s.Rooms, map[string]any{"id": icuID, s.RoomName: "ICU staff room", s.RoomSlug: "icu", s.RoomActive: true})
	stafftest.Account(t, app, organiser, s.RoleOrganise)
	stafftest.Account(t, app, moderator, s.RoleModerate)
	starts := time.Now().Add(7 * 24 * time.Hour).UTC()
	kktest.Create(t, app, s.Events, map[string]any{"id": evID, s.EventTitle: "Schwartz Rounds", s.EventStarts: starts,
		s.EventEnds: starts.Add(time.Hour), s.EventPlace: "Seminar room 2", s.EventCapacity: 20, s.FieldStatus: s.StatusPublished})
	kktest.Create(t, app, s.Events, map[string]any{"id": draftID, s.EventTitle: "Secret picnic", s.EventStarts: starts, s.FieldStatus: s.StatusDraft})
	for _, p := range [][2]string{{"Ana Okafor", "ana@hospital.example"}, {"=HYPERLINK(\"http://x\")", "bo@hospital.example"}} {
		if _, err := events.SignUp(app, evID, p[0], p[1], "4 West"); err != nil {
			t.Fatal(err)
		}
	}
}

// form posts fields as a browser does.
func form(kv ...string) (io.Reader, map[string]string) {
	return kktest.Form(kv...), kktest.FormHeaders
}

// validEvent is a complete form, 7 PM New York time on 3 Dec 2030, with
// some fields replaced (name, value pairs; "rooms" adds a ticked room).
func validEvent(replace ...string) []string {
	base := []string{"title", "Gratitude walk", "starts", "2030-12-03T19:00", "ends", "2030-12-03T20:30",
		"place", "Main entrance", "capacity", "12", "status", "published", "description", "Bring **a friend**."}
	for i := 0; i+1 < len(replace); i += 2 {
		found := false
		for j := 0; j+1 < len(base); j += 2 {
			if base[j] == replace[i] {
				base[j+1], found = replace[i+1], true
			}
		}
		if !found {
			base = append(base, replace[i], replace[i+1])
		}
	}
	return base
}

func TestAccess(t *testing.T) {
	body, headers := form(validEvent()...)
	scenarios := []tests.ApiScenario{
		{Name: "anonymous: sent to sign in, back to /organise afterwards", Method: http.MethodGet, URL: "/organise",
			ExpectedStatus: http.StatusSeeOther, ExpectedEvents: map[string]int{"*": 0},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/moderate/login?next="+url.QueryEscape("/organise") {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "anonymous: no CSV", Method: http.MethodGet, URL: "/organise/events/" + evID + "/attendees.csv",
			ExpectedStatus: http.StatusSeeOther, NotExpectedContent: []string{"ana@hospital.example"}, ExpectedEvents: map[string]int{"*": 0}},
		{Name: "anonymous: cannot create", Method: http.MethodPost, URL: "/organise/events", Body: body, Headers: headers,
			ExpectedStatus: http.StatusSeeOther, ExpectedEvents: map[string]int{"*": 0}},
		{Name: "moderate-only account: 403 that says which role is missing", Method: http.MethodGet, URL: "/organise",
			BeforeTestFunc: stafftest.SignedIn(moderator), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"organise", "Sign in"}, NotExpectedContent: []string{"Schwartz Rounds"}, ExpectedEvents: map[string]int{"*": 0}},
		{Name: "moderate-only account: no CSV", Method: http.MethodGet, URL: "/organise/events/" + evID + "/attendees.csv",
			BeforeTestFunc: stafftest.SignedIn(moderator), ExpectedStatus: http.StatusForbidden,
			NotExpectedContent: []string{"ana@hospital.example"}, ExpectedEvents: map[string]int{"*": 0}},
		{Name: "moderate-only account: cannot cancel", Method: http.MethodPost, URL: "/organise/events/" + evID + "/cancel",
			BeforeTestFunc: stafftest.SignedIn(moderator), ExpectedStatus: http.StatusForbidden, ExpectedEvents: map[string]int{"*": 0},
			ExpectedContent: []string{"organise"}, AfterTestFunc: expectStatus(evID, s.StatusPublished)},
		{Name: "organiser: the list, drafts included, times in New York", Method: http.MethodGet, URL: "/organise",
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Schwartz Rounds", "Secret picnic", "Draft", "2 of 20 seats taken", "America/New_York", "Sign out",
				`href="/organise/events/new"`}},
		{Name: "superuser: allowed too", Method: http.MethodGet, URL: "/organise",
			BeforeTestFunc: stafftest.SignedIn(kktest.SuperuserEmail), ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Schwartz Rounds"}},
		{Name: "organiser: a cross-site post is refused", Method: http.MethodPost, URL: "/organise/events/" + evID + "/cancel",
			Headers:        map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded"},
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusForbidden, ExpectedEvents: map[string]int{"*": 0},
			ExpectedContent: []string{"Please send it from this site"}, AfterTestFunc: expectStatus(evID, s.StatusPublished)},
		{Name: "organiser: an unknown event is a 404 page", Method: http.MethodGet, URL: "/organise/events/nope",
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"<html", "find that event"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}

func TestCreateInLocalTime(t *testing.T) {
	body, headers := form(validEvent()...)
	created := func(t testing.TB, app *tests.TestApp) *core.Record {
		t.Helper()
		ev, err := app.FindFirstRecordByData(s.Events, s.EventTitle, "Gratitude walk")
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	scenarios := []tests.ApiScenario{
		{Name: "7 PM New York on 3 Dec (EST) is stored as 00:00 UTC the next day", Method: http.MethodPost, URL: "/organise/events",
			Body: body, Headers: headers, BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				ev := created(t, app)
				if got := ev.GetDateTime(s.EventStarts).Time().UTC().Format(time.RFC3339); got != "2030-12-04T00:00:00Z" {
					t.Errorf("starts = %s, want 2030-12-04T00:00:00Z", got)
				}
				if got := ev.GetDateTime(s.EventEnds).Time().UTC().Format(time.RFC3339); got != "2030-12-04T01:30:00Z" {
					t.Errorf("ends = %s", got)
				}
				if ev.GetInt(s.EventCapacity) != 12 || ev.GetString(s.FieldStatus) != s.StatusPublished || ev.GetString(s.EventDescription) != "Bring **a friend**." {
					t.Errorf("stored %v", ev.FieldsData())
				}
				if loc := res.Header.Get("Location"); loc != "/organise/events/"+ev.Id+"?done=created" {
					t.Errorf("Location = %q", loc)
				}
				// and every public page and screen says 19:00 in the
				// hospital's zone (they all show events.View; the browser
				// test looks at /events and the screen)
				if v, err := events.ViewOf(app, ev); err != nil || v.Day.In(i18n.English)+" · "+v.Time.In(i18n.English) != "Tue 3 Dec · 19:00–20:30" {
					t.Errorf("shown as %q · %q (%v)", v.Day, v.Time, err)
				}
			}},
		{Name: "7 PM in July (EDT) is 23:00 UTC", Method: http.MethodPost, URL: "/organise/events",
			Body:    kktest.Form(validEvent("starts", "2030-07-03T19:00", "ends", "")...),
			Headers: headers, BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				ev := created(t, app)
				if got := ev.GetDateTime(s.EventStarts).Time().UTC().Format(time.RFC3339); got != "2030-07-03T23:00:00Z" {
					t.Errorf("starts = %s, want 2030-07-03T23:00:00Z", got)
				}
			}},
		{Name: "a text box's \"7 PM\" works too; rooms are kept", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("starts", "2030-12-03 7 PM", "ends", "", "rooms", icuID)...), Headers: headers,
			BeforeTestFunc: stafftest.SignedIn(organiser),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				ev := created(t, app)
				if got := ev.GetDateTime(s.EventStarts).Time().UTC().Format(time.RFC3339); got != "2030-12-04T00:00:00Z" {
					t.Errorf("starts = %s", got)
				}
				if rooms := ev.GetStringSlice(s.EventRooms); len(rooms) != 1 || rooms[0] != icuID {
					t.Errorf("rooms = %v", rooms)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}

func TestFormErrors(t *testing.T) {
	_, headers := form()
	scenarios := []tests.ApiScenario{
		{Name: "empty title, unreadable start: messages next to the fields, the rest kept", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("title", "", "starts", "next tuesday")...), Headers: headers,
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="err-title"`, "Please fill in the title.", `id="err-starts"`, "Please give a date and time",
				`value="next tuesday"`, `value="Main entrance"`, "Bring **a friend**.", `value="12"`}},
		{Name: "a start that doesn't exist (clocks go forward)", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("starts", "2030-03-10T02:30", "ends", "")...), Headers: headers,
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"the clocks go forward", `value="2030-03-10T02:30"`}},
		{Name: "end before start, sign-up closing after the start, a bad capacity", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("ends", "2030-12-03T18:00", "signup_closes", "2030-12-04T09:00", "capacity", "twelve")...), Headers: headers,
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="err-ends"`, "The end must be after the start (Tue 3 Dec 2030, 19:00)", `id="err-signup_closes"`,
				`id="err-capacity"`, "whole number", `value="twelve"`}},
		{Name: "a start in the past", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("starts", "2020-12-03T19:00", "ends", "")...), Headers: headers,
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"is in the past"}},
		{Name: "a forged status is refused", Method: http.MethodPost, URL: "/organise/events",
			Body: kktest.Form(validEvent("status", "approved")...), Headers: headers,
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{`id="err-status"`}},
		{Name: "capacity below the confirmed count: the hook's reason, next to the seats", Method: http.MethodPost, URL: "/organise/events/" + evID,
			Body: kktest.Form(validEvent("title", "Schwartz Rounds", "capacity", "1")...), Headers: headers,
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="err-capacity"`, "2 people are already confirmed", `value="Schwartz Rounds"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				ev, _ := app.FindRecordById(s.Events, evID)
				if ev.GetInt(s.EventCapacity) != 20 || ev.GetString(s.EventTitle) != "Schwartz Rounds" {
					t.Errorf("stored %v", ev.FieldsData())
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(organiser)
		sc.AfterTestFunc = chain(sc.AfterTestFunc, func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if n, _ := app.CountRecords(s.Events); n != 2 {
				t.Errorf("events = %d, want the 2 seeded", n)
			}
		})
		sc.Test(t)
	}
}

func TestEditAndAttendees(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "the edit form shows stored times in New York time", Method: http.MethodGet, URL: "/organise/events/" + evID + "/edit",
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`value="Schwartz Rounds"`, `name="starts"`, `value="20`, `value="published" selected`}},
		{Name: "an edit is saved; raising seats is fine", Method: http.MethodPost, URL: "/organise/events/" + evID,
			Body: kktest.Form(validEvent("title", "Schwartz Rounds (moved)", "capacity", "30")...), Headers: kktest.FormHeaders,
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				ev, _ := app.FindRecordById(s.Events, evID)
				if ev.GetString(s.EventTitle) != "Schwartz Rounds (moved)" || ev.GetInt(s.EventCapacity) != 30 ||
					ev.GetDateTime(s.EventStarts).Time().UTC().Format(time.RFC3339) != "2030-12-04T00:00:00Z" {
					t.Errorf("stored %v", ev.FieldsData())
				}
			}},
		{Name: "the event page lists attendees with addresses and a CSV button", Method: http.MethodGet, URL: "/organise/events/" + evID,
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Ana Okafor", "ana@hospital.example", "Confirmed", `href="/organise/events/` + evID + `/attendees.csv"`,
				"Download the list (CSV)", "Cancel the event"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("Cache-Control = %q", cc)
				}
			}},
		{Name: "a draft's page, for organisers only", Method: http.MethodGet, URL: "/organise/events/" + draftID,
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Secret picnic", "Draft"}},
		{Name: "CSV: the existing export, formulas defused, no login dance", Method: http.MethodGet, URL: "/organise/events/" + evID + "/attendees.csv",
			BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"name,email,unit,status,position,signed_up", "Ana Okafor,ana@hospital.example,4 West,confirmed",
				`"'=HYPERLINK(""http://x"")"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
					t.Errorf("Content-Type = %q", ct)
				}
				if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "attendees.csv") {
					t.Errorf("Content-Disposition = %q", cd)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}

func TestCancel(t *testing.T) {
	var token string
	withToken := func(t testing.TB, app *tests.TestApp) {
		seed(t, app)
		rec, err := app.FindFirstRecordByData(s.Signups, s.SignupEmail, "ana@hospital.example")
		if err != nil {
			t.Fatal(err)
		}
		token = rec.GetString(s.SignupToken)
	}
	afterCancel := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if loc := res.Header.Get("Location"); loc != "/organise/events/"+evID+"?done=cancelled" {
			t.Errorf("Location = %q", loc)
		}
		ev, _ := app.FindRecordById(s.Events, evID)
		if ev.GetString(s.FieldStatus) != s.StatusCancelled {
			t.Fatalf("status %q", ev.GetString(s.FieldStatus))
		}
		// the screens' query leaves it out (the push is kiosk's test)
		if up, _ := events.Upcoming(app, events.Query{}); len(up) != 0 {
			t.Errorf("still upcoming for the screens: %v", up)
		}
		_ = token
	}
	scenarios := []tests.ApiScenario{
		{Name: "cancel without SMTP: cancelled, no mail", Method: http.MethodPost,
			URL: "/organise/events/" + evID + "/cancel", Headers: kktest.FormHeaders, BeforeTestFunc: stafftest.SignedIn(organiser),
			TestAppFactory: kktest.Factory(withToken), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				afterCancel(t, app, res)
				if n := app.TestMailer.TotalSend(); n != 0 {
					t.Errorf("%d e-mails without SMTP", n)
				}
			}},
		{Name: "cancel with SMTP: everyone signed up is e-mailed", Method: http.MethodPost,
			URL: "/organise/events/" + evID + "/cancel", Headers: kktest.FormHeaders, BeforeTestFunc: stafftest.SignedIn(organiser),
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				withToken(t, app)
				settings := app.Settings()
				settings.SMTP.Enabled, settings.SMTP.Host, settings.SMTP.Port = true, "smtp.hospital.example", 587
				if err := app.Save(settings); err != nil {
					t.Fatal(err)
				}
				app.TestMailer.Reset()
			}),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				afterCancel(t, app, res)
				// sent in the background: wait as long as the test may
				deadline := time.Now().Add(testwait.Left(t))
				for app.TestMailer.TotalSend() < 2 && time.Now().Before(deadline) {
					time.Sleep(10 * time.Millisecond)
				}
				got := map[string]bool{}
				for _, m := range app.TestMailer.Messages() {
					if strings.HasPrefix(m.Subject, "Cancelled: ") {
						got[m.To[0].Address] = true
					}
				}
				if !got["ana@hospital.example"] || !got["bo@hospital.example"] || len(got) != 2 {
					t.Errorf("cancellation mails went to %v", got)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestCancelThroughThePages: an organiser cancels; the person's own page
// says so at the top (no "you're in", no cancel button), the event page
// says so, the screen's feed drops it, and the organiser reads that nobody
// was e-mailed (no SMTP).
func TestCancelThroughThePages(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	rec, err := app.FindFirstRecordByData(s.Signups, s.SignupEmail, "ana@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	olu, err := app.FindAuthRecordByEmail(s.Moderators, organiser)
	if err != nil {
		t.Fatal(err)
	}
	signedIn := map[string]string{"Cookie": stafftest.Cookie(t, olu), "Content-Type": "application/x-www-form-urlencoded"}
	client := kktest.NewClient(t, app)
	personal := "/signups/" + rec.GetString(s.SignupToken)
	if page := readAll(t, client.Do(http.MethodGet, personal, nil, nil)); !strings.Contains(page, "You&#39;re in") {
		t.Fatalf("before: %s", page)
	}
	if feed := readAll(t, client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, nil)); !strings.Contains(feed, "Schwartz Rounds") {
		t.Fatalf("before, the screen doesn't show it: %s", feed)
	}

	res := client.Do(http.MethodPost, "/organise/events/"+evID+"/cancel", nil, signedIn)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", res.StatusCode, readAll(t, res))
	}
	page := readAll(t, client.Do(http.MethodGet, personal, nil, nil))
	if !strings.Contains(page, "This event has been cancelled") || strings.Contains(page, "You&#39;re in") || strings.Contains(page, "Cancel my place") {
		t.Errorf("sign-up page after the cancellation: %s", page)
	}
	if page := readAll(t, client.Do(http.MethodGet, "/events/"+evID, nil, nil)); !strings.Contains(page, "Cancelled.") || strings.Contains(page, `action="/events/`+evID+`/signup"`) {
		t.Errorf("event page after the cancellation: %s", page)
	}
	if feed := readAll(t, client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, nil)); strings.Contains(feed, "Schwartz Rounds") {
		t.Errorf("the screen still shows it: %s", feed)
	}
	page = readAll(t, client.Do(http.MethodGet, res.Header.Get("Location"), nil, signedIn))
	if !strings.Contains(page, "The event is cancelled") || !strings.Contains(page, "nobody was e-mailed") {
		t.Errorf("organiser page: %s", page)
	}
	if res := client.Do(http.MethodGet, "/events/"+draftID, nil, nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("a draft is %d to the public", res.StatusCode)
	}
}

func expectStatus(id, status string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		ev, err := app.FindRecordById(s.Events, id)
		if err != nil || ev.GetString(s.FieldStatus) != status {
			t.Errorf("event %s status = %v (%v), want %s", id, ev, err, status)
		}
	}
}

func chain(fs ...func(testing.TB, *tests.TestApp, *http.Response)) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		for _, f := range fs {
			if f != nil {
				f(t, app, res)
			}
		}
	}
}

func readAll(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEditKeepsTimesToTheSecond: an edit that doesn't touch the times
// keeps them exactly, even one set elsewhere with seconds and already
// past (a running event whose place changes).
func TestEditKeepsTimesToTheSecond(t *testing.T) {
	running := "evrunning000001"
	sc := tests.ApiScenario{
		Name: "edit the place of a running event", Method: http.MethodPost, URL: "/organise/events/" + running,
		Headers: kktest.FormHeaders, BeforeTestFunc: stafftest.SignedIn(organiser), ExpectedStatus: http.StatusSeeOther,
		TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
			seed(t, app)
			kktest.Create(t, app, s.Events, map[string]any{"id": running, s.EventTitle: "Wellbeing week", s.FieldStatus: s.StatusPublished,
				s.EventStarts: "2020-01-06 14:00:30.000Z", s.EventEnds: "2040-01-10 22:00:45.000Z"})
		}),
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			ev, _ := app.FindRecordById(s.Events, running)
			if ev.GetString(s.EventPlace) != "Atrium" || ev.GetString(s.EventStarts) != "2020-01-06 14:00:30.000Z" ||
				ev.GetString(s.EventEnds) != "2040-01-10 22:00:45.000Z" {
				t.Errorf("stored %v", ev.FieldsData())
			}
		},
	}
	ny, _ := time.LoadLocation("America/New_York")
	start, _ := time.Parse(time.RFC3339, "2020-01-06T14:00:30Z")
	end, _ := time.Parse(time.RFC3339, "2040-01-10T22:00:45Z")
	sc.Body = kktest.Form("title", "Wellbeing week", "starts", start.In(ny).Format("2006-01-02T15:04"), "ends", end.In(ny).Format("2006-01-02T15:04"),
		"place", "Atrium", "capacity", "0", "status", "published")
	sc.Test(t)
}
