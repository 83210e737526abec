package site_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// postNote sends the note form from a client socket address, optionally
// through a proxy that sets X-Forwarded-For.
func postNote(h http.Handler, remoteAddr, forwardedFor string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/notes", strings.NewReader("to=Ana&body=Thank+you"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = remoteAddr
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// noteLimit returns the shipped "POST /notes" rule (settings migration).
func noteLimit(t testing.TB, app core.App) int {
	t.Helper()
	rl := app.Settings().RateLimits
	if !rl.Enabled {
		t.Fatal("rate limiter is off by default")
	}
	for _, r := range rl.Rules {
		if r.Label == "POST /notes" {
			if r.MaxRequests < 2 {
				t.Fatalf("POST /notes allows %d", r.MaxRequests)
			}
			return r.MaxRequests
		}
	}
	t.Fatal("no POST /notes rate limit rule")
	return 0
}

// burst posts max notes from one client and fails unless all get through.
func burst(t testing.TB, h http.Handler, max int, remoteAddr, forwardedFor string) {
	t.Helper()
	for i := 0; i < max; i++ {
		if rec := postNote(h, remoteAddr, forwardedFor); rec.Code != http.StatusSeeOther {
			t.Fatalf("post %d of %d from %s/%s: %d\n%s", i+1, max, remoteAddr, forwardedFor, rec.Code, rec.Body)
		}
	}
}

// expectLimited fails unless the response is the HTML 429 page.
func expectLimited(t testing.TB, rec *httptest.ResponseRecorder, who string) {
	t.Helper()
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("%s: status %d, want 429", who, rec.Code)
	}
	body := rec.Body.String()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("%s: Content-Type %q, want an HTML page", who, ct)
	}
	if !strings.Contains(body, "<html") || !strings.Contains(body, "Please wait a minute") || strings.Contains(body, `"status":429`) {
		t.Errorf("%s: not the HTML 429 page:\n%s", who, body)
	}
}

// TestRateLimitPerAddress: a burst from one phone hits 429 (an HTML page,
// nothing stored), another phone is unaffected.
func TestRateLimitPerAddress(t *testing.T) {
	app := kktest.NewApp(t)
	h := kktest.Handler(t, app)
	max := noteLimit(t, app)

	burst(t, h, max, "198.51.100.7:40000", "")
	expectLimited(t, postNote(h, "198.51.100.7:40001", ""), "same address, next port")
	if rec := postNote(h, "198.51.100.8:40000", ""); rec.Code != http.StatusSeeOther {
		t.Errorf("another address: %d, want 303", rec.Code)
	}
	expectCount(t, app, s.Notes, max+1)

	// without the trusted-proxy setting a forwarded header is ignored: a
	// client cannot dodge the limit by inventing X-Forwarded-For
	expectLimited(t, postNote(h, "198.51.100.7:40002", "203.0.113.99"), "spoofed X-Forwarded-For")
}

// TestRateLimitBehindProxy: behind a reverse proxy every phone arrives
// from the proxy's address. Without the setting they share one quota;
// with Settings > TrustedProxy.Headers = X-Forwarded-For each phone is its
// own client, keyed on the right-most address (the one the proxy
// appended), so a phone cannot escape by prepending a fake one.
func TestRateLimitBehindProxy(t *testing.T) {
	const proxy = "127.0.0.1:51000"

	t.Run("setting off: phones share the proxy's quota", func(t *testing.T) {
		app := kktest.NewApp(t)
		h := kktest.Handler(t, app)
		burst(t, h, noteLimit(t, app), proxy, "203.0.113.1")
		expectLimited(t, postNote(h, proxy, "203.0.113.2"), "second phone behind the proxy")
	})

	for _, header := range []string{"X-Forwarded-For", "X-Real-IP"} {
		t.Run("setting "+header+": each phone its own client", func(t *testing.T) {
			app := kktest.NewApp(t)
			settings := app.Settings()
			settings.TrustedProxy.Headers = []string{header}
			if err := app.Save(settings); err != nil {
				t.Fatal(err)
			}
			h := kktest.Handler(t, app)
			max := noteLimit(t, app)
			send := func(ip string) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodPost, "/notes", strings.NewReader("to=Ana&body=Thank+you"))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.RemoteAddr = proxy
				req.Header.Set(header, ip)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec
			}
			for i := 0; i < max; i++ {
				if rec := send("203.0.113.1"); rec.Code != http.StatusSeeOther {
					t.Fatalf("phone 1, post %d: %d", i+1, rec.Code)
				}
			}
			expectLimited(t, send("203.0.113.1"), "phone 1 over its limit")
			if rec := send("203.0.113.2"); rec.Code != http.StatusSeeOther {
				t.Errorf("phone 2 behind the same proxy: %d, want 303", rec.Code)
			}
			if header == "X-Forwarded-For" {
				// the phone prepends a fake address; nginx appends the real one
				expectLimited(t, send("192.0.2.200, 203.0.113.1"), "phone 1 with a forged left-most address")
			}
			expectCount(t, app, s.Notes, max+1)
		})
	}
}

// TestRateLimitAPICreate: the REST create of a note is limited too
// ("*:create"), with PocketBase's JSON error there.
func TestRateLimitAPICreate(t *testing.T) {
	app := kktest.NewApp(t)
	h := kktest.Handler(t, app)
	var last *httptest.ResponseRecorder
	for i := 0; i < 100; i++ {
		req := httptest.NewRequest(http.MethodPost, notesAPI, strings.NewReader(`{"to":"Ana","body":"Thank you"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = "198.51.100.9:1234"
		last = httptest.NewRecorder()
		h.ServeHTTP(last, req)
		if last.Code == http.StatusTooManyRequests {
			break
		}
	}
	if last.Code != http.StatusTooManyRequests || !strings.Contains(last.Body.String(), `"status":429`) {
		t.Errorf("100 API creates from one address: last %d %s", last.Code, last.Body)
	}
}
