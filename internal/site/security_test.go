package site_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// wantCSP is the policy every HTML page carries. QR codes are data: PNGs,
// hence img-src data:; no inline script or style is allowed anywhere.
const wantCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// expectSiteHeaders checks the product's security headers on a response.
func expectSiteHeaders(t testing.TB, res *http.Response) {
	t.Helper()
	want := map[string]string{
		"Content-Security-Policy": wantCSP,
		"Referrer-Policy":         "same-origin",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

// TestSecurityHeaders covers the HTML pages a phone or a screen opens,
// including the 404 page, and that the REST API keeps PocketBase's own.
func TestSecurityHeaders(t *testing.T) {
	pages := []struct {
		url    string
		status int
		body   string
	}{
		{"/", 200, "Kindness Kiosk"},
		{"/notes/new", 200, `name="body"`},
		{"/notes/new?room=break-room", 200, `name="body"`},
		{"/stories/new", 200, `name="title"`},
		{"/kiosk/break-room", 200, "<html"},
		{"/posters/break-room", 200, "<html"},
		{"/no-such-page", 404, "<html"},
		{"/kiosk/no-such-room", 404, "<html"},
	}
	var scenarios []tests.ApiScenario
	for _, p := range pages {
		scenarios = append(scenarios, tests.ApiScenario{
			Name: "GET " + p.url, Method: http.MethodGet, URL: p.url,
			ExpectedStatus: p.status, ExpectedContent: []string{p.body},
			TestAppFactory: kktest.Factory(nil),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSiteHeaders(t, res)
			},
		})
	}
	scenarios = append(scenarios, tests.ApiScenario{
		Name: "REST API keeps PocketBase's headers", Method: http.MethodGet, URL: "/api/health",
		ExpectedStatus: 200, ExpectedContent: []string{`"code":200`},
		TestAppFactory: kktest.Factory(nil),
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if csp := res.Header.Get("Content-Security-Policy"); csp != "" {
				t.Errorf("API got the site CSP %q", csp)
			}
			if xfo := res.Header.Get("X-Frame-Options"); xfo != "SAMEORIGIN" {
				t.Errorf("X-Frame-Options = %q, want PocketBase's SAMEORIGIN", xfo)
			}
		},
	})
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestDashboardKeepsItsOwnHeaders runs the real `serve` stack: /_/ must
// keep PocketBase's own CSP (the dashboard needs inline styles), not ours.
func TestDashboardKeepsItsOwnHeaders(t *testing.T) {
	srv := browsertest.StartServer(t)
	res, body := fetch(t, http.MethodGet, srv.URL+"/_/", nil)
	if res.StatusCode != 200 || !strings.Contains(body, "<html") {
		t.Fatalf("GET /_/ = %d\n%.300s", res.StatusCode, body)
	}
	csp := res.Header.Get("Content-Security-Policy")
	if csp == wantCSP || !strings.Contains(csp, "'unsafe-inline'") {
		t.Errorf("dashboard CSP = %q, want PocketBase's own", csp)
	}
	if rp := res.Header.Get("Referrer-Policy"); rp != "" {
		t.Errorf("dashboard Referrer-Policy = %q, want untouched", rp)
	}
	if xfo := res.Header.Get("X-Frame-Options"); xfo != "SAMEORIGIN" {
		t.Errorf("dashboard X-Frame-Options = %q, want PocketBase's SAMEORIGIN", xfo)
	}

	// and the same server's pages do carry ours
	res, _ = fetch(t, http.MethodGet, srv.URL+"/", nil)
	expectSiteHeaders(t, res)
}

// TestCrossOriginFormPosts: a form on another site cannot post a note
// (http.CrossOriginProtection: Sec-Fetch-Site, else Origin vs Host).
// The refusal is an HTML page and nothing is stored.
func TestCrossOriginFormPosts(t *testing.T) {
	body := "to=Ana&body=Thank+you"
	form := func(extra map[string]string) map[string]string {
		h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		for k, v := range extra {
			h[k] = v
		}
		return h
	}
	refused := func(name string, headers map[string]string) tests.ApiScenario {
		return tests.ApiScenario{
			Name: name, Method: http.MethodPost, URL: "/notes", Body: strings.NewReader(body),
			Headers: form(headers), ExpectedStatus: 403, TestAppFactory: kktest.Factory(nil),
			ExpectedContent:    []string{"<html", "can only be sent from this site"},
			NotExpectedContent: []string{`"status":403`},
			ExpectedEvents:     map[string]int{"*": 0},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
					t.Errorf("Content-Type = %q", ct)
				}
				expectSiteHeaders(t, res)
				expectCount(t, app, s.Notes, 0)
			},
		}
	}
	accepted := func(name string, headers map[string]string) tests.ApiScenario {
		return tests.ApiScenario{
			Name: name, Method: http.MethodPost, URL: "/notes", Body: strings.NewReader(body),
			Headers: form(headers), ExpectedStatus: 303, TestAppFactory: kktest.Factory(nil),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectCount(t, app, s.Notes, 1)
			},
		}
	}
	scenarios := []tests.ApiScenario{
		refused("Sec-Fetch-Site cross-site", map[string]string{"Sec-Fetch-Site": "cross-site"}),
		refused("Sec-Fetch-Site same-site (another intranet host)", map[string]string{"Sec-Fetch-Site": "same-site"}),
		refused("foreign Origin, old browser without Sec-Fetch-Site", map[string]string{"Origin": "https://evil.example"}),
		refused("Origin 'null' (sandboxed frame)", map[string]string{"Origin": "null"}),
		refused("also the story form", map[string]string{"Sec-Fetch-Site": "cross-site"}),
		accepted("same-origin browser post", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://example.com"}),
		accepted("same Origin as Host, old browser", map[string]string{"Origin": "http://example.com"}),
		accepted("typed into the address bar / bookmarked (none)", map[string]string{"Sec-Fetch-Site": "none"}),
		accepted("no browser headers (curl, scripts)", nil),
	}
	scenarios[4].URL = "/stories"
	scenarios[4].Body = strings.NewReader("title=Kind&body=A+story")
	scenarios[4].AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		expectCount(t, app, s.Stories, 0)
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

func expectCount(t testing.TB, app *tests.TestApp, collection string, want int) {
	t.Helper()
	n, err := app.CountRecords(collection)
	if err != nil || int(n) != want {
		t.Errorf("%s stored = %d (%v), want %d", collection, n, err, want)
	}
}

func fetch(t testing.TB, method, url string, headers map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}
