package web_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestLanguage pins how a page picks its language: the switch's cookie,
// else Accept-Language, else English; <html lang> always says which.
func TestLanguage(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "no preference: English", Method: http.MethodGet, URL: "/notes/new", ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="en">`, "<h1>Say thank you</h1>", `href="/lang/es?next=%2Fnotes%2Fnew"`, ">Español</a>"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if cl := res.Header.Get("Content-Language"); cl != "en" {
					t.Errorf("Content-Language = %q", cl)
				}
				if v := res.Header.Values("Vary"); !strings.Contains(strings.Join(v, ","), "Accept-Language") {
					t.Errorf("Vary = %q", v)
				}
			}},
		{Name: "Accept-Language es-MX: Spanish", Method: http.MethodGet, URL: "/notes/new?room=break-room",
			Headers: map[string]string{"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}, ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="es">`, "<h1>Dar las gracias</h1>", `<p class="eyebrow" dir="auto">Staff break room</p>`, "Enviar agradecimiento",
				`href="/lang/en?next=%2Fnotes%2Fnew%3Froom%3Dbreak-room"`, ">English</a>"},
			NotExpectedContent: []string{"Say thank you"}},
		{Name: "the cookie wins over Accept-Language", Method: http.MethodGet, URL: "/stories/new",
			Headers: map[string]string{"Accept-Language": "es", "Cookie": "lang=en"}, ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="en">`, "Share a story of kindness"}},
		{Name: "a bad cookie falls back to Accept-Language", Method: http.MethodGet, URL: "/stories/new",
			Headers: map[string]string{"Accept-Language": "es", "Cookie": "lang=xx"}, ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="es">`, "Comparta una historia de amabilidad"}},
		{Name: "the switch sets the cookie and comes back", Method: http.MethodGet, URL: "/lang/es?next=%2Fnotes%2Fnew%3Froom%3Dbreak-room",
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/new?room=break-room" {
					t.Errorf("Location = %q", loc)
				}
				c := res.Header.Get("Set-Cookie")
				if !strings.HasPrefix(c, "lang=es;") || !strings.Contains(c, "Path=/") || !strings.Contains(c, "HttpOnly") {
					t.Errorf("Set-Cookie = %q", c)
				}
			}},
		{Name: "the switch is no open redirect", Method: http.MethodGet, URL: "/lang/en?next=%2F%2Fevil.example%2F",
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "error pages speak the language too", Method: http.MethodGet, URL: "/no/such/page",
			Headers: map[string]string{"Accept-Language": "es"}, ExpectedStatus: 404,
			ExpectedContent: []string{`<html lang="es">`, "No encontramos la página", "Ir a la página de inicio"}},
		{Name: "a Spanish form post: field messages in Spanish, text kept", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "es"},
			Body:    kktest.Form("to", "", "body", "gracias por todo"), ExpectedStatus: 422,
			ExpectedContent: []string{`<html lang="es">`, "Escriba a quién va dirigido.", "gracias por todo</textarea>", "<title>Error: Dar las gracias · Kindness Kiosk</title>"}},
		{Name: "held note: the title says so", Method: http.MethodGet, URL: "/notes/sent?held=1", ExpectedStatus: 200,
			ExpectedContent: []string{"<title>Sent, held for a moderator&#39;s check · Kindness Kiosk</title>"}},
		{Name: "held story: the title says so, in Spanish too", Method: http.MethodGet, URL: "/stories/sent?held=1", ExpectedStatus: 200,
			Headers:         map[string]string{"Accept-Language": "es"},
			ExpectedContent: []string{"<title>Historia enviada, en espera de revisión · Kindness Kiosk</title>"}},
		{Name: "/events: h1, then h2, then the cards' h3 (it jumped h1 to h3)", Method: http.MethodGet, URL: "/events", ExpectedStatus: 200,
			ExpectedContent: []string{"<h2>Upcoming events</h2>", "Tea"},
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				kktest.Create(t, app, "events", map[string]any{"title": "Tea", "starts": time.Now().Add(48 * time.Hour).UTC(), "status": "published"})
			}),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if got := headingLevels(t, res); got != "1 2 3" {
					t.Errorf("heading levels %q, want 1 2 3", got)
				}
			}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(nil)
		}
		sc.Test(t)
	}
}

// headingLevels reads a page's heading levels in order, each once in a row
// ("1 2 3"), from the response body.
func headingLevels(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var levels []string
	for _, m := range regexp.MustCompile(`<h([1-6])`).FindAllStringSubmatch(string(b), -1) {
		if len(levels) == 0 || levels[len(levels)-1] != m[1] {
			levels = append(levels, m[1])
		}
	}
	return strings.Join(levels, " ")
}
