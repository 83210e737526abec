package kiosk_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// screenClient is a realtime client subscribed to the kiosk topic, as a
// screen's EventSource is after its subscribe call.
func screenClient(app core.App) subscriptions.Client {
	c := subscriptions.NewDefaultClient()
	c.Subscribe(kiosk.Topic)
	app.SubscriptionsBroker().Register(c)
	return c
}

// receiveAll reads one message from every client at once, as PocketBase's
// realtime handler does (one goroutine per connection): client channels
// are unbuffered, so reading them one by one could stall the broadcast.
func receiveAll(t *testing.T, clients []subscriptions.Client) []kiosk.Message {
	t.Helper()
	out := make([]kiosk.Message, len(clients))
	errs := make(chan error, len(clients))
	for i, c := range clients {
		go func() {
			select {
			case m := <-c.Channel():
				if m.Name != kiosk.Topic {
					errs <- fmt.Errorf("message on %q", m.Name)
					return
				}
				errs <- json.Unmarshal(m.Data, &out[i])
			case <-time.After(5 * time.Second):
				errs <- fmt.Errorf("client %d: no message within 5 s", i)
			}
		}()
	}
	for range clients {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// drain discards what the seeding queued before the clients connected
// (pushes are sent in order by one sender, a moment after the change;
// seat updates up to 300 ms after a sign-up), until 800 ms of silence.
func drain(clients ...subscriptions.Client) {
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-c.Channel():
				case <-time.After(800 * time.Millisecond):
					return
				}
			}
		}()
	}
	wg.Wait()
}

func expectSilence(t *testing.T, c subscriptions.Client) {
	t.Helper()
	select {
	case m := <-c.Channel():
		t.Fatalf("unexpected message %s %s", m.Name, m.Data)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestPush follows a note through moderation as every connected screen
// sees it: nothing while pending, the card on approval, its removal on
// rejection or deletion; a sign-up updates the event's seats without
// ever carrying the person's e-mail.
func TestPush(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	screens := []subscriptions.Client{screenClient(app), screenClient(app)}
	other := subscriptions.NewDefaultClient() // a client on another topic hears nothing
	other.Subscribe("notes")
	app.SubscriptionsBroker().Register(other)
	drain(append(screens, other)...)

	note := kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Ward 7", s.NoteBody: "thanks for the *cover*", s.FieldStatus: s.StatusPending})
	for _, c := range screens {
		expectSilence(t, c)
	}

	note.Set(s.FieldStatus, s.StatusApproved)
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "upsert" || m.Card == nil || m.Card.ID != note.Id || m.Card.Kind != "note" ||
			!strings.Contains(string(m.Card.HTML), `To <span dir="auto">Ward 7</span>`) || !strings.Contains(string(m.Card.HTML), "<em>cover</em>") {
			t.Fatalf("approval message %+v", m)
		}
		if len(m.Card.Rooms) != 0 {
			t.Errorf("a note without a room is for every room, got %v", m.Card.Rooms)
		}
	}

	note.Set(s.FieldStatus, s.StatusRejected)
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "remove" || m.ID != note.Id {
			t.Fatalf("rejection message %+v", m)
		}
	}

	note.Set(s.FieldStatus, s.StatusApproved)
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	receiveAll(t, screens)
	if err := app.Delete(note); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "remove" || m.ID != note.Id {
			t.Fatalf("deletion message %+v", m)
		}
	}

	ev, err := app.FindFirstRecordByData(s.Events, s.EventTitle, "Schwartz Rounds")
	if err != nil {
		t.Fatal(err)
	}
	kktest.Create(t, app, s.Signups, map[string]any{s.SignupEvent: ev.Id, s.SignupName: "Cy Zed", s.SignupEmail: "cy@private.example",
		s.FieldStatus: s.StatusConfirmed, s.SignupToken: strings.Repeat("c", 32)})
	for _, m := range receiveAll(t, screens) {
		if m.Op != "upsert" || m.Card == nil || m.Card.ID != ev.Id || !strings.Contains(string(m.Card.HTML), "waitlist") {
			t.Fatalf("sign-up message %+v", m)
		}
		if raw, _ := json.Marshal(m); strings.Contains(string(raw), "@private.example") || strings.Contains(string(raw), "Cy Zed") {
			t.Fatalf("a realtime message carries the person: %s", raw)
		}
	}

	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, "icu")
	if err != nil {
		t.Fatal(err)
	}
	room.Set(s.RoomActive, false)
	if err := app.Save(room); err != nil {
		t.Fatal(err)
	}
	for _, m := range receiveAll(t, screens) {
		if m.Op != "resync" {
			t.Fatalf("room change message %+v", m)
		}
	}
	select {
	case m := <-other.Channel():
		if m.Name == kiosk.Topic {
			t.Fatalf("a client not subscribed to %q got %s", kiosk.Topic, m.Data)
		}
	default:
	}
}
