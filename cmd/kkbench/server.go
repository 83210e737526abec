package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Superuser credentials of the throw-away data folders.
const (
	suEmail    = "bench@kkbench.invalid"
	suPassword = "kkbench-not-a-secret-1234"
)

// server is one PocketBase process kkbench starts, stops and measures.
type server struct {
	name  string
	bin   string
	dir   string   // the data folder (--dir)
	extra []string // more `serve` arguments
	addr  string
	base  string
	cmd   *exec.Cmd
	waitc chan struct{} // closed when cmd has exited
	logf  *os.File
	api   *api   // superuser client, after setup
	pprof string // net/http/pprof address, when started with --pprof
}

func newServer(name, bin, work string, extra ...string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(work, name+".log"))
	if err != nil {
		return nil, err
	}
	return &server{name: name, bin: bin, dir: filepath.Join(dir, "pb_data"), extra: extra, addr: addr, base: "http://" + addr, logf: logf}, nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// setup serves an empty folder once (so the tables exist), adds the
// superuser with the CLI, starts again and logs in.
func (s *server) setup(ctx context.Context) error {
	if _, err := s.start(ctx); err != nil {
		return err
	}
	if err := s.stop(); err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, s.bin, "superuser", "upsert", suEmail, suPassword, "--dir", s.dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: superuser upsert: %v: %s", s.name, err, out)
	}
	if _, err := s.start(ctx); err != nil {
		return err
	}
	s.api = newAPI(s.base, 256)
	var auth struct {
		Token string `json:"token"`
	}
	if err := s.api.call(ctx, "POST", "/api/collections/_superusers/auth-with-password",
		map[string]string{"identity": suEmail, "password": suPassword}, &auth); err != nil {
		return fmt.Errorf("%s: login: %w", s.name, err)
	}
	s.api.token = auth.Token
	return nil
}

// start runs `serve` and returns the time from exec to the first 200 on
// /api/health.
func (s *server) start(ctx context.Context) (time.Duration, error) {
	args := append([]string{"serve", "--http", s.addr, "--dir", s.dir}, s.extra...)
	cmd := exec.Command(s.bin, args...)
	cmd.Stdout, cmd.Stderr = s.logf, s.logf
	hc := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	s.cmd = cmd
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	for {
		resp, err := hc.Get(s.base + "/api/health")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				took := time.Since(t0)
				s.waitc = exited
				return took, nil
			}
		}
		select {
		case <-exited:
			s.cmd = nil
			return 0, fmt.Errorf("%s exited while starting; see %s", s.name, s.logf.Name())
		case <-ctx.Done():
			s.kill(exited)
			return 0, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Since(t0) > 60*time.Second {
			s.kill(exited)
			return 0, fmt.Errorf("%s did not answer /api/health within 60 s", s.name)
		}
	}
}

func (s *server) kill(exited chan struct{}) {
	_ = s.cmd.Process.Kill()
	<-exited
	s.cmd = nil
}

// stop asks for a graceful shutdown and waits for it.
func (s *server) stop() error {
	if s.cmd == nil {
		return nil
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.waitc:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.waitc
	}
	s.cmd = nil
	return nil
}

// restart gives a fresh process on the same data folder (memory figures
// then show one workload, not everything run before it).
func (s *server) restart(ctx context.Context) error {
	if err := s.stop(); err != nil {
		return err
	}
	_, err := s.start(ctx)
	return err
}

// rss reads the server's resident memory (VmRSS) from /proc, in bytes.
func (s *server) rss() int64 {
	if s.cmd == nil {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// api is a small JSON client for PocketBase's REST API.
type api struct {
	base  string
	token string
	hc    *http.Client
}

func newAPI(base string, conns int) *api {
	return &api{base: base, hc: newClient(conns)}
}

// newClient returns a keep-alive client that never follows redirects
// (a form's 303 is the answer we measure).
func newClient(conns int) *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, IdleConnTimeout: time.Minute},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// call sends body as JSON (if not nil) with the superuser token and
// decodes a 2xx answer into out (if not nil).
func (a *api) call(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.token != "" {
		req.Header.Set("Authorization", a.token)
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(b))
	}
	if out != nil && len(b) > 0 {
		return json.Unmarshal(b, out)
	}
	return nil
}

// count returns how many records of a collection match a filter.
func (a *api) count(ctx context.Context, collection, filter string) (int, error) {
	var list struct {
		TotalItems int `json:"totalItems"`
	}
	q := "/api/collections/" + collection + "/records?perPage=1&fields=id&filter=" + url.QueryEscape(filter)
	err := a.call(ctx, "GET", q, nil, &list)
	return list.TotalItems, err
}

// create adds a record and returns its id.
func (a *api) create(ctx context.Context, collection string, fields map[string]any) (string, error) {
	var rec struct {
		ID string `json:"id"`
	}
	err := a.call(ctx, "POST", "/api/collections/"+collection+"/records", fields, &rec)
	return rec.ID, err
}

// sqlitePragmas asks a server with kkbench's routes (plainpb, productpb)
// how it opened SQLite, e.g. "synchronous=2 (FULL), secure_delete=1".
func (s *server) sqlitePragmas(ctx context.Context) (string, error) {
	var p struct {
		Synchronous  int `json:"synchronous"`
		SecureDelete int `json:"secure_delete"`
	}
	if err := s.api.call(ctx, "GET", "/kkbench/sqlite", nil, &p); err != nil {
		return "", fmt.Errorf("%s: read pragmas: %w", s.name, err)
	}
	mode := map[int]string{0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[p.Synchronous]
	return fmt.Sprintf("synchronous=%d (%s), secure_delete=%d", p.Synchronous, mode, p.SecureDelete), nil
}

// clockTick is Linux's USER_HZ, the unit of /proc/<pid>/stat's times
// (100 on every mainstream architecture).
const clockTick = 10 * time.Millisecond

// cpuTime is the CPU (user + system) the server process has used so far,
// from /proc/<pid>/stat; 0 when it cannot be read.
func (s *server) cpuTime() time.Duration {
	if s.cmd == nil {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// fields after the command name, which may hold spaces: state is
	// field 3, utime 14, stime 15
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * clockTick
}
