package site

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Health check timings: a monitoring system may poll often, but the write
// (one fsync) runs at most every healthProbeEvery and the full scan for
// corruption (PRAGMA quick_check, reads every page) at most every
// healthScanEvery. A probe slower than healthProbeTimeout (the writer held
// by something else) is a failure too.
var (
	healthProbeEvery   = 5 * time.Second
	healthScanEvery    = 10 * time.Minute
	healthProbeTimeout = 10 * time.Second
)

// minFreeBytes is the free space under which the data folder counts as
// full: 64 MiB, or a twentieth of a smaller file system. SQLite can still
// write into a WAL file it already has while the disk is full, so the
// write alone would notice too late.
const minFreeBytes = 64 << 20

// health checks that the database can be written. See docs/adr/0103.
type health struct {
	app core.App

	mu      sync.Mutex
	probed  time.Time // last probe
	scanned time.Time // last quick_check
	scanErr error     // its result, kept until the next scan
	err     error     // last probe's result
}

// registerHealth makes GET /api/health answer 503 when the database can't
// be written (PocketBase's own answers 200 as long as the process runs).
func registerHealth(se *core.ServeEvent) {
	h := &health{app: se.App}
	se.Router.Bind(&hook.Handler[*core.RequestEvent]{
		Id:       "kkHealth",
		Priority: apis.DefaultRateLimitMiddlewarePriority + 1, // rate limited like any /api/ call
		Func: func(e *core.RequestEvent) error {
			if e.Request.URL.Path != "/api/health" || (e.Request.Method != http.MethodGet && e.Request.Method != http.MethodHead) {
				return e.Next()
			}
			if err := h.check(); err != nil {
				return e.JSON(http.StatusServiceUnavailable, map[string]any{
					"message": "The database can't be written: " + err.Error(),
					"code":    http.StatusServiceUnavailable,
					"data":    map[string]any{},
				})
			}
			return e.Next() // PocketBase's own answer
		},
	})
}

// check returns the result of a recent probe, probing when it is stale.
// Concurrent callers wait for one probe.
func (h *health) check() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	if !h.probed.IsZero() && now.Sub(h.probed) < healthProbeEvery {
		return h.err
	}
	h.probed = now
	h.err = h.probe(now)
	if h.err != nil {
		journal.Printf("ERROR health check failed: %v", h.err)
	}
	return h.err
}

func (h *health) probe(now time.Time) error {
	if err := diskHasRoom(h.app.DataDir()); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), healthProbeTimeout)
	defer cancel()
	if h.scanned.IsZero() || now.Sub(h.scanned) >= healthScanEvery {
		h.scanned, h.scanErr = now, quickCheck(ctx, h.app)
	}
	if h.scanErr != nil {
		return h.scanErr
	}
	// a real write through the one writer connection, committed (fsync)
	_, err := h.app.NonconcurrentDB().NewQuery(
		`INSERT INTO _kk_health (id, probed) VALUES (1, {:now}) ON CONFLICT(id) DO UPDATE SET probed = excluded.probed`,
	).Bind(map[string]any{"now": now.UTC().Format(time.RFC3339Nano)}).WithContext(ctx).Execute()
	if err != nil {
		return fmt.Errorf("test write failed: %w", err)
	}
	return nil
}

// quickCheck runs SQLite's PRAGMA quick_check: every page is read, so a
// corrupted file shows here even where the test write doesn't touch it.
func quickCheck(ctx context.Context, app core.App) error {
	var result []string
	if err := app.ConcurrentDB().NewQuery("PRAGMA quick_check(5)").WithContext(ctx).Column(&result); err != nil {
		return fmt.Errorf("integrity check failed: %w", err)
	}
	if len(result) != 1 || result[0] != "ok" {
		return fmt.Errorf("the database file is damaged (PRAGMA quick_check: %v): restore the last backup", result)
	}
	return nil
}
