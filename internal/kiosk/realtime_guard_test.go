package kiosk_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// openStream opens GET /api/realtime from the local address from (any of
// 127.0.0.0/8 reaches the server), with extra headers, and returns the
// status and, for a 200, the open connection (closed when the test ends).
func openStream(t *testing.T, addr, from string, header map[string]string) (int, net.Conn, string) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	req := fmt.Sprintf("GET /api/realtime HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n", addr)
	for k, v := range header {
		req += k + ": " + v + "\r\n"
	}
	fmt.Fprint(conn, req+"\r\n")
	conn.SetReadDeadline(time.Now().Add(testwait.Left(t)))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode == http.StatusOK {
		return res.StatusCode, conn, "" // the stream stays open
	}
	body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	if got := res.Header.Get("Retry-After"); res.StatusCode == http.StatusTooManyRequests && got == "" {
		t.Errorf("a 429 without Retry-After")
	}
	conn.Close()
	return res.StatusCode, nil, string(body)
}

// TestRealtimeConnectionCaps: one address opening stream after stream is
// refused past its cap with a clear 429, while other addresses still
// connect; a freed slot can be used again; past the total cap everyone
// waits. Before, one address could open thousands (4,000 took 150 MB).
func TestRealtimeConnectionCaps(t *testing.T) {
	kiosk.SetStreamCaps(t, 3, 6)
	srv := browsertest.StartServer(t)

	var held []net.Conn
	for i := 0; i < 3; i++ {
		code, conn, _ := openStream(t, srv.Addr, "127.0.0.2", nil)
		if code != http.StatusOK {
			t.Fatalf("stream %d from 127.0.0.2: %d", i+1, code)
		}
		held = append(held, conn)
	}
	code, _, body := openStream(t, srv.Addr, "127.0.0.2", nil)
	if code != http.StatusTooManyRequests || !strings.Contains(body, "Too many live connections from this address") {
		t.Fatalf("the 4th stream from one address: %d %s, want 429", code, body)
	}
	// another screen is not affected
	if code, _, _ := openStream(t, srv.Addr, "127.0.0.3", nil); code != http.StatusOK {
		t.Fatalf("another address: %d", code)
	}
	// a stream that ends frees its slot
	held[0].Close()
	eventually(t, "the closed stream's slot freed", func() bool {
		code, _, _ := openStream(t, srv.Addr, "127.0.0.2", nil)
		return code == http.StatusOK
	})

	// the total cap (6): 3 from .2, 1 from .3, 2 more from .4, then nobody
	for i := 0; i < 2; i++ {
		if code, _, _ := openStream(t, srv.Addr, "127.0.0.4", nil); code != http.StatusOK {
			t.Fatalf("stream %d from 127.0.0.4: %d", i+1, code)
		}
	}
	code, _, body = openStream(t, srv.Addr, "127.0.0.5", nil)
	if code != http.StatusTooManyRequests || !strings.Contains(body, "as many live screen connections as it can hold") {
		t.Fatalf("past the total cap: %d %s, want 429", code, body)
	}
}

// TestRealtimeCapBehindProxy: behind a proxy (Settings > User IP proxy
// headers = X-Real-IP, as docs/operations.md says), the cap counts each
// screen's own address, not the proxy's.
func TestRealtimeCapBehindProxy(t *testing.T) {
	kiosk.SetStreamCaps(t, 2, 100)
	dir := t.TempDir()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	settings := app.Settings()
	settings.TrustedProxy.Headers = []string{"X-Real-IP"}
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	if err := app.ClearBootstrap(); err != nil {
		t.Fatal(err)
	}
	srv := browsertest.StartServerWith(t, browsertest.Options{Dir: dir})

	for i := 0; i < 2; i++ {
		if code, _, _ := openStream(t, srv.Addr, "127.0.0.1", map[string]string{"X-Real-IP": "10.1.2.3"}); code != http.StatusOK {
			t.Fatalf("screen A stream %d: %d", i+1, code)
		}
	}
	if code, _, _ := openStream(t, srv.Addr, "127.0.0.1", map[string]string{"X-Real-IP": "10.1.2.3"}); code != http.StatusTooManyRequests {
		t.Fatalf("screen A's 3rd stream through the proxy: %d, want 429", code)
	}
	for i := 0; i < 2; i++ {
		if code, _, _ := openStream(t, srv.Addr, "127.0.0.1", map[string]string{"X-Real-IP": "10.1.2.4"}); code != http.StatusOK {
			t.Fatalf("screen B through the same proxy, stream %d: %d", i+1, code)
		}
	}
}

// eventually polls cond until it holds, for as long as the test may run.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(testwait.Left(t))
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
