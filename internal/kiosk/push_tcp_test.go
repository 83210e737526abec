package kiosk_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// sseClient is a screen's realtime connection over real TCP.
type sseClient struct {
	conn net.Conn
	r    *bufio.Reader
	id   string
}

// dialRealtime opens GET /api/realtime on a raw socket and reads up to the
// PB_CONNECT event, then subscribes to topics (default: the kiosk's).
// rcvbuf > 0 shrinks the socket's receive buffer and
// the segment size to a Wi-Fi link's (loopback's 64 KB segments give the
// server a send buffer of megabytes), so a client that stops reading
// fills the server's buffers after a few dozen messages, as a TV would.
func dialRealtime(t *testing.T, addr string, rcvbuf int, topics ...string) *sseClient {
	t.Helper()
	d := net.Dialer{}
	if rcvbuf > 0 {
		d.Control = func(_, _ string, c syscall.RawConn) error {
			var serr error
			err := c.Control(func(fd uintptr) {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf)
				if serr == nil {
					serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, 1200)
				}
			})
			if err != nil {
				return err
			}
			return serr
		}
	}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET /api/realtime HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", addr)
	c := &sseClient{conn: conn, r: bufio.NewReader(conn)}
	status, err := c.r.ReadString('\n')
	if err != nil || !strings.Contains(status, " 200 ") {
		t.Fatalf("realtime connect: %q %v", status, err)
	}
	name, data, err := c.next()
	if err != nil || name != "PB_CONNECT" {
		t.Fatalf("first event %q %v", name, err)
	}
	var hello struct{ ClientID string }
	if err := json.Unmarshal([]byte(data), &hello); err != nil {
		t.Fatal(err)
	}
	c.id = hello.ClientID
	if len(topics) == 0 {
		topics = []string{kiosk.Topic}
	}
	body, _ := json.Marshal(map[string]any{"clientId": c.id, "subscriptions": topics})
	res, err := http.Post("http://"+addr+"/api/realtime", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("subscribe: %d", res.StatusCode)
	}
	return c
}

// next reads one server-sent event (skipping the HTTP headers and the
// chunked encoding's size lines, which never start with "event:"/"data:").
func (c *sseClient) next() (name, data string, err error) {
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			return name, data, err
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(line, "event:"):
			name = line[len("event:"):]
		case strings.HasPrefix(line, "data:"):
			data = line[len("data:"):]
		case line == "" && name != "":
			return name, data, nil
		}
	}
}

// TestStalledScreenOverTCP is TestStalledScreenDoesNotStopOthers against
// the real server over real sockets: one screen opens /api/realtime,
// subscribes and never reads its socket again; approvals keep reaching
// the 5 that read, and the server drops the stalled one (ending its stream
// although the handler is stuck writing to it) so it would reconnect.
func TestStalledScreenOverTCP(t *testing.T) {
	srv := browsertest.StartServer(t)
	stalled := dialRealtime(t, srv.Addr, 2048)
	var readers []chan kiosk.Message
	for i := 0; i < 5; i++ {
		c := dialRealtime(t, srv.Addr, 0)
		got := make(chan kiosk.Message, 100)
		readers = append(readers, got)
		go func() {
			for {
				name, data, err := c.next()
				if err != nil {
					close(got)
					return
				}
				var m kiosk.Message
				if name == kiosk.Topic && json.Unmarshal([]byte(data), &m) == nil {
					got <- m
				}
			}
		}()
	}

	timeout := time.After(testwait.Left(t))
	await := func(k int, id string) {
		t.Helper()
		for {
			select {
			case m, ok := <-readers[k]:
				if !ok {
					t.Fatalf("screen %d of 5 disconnected", k+1)
				}
				if m.Op == "upsert" && m.Card != nil && m.Card.ID == id {
					return
				}
			case <-timeout:
				t.Fatalf("screen %d of 5 never got approval %s", k+1, id)
			}
		}
	}
	// approvals (~1.3 KB each) until the stalled socket's buffers are full
	// and the server lets the stalled screen go (~50 here)
	gone := false
	for i := 0; i < 3000 && !gone; i++ {
		note := approvedNote(t, srv.App, i)
		for k := range readers {
			await(k, note.Id)
		}
		if _, err := srv.App.SubscriptionsBroker().ClientById(stalled.id); err != nil {
			gone = true
			t.Logf("the stalled screen was dropped after %d approvals", i+1)
		}
	}
	if !gone {
		t.Fatal("the stalled screen is still registered after 3000 approvals")
	}
	// its socket ends (after what the kernel had buffered): it reconnects
	stalled.conn.SetReadDeadline(time.Now().Add(testwait.Left(t)))
	var n int
	buf := make([]byte, 64<<10)
	for {
		k, err := stalled.r.Read(buf)
		n += k
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("the stalled screen's stream was not closed (read %d bytes)", n)
			}
			break
		}
	}
	t.Logf("the stalled socket held %d bytes", n)
}
