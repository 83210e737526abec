package events_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Known tokens for the scenario tables (the hooks keep a given token).
const (
	tokAna = "anaAnaAnaAnaAnaAnaAnaAnaAnaAnaAnaAnaAnaAna1"
	tokBo  = "boBoBoBoBoBoBoBoBoBoBoBoBoBoBoBoBoBoBoBoBo1"
	tokCy  = "cyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCyCy1"
)

// seedPeople: a one-seat event with Ana confirmed and Bo waitlisted, and
// Cy signed up for an event that is then cancelled.
func seedPeople(t testing.TB, app *tests.TestApp) {
	newEvent(t, app, map[string]any{"id": evFull, s.EventTitle: "Tiny choir", s.EventCapacity: 1})
	newEvent(t, app, map[string]any{"id": evCancelled, s.EventTitle: "Picnic"})
	for _, p := range []struct{ ev, name, email, token string }{
		{evFull, "Ana", "ana.secret@hospital.example", tokAna},
		{evFull, "Bo", "bo.secret@hospital.example", tokBo},
		{evCancelled, "Cy", "cy.secret@hospital.example", tokCy},
	} {
		kktest.Create(t, app, s.Signups, map[string]any{s.SignupEvent: p.ev, s.SignupName: p.name, s.SignupEmail: p.email, s.SignupToken: p.token})
	}
	ev, err := app.FindRecordById(s.Events, evCancelled)
	if err != nil {
		t.Fatal(err)
	}
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
}

func statusOf(t testing.TB, app *tests.TestApp, token string) string {
	t.Helper()
	rec, err := app.FindFirstRecordByData(s.Signups, s.SignupToken, token)
	if err != nil {
		t.Fatal(err)
	}
	return rec.GetString(s.FieldStatus)
}

func TestSignupShow(t *testing.T) {
	noAddresses := []string{"ana.secret", "bo.secret", "@hospital.example"}
	scenarios := []tests.ApiScenario{
		{Name: "confirmed: status, event, calendar, cancel, keep-the-link", Method: http.MethodGet, URL: "/signups/" + tokAna,
			ExpectedStatus: 200,
			ExpectedContent: []string{"<title>Confirmed · Tiny choir", "You&#39;re in, Ana!", "Tiny choir", `href="/events/` + evFull + `/ics"`, "Add to my calendar",
				`action="/signups/` + tokAna + `/cancel"`, "Cancel my place", "Keep this page", `name="robots" content="noindex`},
			NotExpectedContent: noAddresses},
		{Name: "waitlisted: position", Method: http.MethodGet, URL: "/signups/" + tokBo, ExpectedStatus: 200,
			ExpectedContent: []string{"number 1 on the waitlist", "You&#39;ll leave the waitlist",
				"<title>Waitlist, number 1 · Tiny choir · Kindness Kiosk</title>"}, NotExpectedContent: noAddresses},
		{Name: "waitlisted, in Spanish: the title carries the state", Method: http.MethodGet, URL: "/signups/" + tokBo, ExpectedStatus: 200,
			Headers:         map[string]string{"Accept-Language": "es-US"},
			ExpectedContent: []string{`<html lang="es">`, "<title>Lista de espera, número 1 · Tiny choir · Kindness Kiosk</title>", "Usted es el número 1 en la lista de espera"}},
		{Name: "with SMTP: says the link was e-mailed", Method: http.MethodGet, URL: "/signups/" + tokAna, ExpectedStatus: 200,
			TestAppFactory:  kktest.Factory(func(t testing.TB, app *tests.TestApp) { seedPeople(t, app); enableSMTP(t, app) }),
			ExpectedContent: []string{"e-mailed you the link"}, NotExpectedContent: []string{"Keep this page"}},
		{Name: "cancelled event: says so, no cancel button", Method: http.MethodGet, URL: "/signups/" + tokCy, ExpectedStatus: 200,
			ExpectedContent: []string{"This event has been cancelled"}, NotExpectedContent: []string{"Cancel my place", "cy.secret", "You&#39;re in", "Keep this page"}},
		{Name: "invalid token: HTML 404", Method: http.MethodGet, URL: "/signups/" + strings.Repeat("x", 43), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that sign-up"}},
		{Name: "short token: HTML 404", Method: http.MethodGet, URL: "/signups/abc", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that sign-up"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seedPeople)
		}
		sc.Test(t)
	}
}

func TestSignupCancel(t *testing.T) {
	cancel := func(token string) string { return "/signups/" + token + "/cancel" }
	scenarios := []tests.ApiScenario{
		{Name: "cancel: 303 back, the waitlist moves up", Method: http.MethodPost, URL: cancel(tokAna), Headers: kktest.FormHeaders,
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/signups/"+tokAna {
					t.Errorf("Location = %q", loc)
				}
				if a, b := statusOf(t, app, tokAna), statusOf(t, app, tokBo); a != s.StatusCancelled || b != s.StatusConfirmed {
					t.Errorf("Ana %s, Bo %s", a, b)
				}
			}},
		{Name: "cancel twice is harmless", Method: http.MethodPost, URL: cancel(tokAna), Headers: kktest.FormHeaders, ExpectedStatus: 303,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if _, err := events.Cancel(app, tokAna); err != nil {
					t.Fatal(err)
				}
			},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if a, b := statusOf(t, app, tokAna), statusOf(t, app, tokBo); a != s.StatusCancelled || b != s.StatusConfirmed {
					t.Errorf("Ana %s, Bo %s", a, b)
				}
			}},
		{Name: "the cancelled page offers to sign up again", Method: http.MethodGet, URL: "/signups/" + tokAna, ExpectedStatus: 200,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if _, err := events.Cancel(app, tokAna); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedContent: []string{"Your sign-up is cancelled", "Sign up again"}, NotExpectedContent: []string{"Cancel my place"}},
		{Name: "waitlisted person cancels: leaves the queue, nobody promoted", Method: http.MethodPost, URL: cancel(tokBo), Headers: kktest.FormHeaders,
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if a, b := statusOf(t, app, tokAna), statusOf(t, app, tokBo); a != s.StatusConfirmed || b != s.StatusCancelled {
					t.Errorf("Ana %s, Bo %s", a, b)
				}
			}},
		{Name: "unknown token: HTML 404", Method: http.MethodPost, URL: cancel(strings.Repeat("y", 43)), Headers: kktest.FormHeaders,
			ExpectedStatus: 404, ExpectedContent: []string{"<!doctype html>", "nothing to cancel"}},
		{Name: "8 MB body: HTML 413, nothing cancelled", Method: http.MethodPost, URL: cancel(tokAna), Headers: kktest.FormHeaders,
			Body: strings.NewReader("x=" + strings.Repeat("a", 8<<20)), ExpectedStatus: 413, ExpectedContent: []string{"<!doctype html>"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if a := statusOf(t, app, tokAna); a != s.StatusConfirmed {
					t.Errorf("Ana %s", a)
				}
			}},
		{Name: "cross-site cancel refused", Method: http.MethodPost, URL: cancel(tokAna),
			Headers:        map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			ExpectedStatus: 403, ExpectedContent: []string{"<!doctype html>"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if a := statusOf(t, app, tokAna); a != s.StatusConfirmed {
					t.Errorf("Ana %s", a)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seedPeople)
		sc.Test(t)
	}
}
