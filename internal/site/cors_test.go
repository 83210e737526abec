package site_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
)

const notesAPI = "/api/collections/notes/records"

// preflight sends a browser's CORS preflight for a POST from origin.
func preflight(h http.Handler, url, origin string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodOptions, url, nil)
	req.Header.Set("Origin", origin)
	req.Header.Set("Access-Control-Request-Method", http.MethodPost)
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestCORSAllowsOnlyTheAppURL: PocketBase's `serve` allows every origin;
// the product allows the public base URL, operator-added origins, and
// nothing else. The handler is built like `serve` builds it, with
// PocketBase's allow-all middleware bound first.
func TestCORSAllowsOnlyTheAppURL(t *testing.T) {
	app := kktest.NewAppWith(t, site.Config{
		AppURL:      "https://kindness.hospital.example",
		CORSOrigins: []string{"https://intranet.hospital.example/", " http://10.1.2.3:8080 "},
	})
	h := kktest.Handler(t, app)

	cases := []struct {
		origin string
		want   string // Access-Control-Allow-Origin, "" = none
	}{
		{"https://evil.example", ""},
		{"http://kindness.hospital.example", ""},       // wrong scheme
		{"https://kindness.hospital.example:8443", ""}, // wrong port
		{"https://kindness.hospital.example.evil", ""}, // suffix trick
		{"https://sub.kindness.hospital.example", ""},  // no implied subdomains
		{"null", ""}, // sandboxed frames, file://
		{"https://kindness.hospital.example", "https://kindness.hospital.example"},
		{"https://KINDNESS.hospital.example:443", "https://KINDNESS.hospital.example:443"},
		{"https://intranet.hospital.example", "https://intranet.hospital.example"},
		{"http://10.1.2.3:8080", "http://10.1.2.3:8080"},
	}
	for _, c := range cases {
		rec := preflight(h, notesAPI, c.origin)
		if rec.Code != http.StatusNoContent {
			t.Errorf("preflight from %s: status %d", c.origin, rec.Code)
		}
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != c.want {
			t.Errorf("preflight from %s: Access-Control-Allow-Origin = %q, want %q", c.origin, got, c.want)
		}
		if c.want != "" && rec.Header().Get("Access-Control-Allow-Methods") == "" {
			t.Errorf("preflight from %s: no Access-Control-Allow-Methods", c.origin)
		}
	}

	// a simple cross-origin GET is still served (CORS is enforced by the
	// browser, which then refuses to hand the response to the page)
	req := httptest.NewRequest(http.MethodGet, "/api/health", nil)
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET from a foreign origin: %d, ACAO %q", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
	}

	// same-origin API calls from our own pages need no CORS and work
	req = httptest.NewRequest(http.MethodGet, notesAPI, nil)
	req.Header.Set("Origin", "http://example.com") // httptest's Host
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("same-origin API list: %d %s", rec.Code, rec.Body)
	}

	// the dashboard can move the base URL; the new origin applies at once
	settings := app.Settings()
	settings.Meta.AppURL = "https://kindness.new.example/kiosk"
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	if got := preflight(h, notesAPI, "https://kindness.new.example").Header().Get("Access-Control-Allow-Origin"); got != "https://kindness.new.example" {
		t.Errorf("after an AppURL change: ACAO = %q", got)
	}
	if got := preflight(h, notesAPI, "https://kindness.hospital.example").Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("old AppURL still allowed: %q", got)
	}
}

// TestCORSWildcardIsExplicit: an operator can restore allow-all with
// --cors '*', and only that way.
func TestCORSWildcardIsExplicit(t *testing.T) {
	h := kktest.Handler(t, kktest.NewAppWith(t, site.Config{CORSOrigins: []string{"*"}}))
	if got := preflight(h, notesAPI, "https://anything.example").Header().Get("Access-Control-Allow-Origin"); got != "*" && got != "https://anything.example" {
		t.Errorf("with --cors '*': ACAO = %q", got)
	}
}

// TestCORSOnTheRealServer: apis.Serve binds PocketBase's allow-all CORS
// before our OnServe hook; the real server must not answer with it.
func TestCORSOnTheRealServer(t *testing.T) {
	srv := browsertest.StartServer(t) // AppURL = the server's own URL
	for origin, want := range map[string]string{"https://evil.example": "", srv.URL: srv.URL} {
		res, _ := fetch(t, http.MethodOptions, srv.URL+notesAPI, map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST",
		})
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("real server, preflight from %s: ACAO = %q, want %q", origin, got, want)
		}
	}
}
