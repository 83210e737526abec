package kiosk_test

import (
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// countGoroutines counts the goroutines whose stack mentions fn.
func countGoroutines(fn string) int {
	buf := make([]byte, 8<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, fn) {
			n++
		}
	}
	return n
}

// TestStreamsTakenOver: a realtime stream outlives its HTTP handler (the
// connection is taken over, ADR 0124), so no handler goroutine with its
// deep stack and net/http's buffers stays parked per screen; a stream
// whose screen leaves ends, unregisters its client and gives its slot
// back.
func TestStreamsTakenOver(t *testing.T) {
	kiosk.SetStreamCaps(t, 3, 100)
	srv := browsertest.StartServer(t)
	var conns []net.Conn
	for i := 0; i < 3; i++ {
		conns = append(conns, dialRealtime(t, srv.Addr, 0).conn)
	}
	if n := countGoroutines("apis.realtimeConnect"); n != 0 {
		t.Errorf("%d streams still parked in PocketBase's handler", n)
	}
	if n := countGoroutines("kiosk.(*stream).serve"); n != 3 {
		t.Errorf("%d streams served, want 3", n)
	}
	if n := len(srv.App.SubscriptionsBroker().Clients()); n != 3 {
		t.Errorf("%d realtime clients, want 3", n)
	}
	for _, c := range srv.App.SubscriptionsBroker().Clients() {
		if typ := fmt.Sprintf("%T", c); typ != "*kiosk.lightClient" {
			t.Errorf("a realtime client is a %s, want the light one", typ)
		}
	}

	for _, c := range conns {
		c.Close()
	}
	eventually(t, "the streams ended and unregistered", func() bool {
		return countGoroutines("kiosk.(*stream).serve") == 0 && len(srv.App.SubscriptionsBroker().Clients()) == 0
	})
	// their slots are free again (the cap is 3 per address)
	for i := 0; i < 3; i++ {
		if code, _, _ := openStream(t, srv.Addr, "127.0.0.1", nil); code != http.StatusOK {
			t.Fatalf("stream %d after the others left: %d", i+1, code)
		}
	}
}

// TestStreamsCarryRecordEvents: PocketBase's own record events (the
// dashboard's and the SDK's subscriptions) reach a taken-over stream with
// a light client, filtered by the collection's rules as before.
func TestStreamsCarryRecordEvents(t *testing.T) {
	srv := browsertest.StartServer(t)
	c := dialRealtime(t, srv.Addr, 0, "notes")
	pending := kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "Night team", s.NoteBody: "not yet", s.FieldStatus: s.StatusPending})
	approved := kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "Day team", s.NoteBody: "thank you", s.FieldStatus: s.StatusApproved})
	c.conn.SetReadDeadline(time.Now().Add(testwait.Left(t)))
	name, data, err := c.next()
	if err != nil || name != "notes" || !strings.Contains(data, approved.Id) || !strings.Contains(data, `"action":"create"`) {
		t.Fatalf("first record event %q %s %v; want the approved note's create", name, data, err)
	}
	if strings.Contains(data, pending.Id) {
		t.Fatalf("the public stream got a pending note: %s", data)
	}
}
