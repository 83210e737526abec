package desk_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// route is one desk route and what a moderator gets from it.
type route struct {
	method, url string
	body        func() io.Reader
	status      int      // for a moderator
	content     []string // for a moderator
	hasID       bool     // the URL names a record: an unknown id is a 404
}

var deskRoutes = []route{
	{method: http.MethodGet, url: "/moderate", status: 200, content: []string{"3 waiting", "Ana in pharmacy"}},
	{method: http.MethodGet, url: "/moderate/count", status: 200, content: []string{`"count":3`}},
	{method: http.MethodPost, url: "/moderate/approve-clean", body: func() io.Reader { return kktest.Form("item", "notes:"+cleanNote) }, status: 303},
	{method: http.MethodPost, url: "/moderate/notes/" + cleanNote + "/approve", status: 303, hasID: true},
	{method: http.MethodPost, url: "/moderate/notes/" + cleanNote + "/reject", status: 303, hasID: true},
	{method: http.MethodPost, url: "/moderate/notes/" + cleanNote + "/undo", status: 303, hasID: true},
	{method: http.MethodGet, url: "/moderate/notes/" + flaggedNote + "/edit", status: 200, content: []string{"Edit before deciding", "Kowalski"}, hasID: true},
	{method: http.MethodPost, url: "/moderate/notes/" + cleanNote + "/edit",
		body: func() io.Reader { return kktest.Form("to", "Ana", "body", "Thanks!") }, status: 303, hasID: true},
	{method: http.MethodGet, url: "/moderate/announcements", status: 200, content: []string{"Post an announcement", "Fire drill at 14:00"}},
	{method: http.MethodPost, url: "/moderate/announcements", status: 303,
		body: func() io.Reader {
			return kktest.Form("text", "Flu jabs in the atrium", "starts", "2030-01-01T10:00", "ends", "2030-01-01T16:00")
		}},
	{method: http.MethodPost, url: "/moderate/announcements/" + announcement + "/delete", status: 303, hasID: true,
		body: func() io.Reader { return kktest.Form("confirm", "1") }},
}

// TestDeskRoutesGuarded: every desk route, for each kind of visitor.
func TestDeskRoutesGuarded(t *testing.T) {
	factory := kktest.Factory(seed)
	var scenarios []tests.ApiScenario
	for _, r := range deskRoutes {
		body := func() io.Reader {
			if r.body == nil {
				return nil
			}
			return r.body()
		}
		name := r.method + " " + r.url
		headers := func(extra ...string) map[string]string {
			h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
			for i := 0; i+1 < len(extra); i += 2 {
				h[extra[i]] = extra[i+1]
			}
			return h
		}
		scenarios = append(scenarios,
			tests.ApiScenario{Name: name + ": anonymous → sign-in", Method: r.method, URL: r.url, Body: body(), Headers: headers(),
				ExpectedStatus: 303, ExpectedEvents: map[string]int{"*": 0},
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/moderate/login?next=%2Fmoderate") {
						t.Errorf("Location = %q", loc)
					}
				}},
			tests.ApiScenario{Name: name + ": organiser → 403", Method: r.method, URL: r.url, Body: body(), Headers: headers(),
				BeforeTestFunc: stafftest.SignedIn(orgEmail), ExpectedStatus: 403,
				ExpectedContent: []string{"does not have the “moderate” role"}, ExpectedEvents: map[string]int{"*": 0}},
			tests.ApiScenario{Name: name + ": moderator → allowed", Method: r.method, URL: r.url, Body: body(), Headers: headers(),
				BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: r.status, ExpectedContent: r.content},
			tests.ApiScenario{Name: name + ": superuser → allowed", Method: r.method, URL: r.url, Body: body(), Headers: headers(),
				BeforeTestFunc: stafftest.SignedIn(kktest.SuperuserEmail), ExpectedStatus: r.status, ExpectedContent: r.content},
		)
		if r.method == http.MethodPost {
			scenarios = append(scenarios, tests.ApiScenario{Name: name + ": cross-origin → 403", Method: r.method, URL: r.url, Body: body(),
				Headers:        headers("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
				BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 403,
				ExpectedContent: []string{"only be sent from this site"}, ExpectedEvents: map[string]int{"*": 0}})
		}
		if r.hasID {
			for _, bad := range []string{strings.Replace(r.url, cleanNote, "nosuchnote0000", 1), strings.Replace(r.url, flaggedNote, "nosuchnote0000", 1),
				strings.Replace(r.url, announcement, "nosuchthing000", 1),
				strings.Replace(strings.Replace(r.url, "/notes/", "/signups/", 1), flaggedNote, cleanNote, 1)} {
				if bad == r.url {
					continue
				}
				scenarios = append(scenarios, tests.ApiScenario{Name: r.method + " " + bad + ": unknown → 404", Method: r.method, URL: bad, Body: body(),
					Headers: headers(), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 404,
					ExpectedContent: []string{"doesn&#39;t exist"}, ExpectedEvents: map[string]int{"*": 0}})
			}
		}
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = factory
		sc.Test(t)
	}
}
