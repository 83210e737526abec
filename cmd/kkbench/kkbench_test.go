package main

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// TestHarness runs every section with tiny numbers against real servers
// and checks the counts, not the speed: every post answered as expected,
// the sign-up burst exact, every screen got every approval.
func TestHarness(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs servers")
	}
	// a cold build of two binaries on a busy machine takes minutes: wait
	// as long as -timeout allows, not a fixed 2 minutes (issue 12)
	ctx := testwait.Context(t)
	work := t.TempDir()
	cfg := &config{
		Work:             work,
		Sections:         map[string]bool{},
		Screens:          []int{5},
		Duration:         300 * time.Millisecond,
		FixedDuration:    500 * time.Millisecond,
		Conc:             4,
		Rate:             40,
		Burst:            50,
		Seats:            5,
		Approvals:        3,
		Resyncs:          20,
		StalledAt:        10,
		StalledPct:       10,
		ColdRuns:         1,
		PostsWithScreens: 500 * time.Millisecond,
		Log:              testLog{t, time.Now()},
	}
	for _, s := range allSections {
		cfg.Sections[s] = true
	}
	// productpb (the product's wiring plus the sign-up route) stands in for
	// the product binary: one link less; the product build is main_test's.
	cfg.ProductPBBin = filepath.Join(work, "bin", "productpb")
	cfg.PlainBin = filepath.Join(work, "bin", "plainpb")
	cfg.Bin = cfg.ProductPBBin
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, b := range []struct{ pkg, out string }{{"./cmd/kkbench/productpb", cfg.ProductPBBin}, {"./cmd/kkbench/plainpb", cfg.PlainBin}} {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = build(ctx, b.pkg, b.out) }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	rep, err := run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}

	// note posts: every request answered as it should (303 to the sent page, 200 for REST)
	for _, name := range rep.notes.targets {
		c, f := rep.notes.conc[name], rep.notes.fixed[name]
		if c.ok == 0 || c.errs != 0 {
			t.Errorf("%s closed loop: %d ok, %d errors (%v)", name, c.ok, c.errs, c.firstErr)
		}
		if f.ok != 20 || f.errs != 0 {
			t.Errorf("%s at %d/s for 0.5 s: %d ok, %d errors (%v)", name, cfg.Rate, f.ok, f.errs, f.firstErr)
		}
	}

	// the servers' own CPU time was read (from /proc) during the posts
	var cpu time.Duration
	for _, d := range rep.notes.cpu {
		cpu += d
	}
	if cpu <= 0 {
		t.Error("no server CPU time read during the note posts")
	}

	// the equal-durability column really commits as the product does
	// (plainpb --sqlite-sync=FULL); the stock column as PocketBase does
	if got := rep.notes.sqlite["plainfull"]; !strings.HasPrefix(got, "synchronous=2 (FULL), secure_delete=1") {
		t.Errorf("plain PocketBase at FULL opened SQLite with %q", got)
	}
	if got := rep.notes.sqlite["plain"]; !strings.HasPrefix(got, "synchronous=1 (NORMAL)") {
		t.Errorf("stock plain PocketBase opened SQLite with %q", got)
	}

	// sign-ups: exact on both servers, as answered and as stored
	for _, name := range rep.signups.names {
		if b := rep.signups.burst[name]; !b.exact(cfg.Burst, cfg.Seats) {
			t.Errorf("%s burst not exact: %+v", name, b)
		}
		if p := rep.signups.sustained[name]; p.ok == 0 || p.errs != 0 {
			t.Errorf("%s sustained: %d ok, %d errors (%v)", name, p.ok, p.errs, p.firstErr)
		}
	}

	// plain PocketBase's REST create of sign-ups, the reference: all created
	if b, p := rep.signups.restBurst, rep.signups.restSustained; b.errs != 0 || b.dbConfirmed+b.dbWaitlisted != cfg.Burst || p.ok == 0 || p.errs != 0 {
		t.Errorf("REST create of sign-ups: burst %+v; sustained %d ok, %d errors (%v)", b, p.ok, p.errs, p.firstErr)
	}

	// screens: every screen got every approval
	for _, name := range rep.screens.names {
		r := rep.screens.runs[name][0]
		if r.expected != 5*3 || r.delivered != r.expected || len(r.lat) != r.expected {
			t.Errorf("%s screens: %d of %d delivered", name, r.delivered, r.expected)
		}
		if r.posts.ok != 20 || r.posts.errs != 0 {
			t.Errorf("%s posts with screens connected: %d ok, %d errors (%v)", name, r.posts.ok, r.posts.errs, r.posts.firstErr)
		}
		if r.rssConnected <= 0 {
			t.Errorf("%s: no RSS reading", name)
		}
	}

	// screens with one stalled: every live screen got every approval (the
	// run sends 120, enough to fill the stalled one's buffers); plain
	// PocketBase is not checked: its fan-out may stop for everyone
	if r := rep.screens.stalled[rep.screens.names[0]]; r == nil || r.stalled != 1 || r.delivered != r.expected || r.expected != 9*r.approvals || r.approvals < stalledApprovals {
		t.Errorf("product screens with one stalled: %+v", r)
	}

	// re-syncs: every one answered 304 on the product, every list on plain
	for _, name := range rep.resync.names {
		if p := rep.resync.notMod[name]; p.ok != 20 || p.errs != 0 {
			t.Errorf("%s re-syncs: %d ok, %d errors (%v)", name, p.ok, p.errs, p.firstErr)
		}
	}
	if p := rep.resync.full; p.ok == 0 || p.errs != 0 {
		t.Errorf("full feeds: %d ok, %d errors (%v)", p.ok, p.errs, p.firstErr)
	}

	// kiosk: the page and its assets were found and fetched
	k := rep.kiosk
	if k.requests() < 3 || k.resources[0].kind != "html" || k.bytes() <= 0 {
		t.Errorf("kiosk first load: %d requests, %d bytes: %+v", k.requests(), k.bytes(), k.resources)
	}
	kinds := map[string]bool{}
	for _, r := range k.resources {
		kinds[r.kind] = true
	}
	if !kinds["css"] || !kinds["js"] {
		t.Errorf("kiosk first load found no stylesheet or script: %+v", k.resources)
	}

	// cold start: one timed start per server
	for _, name := range rep.cold.names {
		if d := rep.cold.runs[name]; len(d) != 1 || d[0] <= 0 {
			t.Errorf("%s cold start: %v", name, d)
		}
	}

	var out strings.Builder
	rep.write(&out)
	for _, want := range []string{"### Note posts", "### Sign-ups", "### Screens", "### Kiosk first load", "### Screen re-sync", "stalled (never read)", "### Cold start", "| budget |",
		"plain at equal durability (FULL)", "plain PocketBase at FULL: REST create"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report has no %q:\n%s", want, out.String())
		}
	}
	t.Log("\n" + out.String())
}

type testLog struct {
	t     *testing.T
	start time.Time
}

func (l testLog) Write(p []byte) (int, error) {
	l.t.Logf("%5.1fs %s", time.Since(l.start).Seconds(), strings.TrimSpace(string(p)))
	return len(p), nil
}
