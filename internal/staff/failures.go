package staff

import (
	"net/netip"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// failures counts failed sign-ins (a wrong password, a wrong one-time
// code) per address in a fixed window, for the rule labelled
// schema.StaffSignInFailures in Settings > Rate limits (default 10 in 5
// minutes). Only failures count: PocketBase's own limiter counts every
// request before the handler runs, so it would stop a moderator who signs
// in and out all day, and it cannot tell a good password from a bad one.
// Like PocketBase's limiter it lives in memory (a restart forgives), is
// keyed by e.RealIP() and obeys "Enable rate limiting" and the excluded
// addresses.
type failures struct {
	mu  sync.Mutex
	by  map[string]*window
	now func() time.Time
}

type window struct {
	start time.Time
	n     int
}

const failuresKey = "kkStaffSignInFailures"

func failuresOf(app core.App) *failures {
	return app.Store().GetOrSet(failuresKey, func() any {
		return &failures{by: map[string]*window{}, now: time.Now}
	}).(*failures)
}

// signInRule is the admin's rule, if rate limiting is on and this address
// is not excluded.
func signInRule(e *core.RequestEvent) (core.RateLimitRule, bool) {
	rl := e.App.Settings().RateLimits
	if !rl.Enabled || excluded(rl.ExcludedIPs, e.RealIP()) {
		return core.RateLimitRule{}, false
	}
	for _, r := range rl.Rules {
		if r.Label == s.StaffSignInFailures && r.MaxRequests > 0 && r.Duration > 0 {
			return r, true
		}
	}
	return core.RateLimitRule{}, false
}

// blocked reports whether the request's address has used up its failed
// sign-ins for now; it is checked before the password or code is.
func blocked(e *core.RequestEvent) bool {
	rule, ok := signInRule(e)
	if !ok {
		return false
	}
	f := failuresOf(e.App)
	f.mu.Lock()
	defer f.mu.Unlock()
	w := f.by[e.RealIP()]
	return w != nil && f.now().Sub(w.start) < rule.DurationTime() && w.n >= rule.MaxRequests
}

// failed counts one failed sign-in for the request's address.
func failed(e *core.RequestEvent) {
	rule, ok := signInRule(e)
	if !ok {
		return
	}
	f := failuresOf(e.App)
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if len(f.by) > 10000 { // forget windows that ended, so the map stays small
		for k, w := range f.by {
			if now.Sub(w.start) >= rule.DurationTime() {
				delete(f.by, k)
			}
		}
	}
	key := e.RealIP()
	w := f.by[key]
	if w == nil || now.Sub(w.start) >= rule.DurationTime() {
		w = &window{start: now}
		f.by[key] = w
	}
	w.n++
}

// excluded: the address is in Settings > Rate limits' excluded list
// (single addresses or subnets), as PocketBase's own limiter reads it.
func excluded(list []string, ip string) bool {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	for _, item := range list {
		if p, err := netip.ParsePrefix(item); err == nil && p.Contains(addr) {
			return true
		}
		if a, err := netip.ParseAddr(item); err == nil && a == addr {
			return true
		}
	}
	return false
}
