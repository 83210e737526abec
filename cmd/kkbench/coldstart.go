package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"
)

type coldResult struct {
	names []string
	runs  map[string][]time.Duration
	size  map[string]int64
	rows  map[string]int // notes in the data folder, for context
}

// benchColdStart stops each server and starts it again cfg.ColdRuns times
// on its existing data folder, timing exec → first 200 on /api/health.
// The servers alternate so a busy moment hits both alike.
func benchColdStart(ctx context.Context, cfg *config, servers ...*server) (*coldResult, error) {
	res := &coldResult{runs: map[string][]time.Duration{}, size: map[string]int64{}, rows: map[string]int{}}
	for _, s := range servers {
		res.names = append(res.names, s.name)
		if n, err := s.api.count(ctx, "notes", ""); err == nil {
			res.rows[s.name] = n
		}
		fi, err := os.Stat(s.bin)
		if err != nil {
			return nil, err
		}
		res.size[s.name] = fi.Size()
		if err := s.stop(); err != nil {
			return nil, err
		}
	}
	for i := 0; i < cfg.ColdRuns; i++ {
		for _, s := range servers {
			time.Sleep(200 * time.Millisecond)
			took, err := s.start(ctx)
			if err != nil {
				return nil, err
			}
			res.runs[s.name] = append(res.runs[s.name], took)
			if err := s.stop(); err != nil {
				return nil, err
			}
		}
	}
	cfg.logf("cold start: done")
	return res, nil
}

func median(d []time.Duration) time.Duration { return percentile(d, 50) }

func (r *coldResult) table(cfg *config) *table {
	t := &table{
		title:   "Cold start and size",
		headers: []string{"metric", "product", "plain PocketBase", "budget", "result"},
	}
	p, q := r.runs[r.names[0]], r.runs[r.names[1]]
	span := func(d []time.Duration) string {
		return fmt.Sprintf("%s (%s – %s)", ms(median(d)), ms(slices.Min(d)), ms(slices.Max(d)))
	}
	t.add(fmt.Sprintf("cold start → first 200 on /api/health, median of %d (min – max)", cfg.ColdRuns), span(p), span(q),
		"≤ 300 ms", verdict(median(p) <= 300*time.Millisecond, ms(median(p))))
	t.add("notes in the data folder at the time", fmt.Sprint(r.rows[r.names[0]]), fmt.Sprint(r.rows[r.names[1]]), "", "")
	t.add("binary size (`-trimpath -ldflags \"-s -w\"`)", mb(r.size[r.names[0]]), mb(r.size[r.names[1]]), "", "")
	return t
}
