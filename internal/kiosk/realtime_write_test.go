package kiosk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// fleet is a set of screens on real sockets that read without allocating,
// so a test can count what the server allocates per screen.
type fleet struct {
	want    atomic.Pointer[[]byte] // the marker each kiosk screen waits for
	got     atomic.Int64           // screens that have seen it
	screens []*sseClient
	kiosk   int // how many of them subscribe to the kiosk topic
}

// add connects k more screens subscribed to topic, which read their
// sockets into a fixed buffer and count the marker once each.
func (f *fleet) add(t *testing.T, addr string, k int, topic string) {
	for i := 0; i < k; i++ {
		c := dialRealtime(t, addr, 0, topic)
		f.screens = append(f.screens, c)
		if topic == kiosk.Topic {
			f.kiosk++
		}
		go func() {
			var win [64 << 10]byte
			keep := 0 // bytes carried over: a marker may straddle two reads
			var seen *[]byte
			for {
				k, err := c.r.Read(win[keep:]) // (what dialRealtime read ahead is in c.r)
				if err != nil {
					return
				}
				data := win[:keep+k]
				if w := f.want.Load(); w != nil && w != seen && bytes.Contains(data, *w) {
					seen = w
					f.got.Add(1)
				}
				keep = min(len(data), 64)
				copy(win[:keep], data[len(data)-keep:])
			}
		}()
	}
}

// approve sends one approval and waits until every kiosk screen has it.
func (f *fleet) approve(t *testing.T, app core.App, i int) {
	t.Helper()
	id := fmt.Sprintf("fanout%09d", i)
	marker := []byte(`"` + id + `"`)
	f.got.Store(0)
	f.want.Store(&marker)
	kktest.Create(t, app, s.Notes, map[string]any{"id": id, s.NoteTo: fmt.Sprintf("Team %d", i),
		s.NoteBody: strings.Repeat("Thank you for covering the night shift. ", 14), s.FieldStatus: s.StatusApproved})
	deadline := time.Now().Add(testwait.Left(t))
	for f.got.Load() < int64(f.kiosk) {
		if time.Now().After(deadline) {
			t.Fatalf("approval %d reached %d of %d screens", i, f.got.Load(), f.kiosk)
		}
		time.Sleep(time.Millisecond)
	}
}

// subscribe moves a connected screen to the kiosk topic.
func (f *fleet) subscribe(t *testing.T, addr string, c *sseClient) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"clientId": c.id, "subscriptions": []string{kiosk.Topic}})
	res, err := http.Post("http://"+addr+"/api/realtime", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("subscribe: %d", res.StatusCode)
	}
	f.kiosk++
}

// TestStalledStreamCostsNothingAfterFirstMiss: a screen that stops reading
// gets its frames kept in a buffer of its own (no goroutine, no system
// call per message) from the first write its socket did not take, and
// is closed once that buffer passes its bound; the screens that read get
// every approval meanwhile.
func TestStalledStreamCostsNothingAfterFirstMiss(t *testing.T) {
	srv := browsertest.StartServer(t)
	stalled := dialRealtime(t, srv.Addr, 2048)
	f := &fleet{}
	f.add(t, srv.Addr, 3, kiosk.Topic)
	t0 := time.Now()
	flushers := 0 // the most goroutines writing to it at once
	for i := 0; ; i++ {
		if i == 3000 {
			t.Fatal("the stalled screen is still connected after 3000 approvals")
		}
		f.approve(t, srv.App, i)
		flushers = max(flushers, countGoroutines("kiosk.(*stream).flush"))
		if _, err := srv.App.SubscriptionsBroker().ClientById(stalled.id); err != nil {
			t.Logf("the stalled screen was closed after %d approvals, %s", i+1, time.Since(t0).Round(time.Millisecond))
			break
		}
	}
	if flushers > 1 {
		t.Errorf("%d goroutines writing to one stalled screen at once, want at most one", flushers)
	}
	if n := countGoroutines("kiosk.(*stream).flush"); n != 0 {
		t.Errorf("%d flush goroutines left after the stalled screen was closed", n)
	}
	// the stalled socket ends: after what the kernel held, EOF
	stalled.conn.SetReadDeadline(time.Now().Add(testwait.Left(t)))
	buf := make([]byte, 64<<10)
	for {
		if _, err := stalled.r.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("the stalled screen's connection was not closed")
			}
			break
		}
	}
}
