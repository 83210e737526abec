package events_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

var jsonHeaders = map[string]string{"Content-Type": "application/json"}

func idOf(t testing.TB, app *tests.TestApp, token string) string {
	t.Helper()
	rec, err := app.FindFirstRecordByData(s.Signups, s.SignupToken, token)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Id
}

// TestSignupsREST: the public can't touch sign-ups over the API at all;
// a superuser (the dashboard uses the same API) goes through the same
// capacity logic as the form.
func TestSignupsREST(t *testing.T) {
	records := "/api/collections/signups/records"
	var anaID string
	seed := func(t testing.TB, app *tests.TestApp) {
		seedPeople(t, app)
		anaID = idOf(t, app, tokAna)
	}
	secret := []string{"ana.secret", tokAna}
	// list and view are open to organisers (pb_migrations/1765004000_role_rules.go),
	// so a guest gets an empty list and a 404 rather than a 403
	anonymous := []tests.ApiScenario{
		{Name: "anonymous list is empty", Method: http.MethodGet, URL: records, ExpectedStatus: 200,
			ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: secret},
		{Name: "anonymous filter by e-mail finds nothing", Method: http.MethodGet, URL: records + "?filter=email%3D%22ana.secret%40hospital.example%22",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: secret},
		{Name: "anonymous create with forged status refused, nothing stored", Method: http.MethodPost, URL: records, Headers: jsonHeaders,
			Body:           strings.NewReader(`{"event":"` + evFull + `","name":"Mallory","email":"m@hospital.example","status":"confirmed"}`),
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}, AfterTestFunc: expectSignups(evFull, 2)},
	}
	for _, sc := range anonymous {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
	// view/update/delete need the seeded id, known only once the app exists
	for _, c := range []struct {
		name, method, body string
		status             int
	}{
		{"anonymous view refused", http.MethodGet, "", 404},
		{"anonymous update refused", http.MethodPatch, `{"status":"cancelled"}`, 403},
		{"anonymous delete refused", http.MethodDelete, "", 403},
	} {
		app := kktest.NewApp(t)
		seed(t, app)
		sc := tests.ApiScenario{Name: c.name, Method: c.method, URL: records + "/" + anaID, Headers: jsonHeaders, Body: strings.NewReader(c.body),
			ExpectedStatus: c.status, ExpectedContent: []string{fmt.Sprintf(`"status":%d`, c.status)}, NotExpectedContent: secret,
			TestAppFactory: func(testing.TB) *tests.TestApp { return app },
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := statusOf(t, app, tokAna); st != s.StatusConfirmed {
					t.Errorf("Ana is %s", st)
				}
			}}
		sc.Test(t)
	}

	superuser := []tests.ApiScenario{
		{Name: "superuser create with forged confirmed into a full event: waitlisted", Method: http.MethodPost, URL: records, Headers: jsonHeaders,
			Body:           strings.NewReader(`{"event":"` + evFull + `","name":"Dee","email":"Dee@Hospital.example","status":"confirmed"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"waitlisted"`, `"email":"dee@hospital.example"`}},
		{Name: "superuser create with a duplicate address (other case): refused", Method: http.MethodPost, URL: records, Headers: jsonHeaders,
			Body:           strings.NewReader(`{"event":"` + evFull + `","name":"Ana 2","email":"ANA.secret@hospital.example"}`),
			ExpectedStatus: 400, ExpectedContent: []string{"already has a live sign-up"}, AfterTestFunc: expectSignups(evFull, 2)},
		{Name: "superuser create without a status into a free event: confirmed", Method: http.MethodPost, URL: records, Headers: jsonHeaders,
			Body: strings.NewReader(`{"event":"` + evOpen + `","name":"Eve","email":"eve@hospital.example","status":"waitlisted"}`),
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				seed(t, app)
				newEvent(t, app, map[string]any{"id": evOpen})
			}),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"confirmed"`}},
	}
	for _, sc := range superuser {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seed)
		}
		asSuperuser(&sc)
		sc.Test(t)
	}
}

// TestDashboardEdits: what a moderator does in /_/ keeps the invariants.
func TestDashboardEdits(t *testing.T) {
	type check func(t testing.TB, app *tests.TestApp)
	statuses := func(ana, bo string) check {
		return func(t testing.TB, app *tests.TestApp) {
			if a, b := statusOf(t, app, tokAna), statusOf(t, app, tokBo); a != ana || b != bo {
				t.Errorf("Ana %s, Bo %s; want %s, %s", a, b, ana, bo)
			}
		}
	}
	cases := []struct {
		name   string
		method string
		url    func(app *tests.TestApp) string
		body   string
		status int
		want   []string
		after  check
	}{
		{"confirming a waitlisted person into a full event is refused", http.MethodPatch,
			func(app *tests.TestApp) string { return "/api/collections/signups/records/" + idOf(t, app, tokBo) },
			`{"status":"confirmed"}`, 400, []string{"This event is full"}, statuses(s.StatusConfirmed, s.StatusWaitlisted)},
		{"cancelling the confirmed person promotes the waitlist", http.MethodPatch,
			func(app *tests.TestApp) string { return "/api/collections/signups/records/" + idOf(t, app, tokAna) },
			`{"status":"cancelled"}`, 200, []string{`"status":"cancelled"`}, statuses(s.StatusCancelled, s.StatusConfirmed)},
		{"deleting the confirmed person promotes the waitlist", http.MethodDelete,
			func(app *tests.TestApp) string { return "/api/collections/signups/records/" + idOf(t, app, tokAna) },
			"", 204, nil, func(t testing.TB, app *tests.TestApp) {
				if b := statusOf(t, app, tokBo); b != s.StatusConfirmed {
					t.Errorf("Bo %s", b)
				}
			}},
		{"raising the capacity promotes the waitlist", http.MethodPatch,
			func(*tests.TestApp) string { return "/api/collections/events/records/" + evFull },
			`{"capacity":2}`, 200, []string{`"capacity":2`}, statuses(s.StatusConfirmed, s.StatusConfirmed)},
		{"unlimited capacity promotes everyone", http.MethodPatch,
			func(*tests.TestApp) string { return "/api/collections/events/records/" + evFull },
			`{"capacity":0}`, 200, []string{`"capacity":0`}, statuses(s.StatusConfirmed, s.StatusConfirmed)},
		{"capacity below the confirmed count is refused", http.MethodPatch,
			func(app *tests.TestApp) string { return "/api/collections/events/records/" + evFull },
			`{"capacity":1}`, 400, []string{"can't be lower than 2"}, nil},
		{"deleting an event deletes its sign-ups", http.MethodDelete,
			func(*tests.TestApp) string { return "/api/collections/events/records/" + evFull },
			"", 204, nil, func(t testing.TB, app *tests.TestApp) {
				if n := len(signups(t, app, evFull)); n != 0 {
					t.Errorf("%d sign-ups left", n)
				}
			}},
		{"putting the confirmed person on the waitlist with a free seat re-promotes first come", http.MethodPatch,
			func(app *tests.TestApp) string { return "/api/collections/signups/records/" + idOf(t, app, tokAna) },
			`{"status":"waitlisted"}`, 200, nil, statuses(s.StatusConfirmed, s.StatusWaitlisted)},
	}
	for _, c := range cases {
		app := kktest.NewApp(t)
		seedPeople(t, app)
		if strings.Contains(c.name, "below the confirmed") {
			// two confirmed first
			ev, _ := app.FindRecordById(s.Events, evFull)
			ev.Set(s.EventCapacity, 3)
			if err := app.Save(ev); err != nil {
				t.Fatal(err)
			}
		}
		want := c.want
		if len(want) == 0 && c.status != 204 {
			want = []string{`"id"`}
		}
		sc := tests.ApiScenario{Name: c.name, Method: c.method, URL: c.url(app), Headers: jsonHeaders, Body: strings.NewReader(c.body),
			ExpectedStatus: c.status, ExpectedContent: want,
			TestAppFactory: func(testing.TB) *tests.TestApp { return app }}
		if c.after != nil {
			after := c.after
			sc.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) { after(t, app) }
		}
		asSuperuser(&sc)
		sc.Test(t)
	}
}

// TestDeletedEventMailsNobody: the cascade deletes Ana (confirmed), which
// frees her seat for Bo inside the same transaction, but Bo is deleted too,
// so nobody is told "you have a seat" for an event that no longer exists.
func TestDeletedEventMailsNobody(t *testing.T) {
	app := kktest.NewApp(t)
	seedPeople(t, app)
	enableSMTP(t, app)
	ev, err := app.FindRecordById(s.Events, evFull)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(ev); err != nil {
		t.Fatal(err)
	}
	if n := len(signups(t, app, evFull)); n != 0 {
		t.Errorf("%d sign-ups left", n)
	}
	if n := app.TestMailer.TotalSend(); n != 0 {
		t.Errorf("sent %d mails: %q", n, app.TestMailer.LastMessage().Subject)
	}
}
