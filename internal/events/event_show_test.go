package events_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func TestEventShow(t *testing.T) {
	show := func(id string) string { return "/events/" + id }
	scenarios := []tests.ApiScenario{
		{Name: "open event: Markdown description, the form, calendar link", Method: http.MethodGet, URL: show(evOpen), ExpectedStatus: 200,
			ExpectedContent: []string{`<h1 dir="auto">Open yoga</h1>`, "Come for <strong>tea</strong>.", "Staff room, level 2", "20 seats left",
				`action="/events/` + evOpen + `/signup"`, `name="name"`, `name="email"`, `name="unit"`, `name="website"`, "Sign me up",
				`href="/events/` + evOpen + `/ics"`}},
		{Name: "full event: waitlist form, no address of who is in", Method: http.MethodGet, URL: show(evFull), ExpectedStatus: 200,
			ExpectedContent: []string{"Full · waitlist open", "Join the waitlist"}, NotExpectedContent: []string{"ana.secret", "Ana", "@hospital.example"}},
		{Name: "cancelled event: says so, no form", Method: http.MethodGet, URL: show(evCancelled), ExpectedStatus: 200,
			ExpectedContent: []string{"Cancelled.", "won't take place"}, NotExpectedContent: []string{`/signup"`, "Sign me up"}},
		{Name: "closed event: says so, no form", Method: http.MethodGet, URL: show(evClosed), ExpectedStatus: 200,
			ExpectedContent: []string{"Sign-up for this event has closed"}, NotExpectedContent: []string{`/signup"`}},
		{Name: "draft: HTML 404, title not leaked", Method: http.MethodGet, URL: show(evDraft), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that event"}, NotExpectedContent: []string{"Secret draft"}},
		{Name: "unknown: HTML 404", Method: http.MethodGet, URL: show("nosuchevent0000"), ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "find that event"}},
		{Name: "unsafe Markdown is neutralised", Method: http.MethodGet, URL: show("evunsafe0000000"), ExpectedStatus: 200,
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				newEvent(t, app, map[string]any{"id": "evunsafe0000000",
					s.EventDescription: "<script>alert(1)</script>\n\n[click](javascript:alert(2)) ![x](http://tracker.example/p.png) [ok](https://intranet.example/map)"})
			}),
			ExpectedContent:    []string{"&lt;script&gt;", `<a href="https://intranet.example/map" rel="noopener nofollow ugc">ok</a>`},
			NotExpectedContent: []string{"<script>alert", "javascript:", "tracker.example"}},
		{Name: "times across the clock change: 10:00 local both sides of it", Method: http.MethodGet, URL: "/events",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				setTimezone(t, app, "Europe/London")
				// UK clocks go forward on 31 March 2030
				newEvent(t, app, map[string]any{s.EventTitle: "Before", s.EventStarts: "2030-03-30 10:00:00.000Z", s.EventEnds: ""})
				newEvent(t, app, map[string]any{s.EventTitle: "After", s.EventStarts: "2030-04-01 09:00:00.000Z", s.EventEnds: ""})
			}),
			ExpectedStatus: 200, ExpectedContent: []string{"Sat 30 Mar · 10:00", "Mon 1 Apr · 10:00"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seedEvents)
		}
		sc.Test(t)
	}
}
