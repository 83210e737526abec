package staff_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestLoginRateLimited: password guessing from one address stops at the
// 11th failure in 5 minutes (the "desk:failedSignIns" rule); the 429 is the
// sign-in page in the desk's own words, with the e-mail kept and the
// password never echoed; another address still signs in.
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
	body := res.Body.String()
	if strings.Contains(body, "guess-secret") || !strings.Contains(body, `value="`+modEmail+`"`) {
		t.Errorf("429 page must keep the e-mail and drop the password:\n%s", body)
	}
	if !strings.Contains(body, "Too many failed sign-ins from this address") || !strings.Contains(body, "Staff sign-in") ||
		strings.Contains(body, "kindness at once") {
		t.Errorf("429 page is not in the desk's words:\n%s", body)
	}
	// the right password from there is refused too, for now
	if res := post("10.0.0.7:1234", stafftest.Password); res.Code != http.StatusTooManyRequests {
		t.Errorf("right password after 10 failures: %d, want 429", res.Code)
	}
	if res := post("10.0.0.8:1234", stafftest.Password); res.Code != http.StatusSeeOther {
		t.Errorf("another address: %d, want 303", res.Code)
	}
}

// TestLoginRateLimitCountsFailuresOnly: a moderator who signs in a dozen
// times in five minutes (a shared desk, a phone, a tablet) is never
// stopped; wrong passwords and wrong codes count.
func TestLoginRateLimitCountsFailuresOnly(t *testing.T) {
	app := kktest.NewApp(t)
	withAccounts(t, app)
	h := kktest.Handler(t, app)
	post := func(path, addr, cookie string, kv ...string) int {
		req := httptest.NewRequest(http.MethodPost, path, kktest.Form(kv...))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	const addr = "10.0.0.9:1234"
	for i := 1; i <= 12; i++ {
		if code := post("/moderate/login", addr, "", "email", modEmail, "password", stafftest.Password); code != http.StatusSeeOther {
			t.Fatalf("sign-in %d: %d, want 303", i, code)
		}
	}
	for i := 1; i <= 9; i++ {
		if code := post("/moderate/login", addr, "", "email", modEmail, "password", "typo"); code != http.StatusUnauthorized {
			t.Fatalf("failure %d after 12 sign-ins: %d, want 401", i, code)
		}
	}
	// the tenth failure is a wrong one-time code, the eleventh try refused
	c, err := app.FindCollectionByNameOrId("moderators")
	if err != nil {
		t.Fatal(err)
	}
	c.MFA.Enabled, c.OTP.Enabled = true, true
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	addPending(t, app, 0, true)
	if code := post(staff.CodePath, addr, pendingCookie(true, ""), "code", "00000000"); code != http.StatusUnauthorized {
		t.Fatalf("wrong code: %d, want 401", code)
	}
	req := httptest.NewRequest(http.MethodPost, staff.CodePath, kktest.Form("code", pendingCode))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", pendingCookie(true, ""))
	req.RemoteAddr = addr
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	if res.Code != http.StatusTooManyRequests {
		t.Fatalf("after 10 failures: %d, want 429", res.Code)
	}
	if body := res.Body.String(); !strings.Contains(body, "Too many failed sign-ins from this address") || !strings.Contains(body, modEmail) {
		t.Errorf("the code page's 429 is not in the desk's words, or lost the e-mail:\n%s", body)
	}
}

// TestLoginLimitHoldsUnderABurst: forty wrong passwords sent at once from
// one address. The limit is taken before the password is checked, so at
// most ten are checked at all; a limit checked before a slow bcrypt and
// counted after it let every one of a burst through (review finding).
func TestLoginLimitHoldsUnderABurst(t *testing.T) {
	app := kktest.NewApp(t)
	withAccounts(t, app)
	h := kktest.Handler(t, app)
	codes := burst(40, func() int {
		req := httptest.NewRequest(http.MethodPost, "/moderate/login", kktest.Form("email", modEmail, "password", "guess-secret"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "10.0.0.11:1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	})
	if codes[http.StatusUnauthorized] > 10 || codes[http.StatusTooManyRequests] < 30 {
		t.Errorf("40 wrong passwords at once: %v; want at most 10 checked (401), the rest 429", codes)
	}
}

// burst runs f n times at once and counts the statuses.
func burst(n int, f func() int) map[int]int {
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		start = make(chan struct{})
		codes = map[int]int{}
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c := f()
			mu.Lock()
			codes[c]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}
