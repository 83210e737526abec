package kiosk_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// reader is a screen whose stream reads everything, as PocketBase's
// realtime handler does for a live connection.
type reader struct {
	client subscriptions.Client
	got    chan kiosk.Message
}

func newReader(app core.App) *reader {
	r := &reader{client: screenClient(app), got: make(chan kiosk.Message, 1000)}
	go func() {
		for m := range r.client.Channel() {
			var km kiosk.Message
			if m.Name == kiosk.Topic && json.Unmarshal(m.Data, &km) == nil {
				r.got <- km
			}
		}
	}()
	return r
}

// await waits for the upsert of card id, skipping other messages.
func (r *reader) await(t *testing.T, id string) error {
	t.Helper()
	timeout := time.After(testwait.Left(t))
	for {
		select {
		case m := <-r.got:
			if m.Op == "upsert" && m.Card != nil && m.Card.ID == id {
				return nil
			}
		case <-timeout:
			return fmt.Errorf("no upsert of %s", id)
		}
	}
}

func approvedNote(t testing.TB, app core.App, i int) *core.Record {
	return kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: fmt.Sprintf("Team %d", i),
		s.NoteBody: strings.Repeat("Thank you for covering the night shift. ", 14), s.FieldStatus: s.StatusApproved})
}

// TestStalledScreenDoesNotStopOthers: a screen whose stream stopped
// reading (a TV whose Wi-Fi dropped silently) must not stop live updates
// for the others; once it is too far behind it is dropped, so it
// reconnects and re-syncs. Before the fan-out, the single sender blocked
// on the stalled client's unbuffered channel and 0 of 5 screens got the
// next approval.
func TestStalledScreenDoesNotStopOthers(t *testing.T) {
	app := kktest.NewApp(t)
	stalled := screenClient(app) // subscribed, never read
	var readers []*reader
	for i := 0; i < 5; i++ {
		readers = append(readers, newReader(app))
	}
	for i := 0; i < 20; i++ {
		note := approvedNote(t, app, i)
		for k, r := range readers {
			if err := r.await(t, note.Id); err != nil {
				t.Fatalf("approval %d, screen %d of 5: %v", i+1, k+1, err)
			}
		}
	}
	if !stalled.IsDiscarded() {
		t.Error("a screen 20 messages behind is still connected; it should be dropped so it reconnects and re-syncs")
	}
}

// TestPushSenderStopsWithApp: the sender (and a drainer stuck on a
// stalled client) end when the app stops; before, every test app left a
// sender goroutine parked for ever.
func TestPushSenderStopsWithApp(t *testing.T) {
	for i := 0; i < 3; i++ {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			app := kktest.NewApp(t)
			screenClient(app) // stalled: holds a drainer
			r := newReader(app)
			note := approvedNote(t, app, i)
			if err := r.await(t, note.Id); err != nil {
				t.Fatal(err)
			}
		})
	}
	deadline := time.Now().Add(testwait.Left(t))
	for {
		left := kioskGoroutines()
		if left == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("kiosk goroutines still running after their apps stopped:\n%s", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kioskGoroutines returns the stacks of goroutines running the pusher or
// its fan-out.
func kioskGoroutines() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "internal/kiosk.(*pusher)") || strings.Contains(g, "internal/kiosk.(*fanout)") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}
