package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

// TestEveryPageRenders is the start-up sanity check Miniflux has: every
// template parses together with the layout, and the asset helper knows
// every file the layout links.
func TestEveryPageRenders(t *testing.T) {
	v, err := web.New(pb_public.FS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := v.RenderBytes("error", web.ErrorData{Status: 404, Title: i18n.Raw("Not Found"), Message: i18n.Raw("gone <b>x</b>")})
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"<!doctype html>", "gone &lt;b&gt;x&lt;/b&gt;", "/css/app.css?v="} {
		if !strings.Contains(html, want) {
			t.Errorf("error page lacks %q:\n%s", want, html)
		}
	}
	if _, err := v.RenderBytes("no-such-page", nil); err == nil {
		t.Error("rendering an unknown page must fail")
	}
}

func TestAssetURLsChangeWithContent(t *testing.T) {
	v, err := web.New(pb_public.FS)
	if err != nil {
		t.Fatal(err)
	}
	u := v.Assets().URL("css/app.css")
	if !regexp.MustCompile(`^/css/app\.css\?v=[0-9a-f]{10}$`).MatchString(u) {
		t.Fatalf("URL = %q", u)
	}
	if v.Assets().Version() == "" {
		t.Fatal("empty version")
	}
}

func TestExcerpt(t *testing.T) {
	if got := web.Excerpt(10, "short"); got != "short" {
		t.Errorf("got %q", got)
	}
	if got := web.Excerpt(12, "thank you all for the night"); got != "thank you…" {
		t.Errorf("got %q", got)
	}
}

// TestHTMLRoutes pins the behaviour every HTML route shares: unknown paths
// and errors are HTML pages, fingerprinted assets are cached for a year,
// and the API keeps its JSON.
func TestHTMLRoutes(t *testing.T) {
	var css string
	v, _ := web.New(pb_public.FS)
	css = v.Assets().URL("css/app.css")
	scenarios := []tests.ApiScenario{
		{Name: "unknown page is an HTML 404", Method: http.MethodGet, URL: "/no/such/page",
			ExpectedStatus: 404, ExpectedContent: []string{"<!doctype html>", "find that page"},
			NotExpectedContent: []string{`"status":404`}},
		{Name: "fingerprinted asset is immutable", Method: http.MethodGet, URL: css,
			ExpectedStatus: 200, ExpectedContent: []string{"--accent"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
					t.Errorf("Cache-Control = %q", cc)
				}
			}},
		{Name: "asset without fingerprint revalidates", Method: http.MethodGet, URL: "/css/app.css",
			ExpectedStatus: 200, ExpectedContent: []string{"--accent"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
					t.Errorf("Cache-Control = %q", cc)
				}
			}},
		{Name: "the Go file beside the assets is not served", Method: http.MethodGet, URL: "/assets.go",
			ExpectedStatus: 404, ExpectedContent: []string{"<!doctype html>"}, NotExpectedContent: []string{"go:embed"}},
		{Name: "API errors stay JSON", Method: http.MethodGet, URL: "/api/collections/nope/records",
			ExpectedStatus: 404, ExpectedContent: []string{`"status":404`}},
		{Name: "start page", Method: http.MethodGet, URL: "/",
			ExpectedStatus: 200, ExpectedContent: []string{"Staff break room", "/kiosk/break-room", "/posters/break-room"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Test(t)
	}
}
