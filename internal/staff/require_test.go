package staff_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

func TestRequire(t *testing.T) {
	factory := kktest.Factory(withAccounts)
	cookie := stafftest.SignedIn
	location := func(want string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := res.Header.Get("Location"); got != want {
				t.Errorf("Location = %q, want %q", got, want)
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{Name: "guest → sign-in, next keeps the page and its query", Method: http.MethodGet, URL: "/guarded/moderate?sort=old",
			ExpectedStatus: 303, AfterTestFunc: location("/moderate/login?next=%2Fguarded%2Fmoderate%3Fsort%3Dold")},
		{Name: "guest post → sign-in, next is the section", Method: http.MethodPost, URL: "/guarded/moderate",
			ExpectedStatus: 303, AfterTestFunc: location("/moderate/login?next=%2Fguarded")},
		{Name: "moderator passes", Method: http.MethodGet, URL: "/guarded/moderate", BeforeTestFunc: cookie(modEmail),
			ExpectedStatus: 200, ExpectedContent: []string{"hello mod@hospital.example"}},
		{Name: "organiser on a moderate page: 403 that says why", Method: http.MethodGet, URL: "/guarded/moderate",
			BeforeTestFunc: cookie("org@hospital.example"), ExpectedStatus: 403,
			ExpectedContent: []string{"You are signed in as org@hospital.example", "does not have the “moderate” role", "Sign out"}},
		{Name: "organiser passes on an organise page", Method: http.MethodGet, URL: "/guarded/organise",
			BeforeTestFunc: cookie("org@hospital.example"), ExpectedStatus: 200, ExpectedContent: []string{"hello org@"}},
		{Name: "account without roles: 403", Method: http.MethodGet, URL: "/guarded/organise",
			BeforeTestFunc: cookie("none@hospital.example"), ExpectedStatus: 403, ExpectedContent: []string{"does not have the “organise” role"}},
		{Name: "superuser passes every guard", Method: http.MethodGet, URL: "/guarded/organise",
			BeforeTestFunc: cookie(kktest.SuperuserEmail), ExpectedStatus: 200, ExpectedContent: []string{"hello " + kktest.SuperuserEmail}},
		{Name: "a forged cookie is a guest, and the cookie is cleared", Method: http.MethodGet, URL: "/guarded/moderate",
			Headers: map[string]string{"Cookie": staff.CookieName + "=eyJhbGciOiJIUzI1NiJ9.e30.x"}, ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if c := setCookie(res); c == "" {
					t.Error("bad cookie not cleared")
				}
			}},
		// the cookie never signs in an API call: the REST API keeps bearer tokens
		{Name: "the cookie is not auth on /api/", Method: http.MethodGet, URL: "/api/collections/moderators/records",
			BeforeTestFunc: cookie(modEmail), ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}},
		{Name: "cross-origin post with a session refused", Method: http.MethodPost, URL: "/guarded/moderate",
			BeforeTestFunc: cookie(modEmail), Headers: map[string]string{"Sec-Fetch-Site": "cross-site"}, ExpectedStatus: 403, NotExpectedContent: []string{"posted"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = factory
		sc.Test(t)
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/moderate":              "/moderate",
		"/moderate?next=x#y":     "/moderate?next=x#y",
		"/":                      "/",
		"":                       "",
		"moderate":               "",
		"//evil.example":         "",
		"/\\evil.example":        "",
		"https://evil.example/":  "",
		"/x\r\nSet-Cookie: a=b":  "",
		"/%2F%2Fevil":            "/%2F%2Fevil", // a path on this site, not a host
		"javascript:alert(1)":    "",
		"/ok\\..\\":              "",
		"\\\\evil.example":       "",
		"/\t/evil.example":       "",
		"/moderate/../organise":  "/moderate/../organise",
		"http:/evil.example":     "",
		"/@evil.example":         "/@evil.example",
		"/\u00a0/evil.example":   "/\u00a0/evil.example",
		"/moderate?next=//evil":  "/moderate?next=//evil",
		"/moderate/login?next=/": "/moderate/login?next=/",
	} {
		if got := staff.LocalPath(in); got != want {
			t.Errorf("LocalPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/moderate", "//evil", "/\\evil", "https://x", "/a?b=c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got := staff.LocalPath(p)
		if got == "" {
			return
		}
		// whatever passes must stay on this host when a browser resolves it
		req, err := http.NewRequest(http.MethodGet, "http://kiosk.local"+got, nil)
		if err != nil || req.URL.Host != "kiosk.local" {
			t.Fatalf("LocalPath(%q) = %q leaves the site: %v %v", p, got, req, err)
		}
	})
}
