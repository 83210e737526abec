package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"syscall"
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

// selfCPU is the CPU (user + system) kkbench itself has used so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// profileApprovals takes, with -cpuprofile, CPU profiles of the server (if
// it serves pprof) and of kkbench itself while a screens run approves
// notes; the returned func stops them and waits for the server's.
func profileApprovals(ctx context.Context, cfg *config, s *server, n, stalled, approvals int) (func() error, error) {
	if cfg.CPUProfile == "" {
		return func() error { return nil }, nil
	}
	name := fmt.Sprintf("screens-%d-%dstalled", n, stalled)
	var srv chan profileResult
	if s.pprof != "" {
		// about the approvals' length: each takes a fan-out and a 100 ms pause
		srv = fetchProfile(ctx, s, time.Duration(approvals)*300*time.Millisecond, cfg.CPUProfile, s.name+"-"+name)
	}
	f, err := os.Create(filepath.Join(cfg.CPUProfile, "kkbench-"+s.name+"-"+name+".pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return err
		}
		if srv != nil {
			r := <-srv
			if r.err != nil {
				return r.err
			}
			cfg.logf("profile: %s", r.file)
		}
		return nil
	}, nil
}
