//go:build !race

// The race detector changes what allocates (its sync.Pool drops items at
// random, among others), so this count is only meaningful without it.

package kiosk_test

import (
	"math"
	"runtime"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
)

// TestFanoutCostPerScreen: what one more screen costs the kiosk fan-out
// per approval, in allocations (which, unlike time, do not move with the
// machine's load). The message is encoded once and written straight to
// each screen's socket (ADR 0320): nothing is allocated per screen.
// Before, each screen's stream goroutine was woken through its channel
// and built the event anew (a hook event, the SSE lines): 7 allocations
// per screen per approval, and the time of 5,000 goroutine wake-ups.
// PocketBase's own per-client work on a record change (it asks every
// client for its subscriptions) is the same on both sides of the
// comparison: the same 220 clients, 20 or 220 of them on the kiosk topic.
func TestFanoutCostPerScreen(t *testing.T) {
	kiosk.SetStreamCaps(t, 1000, 1000)
	srv := browsertest.StartServer(t)
	// 220 subscriptions from one address: more than its rate limit allows
	settings := srv.App.Settings()
	settings.RateLimits.Enabled = false
	if err := srv.App.Save(settings); err != nil {
		t.Fatal(err)
	}
	f := &fleet{}
	f.add(t, srv.Addr, 20, kiosk.Topic)
	f.add(t, srv.Addr, 200, "elsewhere")
	approval := 0
	// the fewest of several approvals: after a garbage collection the
	// sync.Pools of PocketBase and the standard library refill, which
	// adds thousands of allocations to whichever approval comes next
	allocs := func() float64 {
		fewest := uint64(math.MaxUint64)
		for range 8 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f.approve(t, srv.App, approval)
			runtime.ReadMemStats(&after)
			approval++
			fewest = min(fewest, after.Mallocs-before.Mallocs)
		}
		return float64(fewest)
	}
	few := allocs()
	for _, c := range f.screens[20:] {
		f.subscribe(t, srv.Addr, c)
	}
	many := allocs()
	perScreen := (many - few) / 200
	t.Logf("allocations per approval: %.0f with 20 kiosk screens, %.0f with 220: %.2f per screen", few, many, perScreen)
	if perScreen > 0.5 {
		t.Errorf("each screen costs %.2f allocations per approval, want none (encode once, write the same bytes)", perScreen)
	}
}
