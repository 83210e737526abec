package deploy_test

import (
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// productBinary builds the product once for the whole package (each test
// that runs it shares the build).
func productBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "kk-deploy-bin-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "kindness-kiosk")
		// `go test` puts its own toolchain's bin first on PATH
		build := exec.Command("go", "build", "-o", built.bin, ".")
		build.Dir = ".."
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		built.out, built.err = build.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// unitService is the product started the way deploy/kindness-kiosk.service
// starts it: the unit's ExecStart arguments and Environment= lines, with
// the listen address and the data folder moved to test places.
type unitService struct {
	t       *testing.T
	cmd     *exec.Cmd
	Base    string
	DataDir string // what the unit calls /var/lib/kindness-kiosk
	logs    *lockedBuffer
	exited  chan struct{}
}

// unitCommand returns the unit's ExecStart arguments (after the binary)
// and its environment, with the unit's paths and address replaced.
func unitCommand(t *testing.T, addr, dataDir string) (args, env []string) {
	t.Helper()
	keys := unitKeys(read(t, "kindness-kiosk.service"))
	start := strings.Fields(keys["Service.ExecStart"][0])
	if start[0] != "/usr/local/bin/kindness-kiosk" {
		t.Fatalf("ExecStart runs %s", start[0])
	}
	for _, a := range start[1:] {
		a = strings.ReplaceAll(a, "127.0.0.1:8090", addr)
		a = strings.ReplaceAll(a, "/var/lib/kindness-kiosk", dataDir)
		args = append(args, a)
	}
	for _, line := range keys["Service.Environment"] {
		env = append(env, strings.Fields(line)...)
	}
	return args, env
}

// startUnit starts the binary as the unit does on dataDir, with
// WorkingDirectory= applied too, and waits until it is healthy.
func startUnit(t *testing.T, bin, dataDir string) *unitService {
	t.Helper()
	addr := freeAddr(t)
	args, env := unitCommand(t, addr, dataDir)
	keys := unitKeys(read(t, "kindness-kiosk.service"))
	s := &unitService{t: t, Base: "http://" + addr, DataDir: dataDir, logs: new(lockedBuffer), exited: make(chan struct{})}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Dir = strings.ReplaceAll(keys["Service.WorkingDirectory"][0], "/var/lib/kindness-kiosk", dataDir)
	s.cmd.Env = append([]string{"HOME=" + dataDir, "PATH=/nonexistent"}, env...)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); <-s.exited })
	deadline := time.Now().Add(testwait.Left(t))
	for {
		if res, err := http.Get(s.Base + "/api/health"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		select {
		case <-s.exited:
			t.Fatalf("the service exited at start:\n%s", s.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the service did not become healthy:\n%s", s.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop sends SIGTERM (systemctl stop) and waits for the exit.
func (s *unitService) Stop() {
	s.t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-testwait.After(s.t):
		s.t.Fatalf("no exit after SIGTERM:\n%s", s.logs)
	}
}

// upsertSuperuser runs `kindness-kiosk superuser upsert` on a data folder,
// as docs/operations.md has IT do.
func upsertSuperuser(t *testing.T, bin, dataDir, email, pass string) {
	t.Helper()
	if out, err := exec.Command(bin, "superuser", "upsert", email, pass, "--dir", dataDir).CombinedOutput(); err != nil {
		t.Fatalf("superuser upsert: %v\n%s", err, out)
	}
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
