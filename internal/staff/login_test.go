package staff_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

const modEmail = "mod@hospital.example"

// withAccounts: a moderator, an organiser, an account without roles, and a
// page guarded for each role so the guard can be tested on its own.
func withAccounts(t testing.TB, app *tests.TestApp) {
	stafftest.Account(t, app, modEmail, s.RoleModerate)
	stafftest.Account(t, app, "org@hospital.example", s.RoleOrganise)
	stafftest.Account(t, app, "none@hospital.example")
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		for _, role := range []string{s.RoleModerate, s.RoleOrganise} {
			se.Router.GET("/guarded/"+role, func(e *core.RequestEvent) error {
				return e.String(http.StatusOK, "hello "+staff.Name(e.Auth))
			}).Bind(staff.Require(role))
			se.Router.POST("/guarded/"+role, func(e *core.RequestEvent) error {
				return e.String(http.StatusOK, "posted")
			}).Bind(staff.Require(role))
		}
		return se.Next()
	})
}

// setCookie returns the session Set-Cookie header of a response.
func setCookie(res *http.Response) string {
	for _, c := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, staff.CookieName+"=") {
			return c
		}
	}
	return ""
}

func expectSession(want bool, attrs ...string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		c := setCookie(res)
		if !want {
			if c != "" && !strings.Contains(c, "Max-Age=0") {
				t.Fatalf("unexpected session cookie: %s", c)
			}
			return
		}
		if c == "" || strings.HasPrefix(c, staff.CookieName+"=;") {
			t.Fatalf("no session cookie in %v", res.Header.Values("Set-Cookie"))
		}
		for _, a := range append([]string{"HttpOnly", "SameSite=Strict", "Path=/"}, attrs...) {
			if strings.HasPrefix(a, "!") {
				if strings.Contains(c, a[1:]) {
					t.Errorf("cookie has %s: %s", a[1:], c)
				}
			} else if !strings.Contains(c, a) {
				t.Errorf("cookie lacks %s: %s", a, c)
			}
		}
	}
}

func TestLogin(t *testing.T) {
	factory := kktest.Factory(withAccounts)
	form := kktest.FormHeaders
	scenarios := []tests.ApiScenario{
		{Name: "the sign-in page", Method: http.MethodGet, URL: "/moderate/login?next=%2Fmoderate%3Fx%3D1", ExpectedStatus: 200,
			ExpectedContent: []string{"Staff sign-in", `name="email"`, `type="password"`, `name="next" value="/moderate?x=1"`}},
		{Name: "a moderator signs in and lands on the desk", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", modEmail, "password", stafftest.Password), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(true, "!Secure")(t, app, res)
				if loc := res.Header.Get("Location"); loc != "/moderate" {
					t.Errorf("Location = %q", loc)
				}
				// the cookie holds a working PocketBase auth token
				c := setCookie(res)
				token := strings.TrimPrefix(strings.Split(c, ";")[0], staff.CookieName+"=")
				rec, err := app.FindAuthRecordByToken(token, core.TokenTypeAuth)
				if err != nil || rec.Email() != modEmail {
					t.Errorf("token: %v %v", rec, err)
				}
			}},
		{Name: "e-mail trimmed; next is followed", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", "  mod@hospital.example ", "password", stafftest.Password, "next", "/moderate?x=1"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(true)(t, app, res)
				if loc := res.Header.Get("Location"); loc != "/moderate?x=1" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "an organiser lands on /organise", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", "org@hospital.example", "password", stafftest.Password), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/organise" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "a superuser may sign in too", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", kktest.SuperuserEmail, "password", "1234567890"), ExpectedStatus: 303,
			AfterTestFunc: expectSession(true)},
		{Name: "wrong password: message at the field, e-mail kept", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", modEmail, "password", "nope", "next", "/moderate"), ExpectedStatus: 401,
			ExpectedContent: []string{`id="err-password"`, "don&#39;t match a staff account", `value="mod@hospital.example"`,
				`name="next" value="/moderate"`, `aria-describedby="err-password"`},
			NotExpectedContent: []string{"nope"},
			AfterTestFunc:      expectSession(false)},
		{Name: "unknown e-mail: the same message", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", "who@hospital.example", "password", "whatever"), ExpectedStatus: 401,
			ExpectedContent: []string{"don&#39;t match a staff account", `value="who@hospital.example"`},
			AfterTestFunc:   expectSession(false)},
		{Name: "empty fields: a message at each", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", "", "password", ""), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-email"`, `id="err-password"`}},
		{Name: "an open redirect in next is refused", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			Body: kktest.Form("email", modEmail, "password", stafftest.Password, "next", "//evil.example/x"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/moderate" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "cross-origin sign-in refused", Method: http.MethodPost, URL: "/moderate/login",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body:    kktest.Form("email", modEmail, "password", stafftest.Password), ExpectedStatus: 403,
			ExpectedContent: []string{"only be sent from this site"}, AfterTestFunc: expectSession(false)},
		{Name: "sign-out clears the cookie", Method: http.MethodPost, URL: "/moderate/logout",
			Headers: map[string]string{"Cookie": "kk_staff=x"}, ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				c := setCookie(res)
				if !strings.Contains(c, "Max-Age=0") || !strings.Contains(c, "HttpOnly") {
					t.Errorf("cookie not cleared: %q", c)
				}
				if loc := res.Header.Get("Location"); loc != "/moderate/login?out=1" {
					t.Errorf("Location = %q", loc)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = factory
		sc.Test(t)
	}
}

// TestLoginSecureCookie: Secure behind an HTTPS proxy the admin trusts,
// never because a client claims it.
func TestLoginSecureCookie(t *testing.T) {
	trustProxy := func(t testing.TB, app *tests.TestApp) {
		withAccounts(t, app)
		settings := app.Settings()
		settings.TrustedProxy.Headers = []string{"X-Forwarded-For"}
		if err := app.Save(settings); err != nil {
			t.Fatal(err)
		}
	}
	body := func() *strings.Reader { return kktest.Form("email", modEmail, "password", stafftest.Password) }
	scenarios := []tests.ApiScenario{
		{Name: "trusted proxy says https: Secure", TestAppFactory: kktest.Factory(trustProxy),
			Headers:       map[string]string{"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https"},
			AfterTestFunc: expectSession(true, "Secure")},
		{Name: "RFC 7239 Forwarded proto=https: Secure", TestAppFactory: kktest.Factory(trustProxy),
			Headers:       map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Forwarded": `for=10.0.0.1;proto=https`},
			AfterTestFunc: expectSession(true, "Secure")},
		{Name: "untrusted X-Forwarded-Proto ignored", TestAppFactory: kktest.Factory(withAccounts),
			Headers:       map[string]string{"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https"},
			AfterTestFunc: expectSession(true, "!Secure")},
	}
	for _, sc := range scenarios {
		sc.Method, sc.URL, sc.Body, sc.ExpectedStatus = http.MethodPost, "/moderate/login", body(), 303
		sc.Test(t)
	}
}

// TestSignOutRevokes: after sign-out a copied session cookie (or the same
// token as a REST bearer) no longer signs anyone in (ADR 0300).
func TestSignOutRevokes(t *testing.T) {
	app := kktest.NewApp(t)
	withAccounts(t, app)
	h := kktest.Handler(t, app)
	do := func(method, path, cookie, bearer string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		if bearer != "" {
			req.Header.Set("Authorization", bearer)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	req := httptest.NewRequest(http.MethodPost, "/moderate/login", kktest.Form("email", modEmail, "password", stafftest.Password))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	c := setCookie(res.Result())
	if c == "" {
		t.Fatalf("no session: %d", res.Code)
	}
	copied := strings.Split(c, ";")[0]
	token := strings.TrimPrefix(copied, staff.CookieName+"=")
	if r := do(http.MethodGet, "/moderate", copied, ""); r.Code != http.StatusOK {
		t.Fatalf("signed in: /moderate %d", r.Code)
	}
	if r := do(http.MethodGet, "/api/collections/notes/records?filter=status%3D%22pending%22", "", token); r.Code != http.StatusOK || strings.Contains(r.Body.String(), `"totalItems":-1`) {
		t.Fatalf("signed in: REST %d", r.Code)
	}
	if r := do(http.MethodPost, "/moderate/logout", copied, ""); r.Code != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", r.Code)
	}
	if r := do(http.MethodGet, "/moderate", copied, ""); r.Code != http.StatusSeeOther || !strings.HasPrefix(r.Header().Get("Location"), "/moderate/login") {
		t.Errorf("the copied cookie still opens the desk: %d %s", r.Code, r.Header().Get("Location"))
	}
	if _, err := app.FindAuthRecordByToken(token, core.TokenTypeAuth); err == nil {
		t.Error("the token still authenticates")
	}
	// signing in again works, with a new token
	res = httptest.NewRecorder()
	req = httptest.NewRequest(http.MethodPost, "/moderate/login", kktest.Form("email", modEmail, "password", stafftest.Password))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	h.ServeHTTP(res, req)
	if again := strings.Split(setCookie(res.Result()), ";")[0]; again == "" || again == copied {
		t.Errorf("sign-in again: %q", again)
	}
}
