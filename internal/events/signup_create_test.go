package events_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// onlySignup returns the one sign-up of an event.
func onlySignup(t testing.TB, app *tests.TestApp, eventID string) map[string]string {
	t.Helper()
	recs := signups(t, app, eventID)
	if len(recs) != 1 {
		t.Fatalf("want one sign-up for %s, got %d", eventID, len(recs))
	}
	r := recs[0]
	return map[string]string{"name": r.GetString(s.SignupName), "email": r.GetString(s.SignupEmail), "unit": r.GetString(s.SignupUnit),
		"status": r.GetString(s.FieldStatus), "token": r.GetString(s.SignupToken)}
}

func TestSignupCreate(t *testing.T) {
	post := func(id string) string { return "/events/" + id + "/signup" }
	scenarios := []tests.ApiScenario{
		{Name: "good sign-up: confirmed, 303 to the personal page", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "  Sam Lee ", "email", " Sam.Lee@Hospital.Example ", "unit", "4 West"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				got := onlySignup(t, app, evOpen)
				if got["name"] != "Sam Lee" || got["email"] != "sam.lee@hospital.example" || got["unit"] != "4 West" || got["status"] != s.StatusConfirmed {
					t.Errorf("stored %v", got)
				}
				if len(got["token"]) != 43 {
					t.Errorf("token %q", got["token"])
				}
				if loc := res.Header.Get("Location"); loc != "/signups/"+got["token"] {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "full event: waitlisted, still 303 to the personal page", Method: http.MethodPost, URL: post(evFull), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Bo", "email", "bo@hospital.example"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				recs := signups(t, app, evFull)
				if len(recs) != 2 || recs[1].GetString(s.FieldStatus) != s.StatusWaitlisted {
					t.Fatalf("sign-ups %d, second %q", len(recs), recs[len(recs)-1].GetString(s.FieldStatus))
				}
				if loc := res.Header.Get("Location"); loc != "/signups/"+recs[1].GetString(s.SignupToken) {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "forged status in the form is ignored", Method: http.MethodPost, URL: post(evFull), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Bo", "email", "bo@hospital.example", "status", "confirmed", "token", "mine-mine-mine-mine-mine"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				recs := signups(t, app, evFull)
				if recs[1].GetString(s.FieldStatus) != s.StatusWaitlisted || recs[1].GetString(s.SignupToken) == "mine-mine-mine-mine-mine" {
					t.Errorf("stored %q token %q", recs[1].GetString(s.FieldStatus), recs[1].GetString(s.SignupToken))
				}
			}},
		{Name: "duplicate e-mail (other case): neutral page, nothing changed, no link", Method: http.MethodPost, URL: post(evFull), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Mallory", "email", "ANA.SECRET@hospital.example"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/events/"+evFull+"/signed-up" {
					t.Errorf("Location = %q", loc)
				}
				got := onlySignup(t, app, evFull)
				if got["name"] != "Ana" || got["status"] != s.StatusConfirmed {
					t.Errorf("existing sign-up changed: %v", got)
				}
				if app.TestMailer.TotalSend() != 0 {
					t.Errorf("sent %d mails without SMTP", app.TestMailer.TotalSend())
				}
			}},
		{Name: "empty post: messages next to fields, nothing stored", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", " ", "email", "", "unit", "ICU"), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-name"`, "Please fill in your name.", `id="err-email"`, "Please fill in your e-mail.", `value="ICU"`, `aria-invalid="true"`},
			AfterTestFunc:   expectSignups(evOpen, 0)},
		{Name: "missing name, e-mail kept", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("email", "sam@hospital.example"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please fill in your name.", `value="sam@hospital.example"`}, NotExpectedContent: []string{`id="err-email"`},
			AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "malformed e-mail", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam at hospital"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please check your e-mail address", `value="sam at hospital"`, `value="Sam"`},
			AfterTestFunc:   expectSignups(evOpen, 0)},
		{Name: "e-mail with a display name is refused", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "Sam <sam@hospital.example>"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please check your e-mail address"}, AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "e-mail without a dotted domain is refused", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@localhost"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please check your e-mail address"}, AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "too long name, unit and e-mail", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body:           kktest.Form("name", strings.Repeat("n", 81), "email", strings.Repeat("e", 250)+"@hospital.example", "unit", strings.Repeat("u", 81)),
			ExpectedStatus: 422,
			ExpectedContent: []string{"Your name is 81 characters; the limit is 80.", "Your unit or team is 81 characters; the limit is 80.",
				"Your e-mail is 267 characters; the limit is 254."},
			AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "invalid UTF-8: clear message, nothing stored", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: strings.NewReader("name=Sam%ff&email=sam%40hospital.example"), ExpectedStatus: 422,
			ExpectedContent: []string{"characters we can&#39;t read"}, AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "closed event: says so, nothing stored", Method: http.MethodPost, URL: post(evClosed), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 409,
			ExpectedContent: []string{"sign-up for this event has closed"}, NotExpectedContent: []string{`action="/events/` + evClosed + `/signup"`},
			AfterTestFunc: expectSignups(evClosed, 0)},
		{Name: "signup_closes after the start: closes at the start", Method: http.MethodPost, URL: post("evlate000000000"), Headers: kktest.FormHeaders,
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				newEvent(t, app, map[string]any{"id": "evlate000000000", s.EventStarts: in(-time.Hour), s.EventEnds: in(time.Hour), s.EventSignupCloses: in(24 * time.Hour)})
			}),
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 409,
			ExpectedContent: []string{"has closed"}, AfterTestFunc: expectSignups("evlate000000000", 0)},
		{Name: "past event: closed", Method: http.MethodPost, URL: post(evPast), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 409,
			ExpectedContent: []string{"has closed"}, AfterTestFunc: expectSignups(evPast, 0)},
		{Name: "cancelled event: says so, nothing stored", Method: http.MethodPost, URL: post(evCancelled), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 409,
			ExpectedContent: []string{"this event has been cancelled", "Cancelled."}, AfterTestFunc: expectSignups(evCancelled, 0)},
		{Name: "draft event: 404 page", Method: http.MethodPost, URL: post(evDraft), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that event"}, NotExpectedContent: []string{"Secret draft"},
			AfterTestFunc: expectSignups(evDraft, 0)},
		{Name: "unknown event: 404 page", Method: http.MethodPost, URL: post("nosuchevent0000"), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that event"}},
		{Name: "honeypot: looks received, nothing stored", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: kktest.Form("name", "Bot", "email", "bot@spam.example", "website", "http://spam.example"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/events/"+evOpen+"/signed-up" {
					t.Errorf("Location = %q", loc)
				}
				expectSignups(evOpen, 0)(t, app, res)
			}},
		{Name: "8 MB body: HTML 413, nothing stored", Method: http.MethodPost, URL: post(evOpen), Headers: kktest.FormHeaders,
			Body: strings.NewReader("name=Sam&email=sam%40hospital.example&unit=" + strings.Repeat("a", 8<<20)), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>", "too much text"}, AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "cross-site post refused with an HTML page", Method: http.MethodPost, URL: post(evOpen),
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body:    kktest.Form("name", "Sam", "email", "sam@hospital.example"), ExpectedStatus: 403,
			ExpectedContent: []string{"<!doctype html>"}, AfterTestFunc: expectSignups(evOpen, 0)},
		{Name: "GET on the post URL is a page, not JSON", Method: http.MethodGet, URL: post(evOpen), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seedEvents)
		}
		sc.Test(t)
	}
}

// TestSignupReceived: the neutral page a repeat (or a bot) lands on names
// the event and nobody's status or link.
func TestSignupReceived(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "without SMTP: points to the first personal page", Method: http.MethodGet, URL: "/events/" + evFull + "/signed-up",
			ExpectedStatus: 200, ExpectedContent: []string{"on the list", "Tiny choir", "personal page you got when you first signed up"},
			NotExpectedContent: []string{"ana.secret", "Ana", "/signups/", "Confirmed", "waitlist"}},
		{Name: "with SMTP: says the link was e-mailed", Method: http.MethodGet, URL: "/events/" + evFull + "/signed-up",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) { seedEvents(t, app); enableSMTP(t, app) }),
			ExpectedStatus: 200, ExpectedContent: []string{"e-mailed the personal link"}, NotExpectedContent: []string{"ana.secret"}},
		{Name: "draft: 404", Method: http.MethodGet, URL: "/events/" + evDraft + "/signed-up", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}, NotExpectedContent: []string{"Secret draft"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seedEvents)
		}
		sc.Test(t)
	}
}
