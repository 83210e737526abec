package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

type profileResult struct {
	file string
	err  error
}

// fetchProfile takes a CPU profile of s (started with --pprof) for d while
// the caller runs the load; read the result with `go tool pprof -top`.
func fetchProfile(ctx context.Context, s *server, d time.Duration, dir, name string) chan profileResult {
	ch := make(chan profileResult, 1)
	go func() {
		secs := max(1, int(d.Seconds()))
		url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", s.pprof, secs)
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			ch <- profileResult{err: err}
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			ch <- profileResult{err: fmt.Errorf("profile %s: %w", s.name, err)}
			return
		}
		defer resp.Body.Close()
		file := filepath.Join(dir, name+".pprof")
		f, err := os.Create(file)
		if err != nil {
			ch <- profileResult{err: err}
			return
		}
		if _, err := io.Copy(f, resp.Body); err != nil {
			ch <- profileResult{err: err}
			return
		}
		ch <- profileResult{file: file, err: f.Close()}
	}()
	return ch
}
