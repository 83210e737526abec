package main_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

var built struct {
	once     sync.Once
	dir, bin string
	out      []byte
	err      error
}

// buildBinary builds the product once for the package's tests (a link
// step each was ~10 s on a busy 2-core machine); TestMain removes it.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "kk-bin-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "kindness-kiosk")
		build := exec.Command(goCmd(), "build", "-o", built.bin, ".")
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

// TestServesWithoutNetwork starts the built binary in a fresh network
// namespace that has only a loopback interface (`unshare -rn`): it must
// start and serve the start page and a kiosk with no network at all. When
// strace is there, it also records every connect(2) of the server and its
// children and fails on any that is not local (loopback or a unix socket).
func TestServesWithoutNetwork(t *testing.T) {
	bin := buildBinary(t)
	for _, tool := range []string{"unshare", "curl", "ip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("SKIPPED LOUDLY: %s not installed; cannot run the no-network test", tool)
		}
	}
	if out, err := exec.Command("unshare", "-rn", "true").CombinedOutput(); err != nil {
		t.Skipf("SKIPPED LOUDLY: unprivileged network namespaces unavailable here (`unshare -rn`: %v %s)", err, out)
	}
	dir := t.TempDir()
	trace := ""
	if _, err := exec.LookPath("strace"); err == nil {
		trace = "strace -f -qq -e trace=connect -e signal=none -o " + filepath.Join(dir, "connect.txt")
	} else {
		t.Log("strace not installed: checking that it serves, not which connections it tries")
	}
	script := `
set -u
ip link set lo up
$TRACE "$BIN" serve --http 127.0.0.1:8090 --dir "$DIR/pb_data" --app-url https://kindness.hospital.example >"$DIR/server.log" 2>&1 &
pid=$!
up=no
for i in $(seq 1 200); do
  if curl -fsS -o /dev/null http://127.0.0.1:8090/api/health 2>/dev/null; then up=yes; break; fi
  sleep 0.1
done
echo "up=$up"
curl -sS -o "$DIR/home.html" -w 'home=%{http_code}\n' http://127.0.0.1:8090/
curl -sS -o "$DIR/kiosk.html" -w 'kiosk=%{http_code}\n' http://127.0.0.1:8090/kiosk/break-room
curl -sS -m 3 -o /dev/null https://example.com 2>/dev/null; echo "outside=$?"
server=$pid
if [ -n "$TRACE" ]; then server=$(cat /proc/$pid/task/$pid/children | cut -d' ' -f1); fi
kill -TERM $server; wait $pid; echo "exit=$?"
`
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "unshare", "-rn", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "BIN="+bin, "DIR="+dir, "TRACE="+trace)
	// its own process group, so a hang kills the server too, not only sh
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\nserver log:\n%.2000s", err, out, log)
	}
	for _, want := range []string{"up=yes", "home=200", "kiosk=200", "exit=0"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("want %s in\n%s\nserver log:\n%.2000s", want, out, log)
		}
	}
	if strings.Contains(string(out), "outside=0") {
		t.Error("the namespace reached the internet; the test proves nothing")
	}
	home, _ := os.ReadFile(filepath.Join(dir, "home.html"))
	if !strings.Contains(string(home), "Staff break room") {
		t.Errorf("start page without network:\n%.500s", home)
	}
	kiosk, _ := os.ReadFile(filepath.Join(dir, "kiosk.html"))
	if !strings.Contains(string(kiosk), "data:image/png;base64,") {
		t.Errorf("kiosk without network has no QR code:\n%.500s", kiosk)
	}

	if trace == "" {
		return
	}
	calls, err := os.ReadFile(filepath.Join(dir, "connect.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(calls), "\n") {
		if !strings.Contains(line, "connect(") || strings.Contains(line, "AF_UNIX") ||
			strings.Contains(line, `inet_addr("127.0.0.1")`) || strings.Contains(line, `"::1"`) {
			continue
		}
		t.Errorf("outbound connect attempt: %s", line)
	}
}

// TestGracefulShutdown: on SIGTERM (systemd stop, Ctrl-C) the server
// stops accepting, ends the realtime streams, lets requests in flight
// finish (internal/site/shutdown.go, up to 5 s) and only then closes the
// database. A phone whose note is half-sent when the service stops still
// gets its "sent" page and the note is stored; a connected screen's
// stream ends so it can reconnect to the new process.
func TestGracefulShutdown(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	logs := new(syncBuffer)
	cmd := exec.Command(bin, "serve", "--http", addr, "--dir", filepath.Join(dir, "pb_data"))
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + dir, "PATH=/nonexistent"} // no xdg-open for the installer link
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	waitUp(t, "http://"+addr)

	// a break-room screen is connected
	stream, err := http.Get("http://" + addr + "/api/realtime")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	streamEnded := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, stream.Body)
		streamEnded <- err
	}()

	// a phone starts posting: headers and half the body
	body := "to=Night+team&body=Thank+you+for+the+tea+at+3am"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Expect: 100-continue makes the server say when the handler starts
	// reading the body: from then on the request is in flight
	fmt.Fprintf(conn, "POST /notes HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n", addr, len(body))
	replies := bufio.NewReader(conn)
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	if cont, err := http.ReadResponse(replies, nil); err != nil || cont.StatusCode != http.StatusContinue {
		t.Fatalf("no 100 Continue: %v %v", cont, err)
	}
	if _, err := conn.Write([]byte(body[:10])); err != nil {
		t.Fatal(err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// shutdown has begun once the listener refuses new connections
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still accepting 10 s after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// the rest of the body arrives during shutdown
	if _, err := conn.Write([]byte(body[10:])); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(replies, nil)
	if err != nil {
		t.Fatalf("in-flight post got no response: %v\n%s", err, logs.String())
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/notes/sent") {
		t.Errorf("in-flight post: %d Location %q", res.StatusCode, res.Header.Get("Location"))
	}

	select {
	case <-streamEnded:
	case <-time.After(15 * time.Second):
		t.Error("the realtime stream was not closed by the shutdown")
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not exit after SIGTERM")
	}

	// the note is in the database the server closed
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: filepath.Join(dir, "pb_data")})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer app.ClearBootstrap()
	n, err := app.CountRecords("notes")
	if err != nil || n != 1 {
		t.Errorf("notes stored = %d (%v), want 1", n, err)
	}
}

// syncBuffer collects a child's output safely while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
