package main_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// TestBinaryStandsAlone builds the binary, copies it alone into an empty
// folder, starts it there and checks that it creates its schema and serves
// the start page, the dashboard and an embedded asset, with nothing that
// points outside itself.
func TestBinaryStandsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kindness-kiosk")
	build := exec.Command(goCmd(), "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	empty := t.TempDir()
	alone := filepath.Join(empty, "kindness-kiosk")
	copyFile(t, bin, alone)

	addr := freeAddr(t)
	cmd := exec.Command(alone, "serve", "--http", addr)
	cmd.Dir = empty
	cmd.Env = []string{"HOME=" + empty, "PATH=/usr/bin:/bin"} // nothing from this repo or the Go toolchain
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })

	// read the server's output to the end, so a chatty server never
	// blocks on a full pipe; note when it prints the first-admin hint
	hint, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		sc := bufio.NewScanner(stdout)
		found := false
		for sc.Scan() {
			if line := sc.Text(); !found && (strings.Contains(line, "superuser upsert") || strings.Contains(line, "pbinstall")) {
				found = true
				close(hint)
			}
		}
	}()

	base := "http://" + addr
	waitUp(t, base)

	home := get(t, base+"/", 200)
	if !strings.Contains(home, "Staff break room") {
		t.Errorf("start page has no default room:\n%s", home)
	}
	if !strings.Contains(get(t, base+"/_/", 200), "<html") {
		t.Error("dashboard not served")
	}
	css := regexp.MustCompile(`href="(/css/app\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(home)
	if css == nil {
		t.Fatal("no fingerprinted stylesheet link on the start page")
	}
	if body := get(t, base+css[1], 200); !strings.Contains(body, "--accent") {
		t.Error("embedded stylesheet not served")
	}
	if body := get(t, base+"/kiosk/no-such-room", 404); !strings.Contains(body, "<html") {
		t.Error("unknown room is not an HTML 404 page")
	}

	// nothing on the page points outside the binary
	if ext := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).FindString(home); ext != "" {
		t.Errorf("start page references an external URL: %s", ext)
	}
	if _, err := os.Stat(filepath.Join(empty, "pb_data", "data.db")); err != nil {
		t.Errorf("no database created beside the binary: %v", err)
	}

	// the first run tells how to create the first admin
	select {
	case <-hint:
	case <-ended:
		t.Fatal("server output ended without the first-admin hint")
	case <-testwait.After(t):
		t.Fatal("no first-admin hint printed")
	}
}

func goCmd() string {
	// go test puts its own toolchain's bin first in PATH; GOROOT, when
	// set, names it too (runtime.GOROOT is deprecated)
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func copyFile(t *testing.T, from, to string) {
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitUp(t *testing.T, base string) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/api/health"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server did not start")
}

func get(t *testing.T, url string, want int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Errorf("GET %s = %d, want %d", url, resp.StatusCode, want)
	}
	return fmt.Sprint(string(b))
}
