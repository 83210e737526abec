package staff_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestLoginRateLimited: password guessing from one address stops at the
// 11th try in 5 minutes (PocketBase's limiter, rule from a migration); the
// 429 page keeps the e-mail but never echoes the password; another address
// still signs in.
func TestLoginRateLimited(t *testing.T) {
	app := kktest.NewApp(t)
	withAccounts(t, app)
	h := kktest.Handler(t, app)
	post := func(addr, password string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/moderate/login", kktest.Form("email", modEmail, "password", password))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i := 1; i <= 10; i++ {
		if res := post("10.0.0.7:1234", "guess-secret"); res.Code != http.StatusUnauthorized {
			t.Fatalf("try %d: %d", i, res.Code)
		}
	}
	res := post("10.0.0.7:1234", "guess-secret")
	if res.Code != http.StatusTooManyRequests {
		t.Fatalf("11th try: %d, want 429", res.Code)
	}
	if body := res.Body.String(); strings.Contains(body, "guess-secret") || !strings.Contains(body, modEmail) {
		t.Errorf("429 page must keep the e-mail and drop the password:\n%s", body)
	}
	if res := post("10.0.0.8:1234", stafftest.Password); res.Code != http.StatusSeeOther {
		t.Errorf("another address: %d, want 303", res.Code)
	}
}
