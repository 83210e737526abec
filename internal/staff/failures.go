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
	n     int // failures in this window
	busy  int // attempts being checked now (reserve)
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

// reserve takes one attempt for the request's address before the password
// or code is checked, and reports false when the address has used up its
// failed sign-ins for now. Attempts still being checked count as failures
// until they end: a burst of parallel requests must not all pass the check
// while the first bcrypt runs (a limit checked before and counted after
// is no limit). The caller must call done exactly once, saying whether
// the attempt failed; a success gives its slot back.
func reserve(e *core.RequestEvent) (done func(failed bool), ok bool) {
	rule, on := signInRule(e)
	if !on {
		return func(bool) {}, true
	}
	f := failuresOf(e.App)
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if len(f.by) > 10000 { // forget windows that ended, so the map stays small
		for k, w := range f.by {
			if w.busy == 0 && now.Sub(w.start) >= rule.DurationTime() {
				delete(f.by, k)
			}
		}
	}
	key := e.RealIP()
	w := f.by[key]
	if w == nil {
		w = &window{start: now}
		f.by[key] = w
	} else if now.Sub(w.start) >= rule.DurationTime() {
		w.start, w.n = now, 0 // in place: attempts still running hold w
	}
	if w.n+w.busy >= rule.MaxRequests {
		return nil, false
	}
	w.busy++
	var once sync.Once
	return func(failed bool) {
		once.Do(func() {
			f.mu.Lock()
			defer f.mu.Unlock()
			w.busy--
			if failed {
				w.n++
			}
		})
	}, true
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
