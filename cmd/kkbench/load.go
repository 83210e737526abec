package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// phase is what one load run measured.
type phase struct {
	ok, errs int
	elapsed  time.Duration
	lat      []time.Duration // successful requests only
	firstErr error
}

func (p *phase) rate() float64 {
	if p.elapsed <= 0 {
		return 0
	}
	return float64(p.ok) / p.elapsed.Seconds()
}

func (p *phase) pct(q float64) time.Duration { return percentile(p.lat, q) }

// percentile is the nearest-rank percentile (q in 0..100) of d.
func percentile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(math.Ceil(q/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

// recorder collects latencies from many goroutines.
type recorder struct {
	mu sync.Mutex
	ph phase
}

func (r *recorder) add(d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.ph.errs++
		if r.ph.firstErr == nil {
			r.ph.firstErr = err
		}
		return
	}
	r.ph.ok++
	r.ph.lat = append(r.ph.lat, d)
}

// op is one request; i numbers the requests of a run.
type op func(ctx context.Context, i int) error

// closedLoop keeps conc requests in flight for d.
func closedLoop(ctx context.Context, conc int, d time.Duration, do op) phase {
	var r recorder
	var n atomic.Int64
	var wg sync.WaitGroup
	t0 := time.Now()
	deadline := t0.Add(d)
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) && ctx.Err() == nil {
				i := int(n.Add(1))
				s := time.Now()
				err := do(ctx, i)
				r.add(time.Since(s), err)
			}
		}()
	}
	wg.Wait()
	r.ph.elapsed = time.Since(t0)
	return r.ph
}

// fixedRate starts rate requests per second for d, each on schedule
// whether or not earlier ones have finished (an open loop, as phones
// arrive), and measures each from its scheduled start.
func fixedRate(ctx context.Context, rate int, d time.Duration, do op) phase {
	var r recorder
	var wg sync.WaitGroup
	total := int(float64(rate) * d.Seconds())
	t0 := time.Now()
	for i := 0; i < total && ctx.Err() == nil; i++ {
		at := t0.Add(time.Duration(i) * time.Second / time.Duration(rate))
		time.Sleep(time.Until(at))
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			err := do(ctx, i)
			r.add(time.Since(at), err)
		}(i)
	}
	wg.Wait()
	r.ph.elapsed = time.Since(t0)
	return r.ph
}

// withTimeout gives each request of do at most d.
func withTimeout(d time.Duration, do op) op {
	return func(ctx context.Context, i int) error {
		ctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		return do(ctx, i)
	}
}

// merge adds up two runs of the same load.
func merge(a, b phase) phase {
	a.ok += b.ok
	a.errs += b.errs
	a.elapsed += b.elapsed
	a.lat = append(a.lat, b.lat...)
	if a.firstErr == nil {
		a.firstErr = b.firstErr
	}
	return a
}

// warm sends a few requests so connections and caches exist.
func warm(ctx context.Context, n int, do op) error {
	for i := 0; i < n; i++ {
		if err := do(ctx, -1-i); err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
	}
	return nil
}
