package events_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestNoAddressOnPublicSurfaces: with people signed up, no public page,
// public API response or kiosk feed carries an e-mail address or a token.
func TestNoAddressOnPublicSurfaces(t *testing.T) {
	never := []string{"@hospital.example", "secret", tokAna, tokBo}
	for _, url := range []string{
		"/", "/events", "/events?room=" + s.DefaultRoomSlug, "/events/" + evFull, "/events/" + evFull + "/ics", "/events/" + evFull + "/signed-up",
		"/api/collections/events/records", "/api/collections/events/records/" + evFull, "/api/collections/events/records?expand=rooms,signups_via_event", "/api/collections/events/records/" + evFull + "?expand=signups_via_event",
		"/kiosk/" + s.DefaultRoomSlug, "/kiosk/" + s.DefaultRoomSlug + "/feed",
	} {
		sc := tests.ApiScenario{Name: "GET " + url, Method: http.MethodGet, URL: url, ExpectedStatus: 200,
			ExpectedContent: []string{"Tiny choir"}, NotExpectedContent: never, TestAppFactory: kktest.Factory(seedPeople)}
		sc.Test(t)
	}
}

// TestRealtimeCarriesNoAddress: a guest subscribed to everything it could
// name (signups, events, the kiosk topic) gets event updates and kiosk
// cards while people sign up, are promoted and cancel, but never a
// sign-up record or an address.
func TestRealtimeCarriesNoAddress(t *testing.T) {
	app := kktest.NewApp(t)
	if _, err := apis.NewRouter(app); err != nil { // binds PocketBase's realtime record events
		t.Fatal(err)
	}
	ev := newEvent(t, app, map[string]any{s.EventTitle: "Tiny choir", s.EventCapacity: 1})

	client := subscriptions.NewDefaultClient()
	client.Subscribe(s.Signups, s.Signups+"/*", s.Events, s.Events+"/*", kiosk.Topic)
	app.SubscriptionsBroker().Register(client)
	defer app.SubscriptionsBroker().Unregister(client.Id())

	var mu sync.Mutex
	var got []subscriptions.Message
	done := make(chan struct{})
	go func() {
		for {
			select {
			case m := <-client.Channel():
				mu.Lock()
				got = append(got, m)
				mu.Unlock()
			case <-done:
				return
			}
		}
	}()

	ana := mustSignUp(t, app, ev.Id, "Ana", "ana.secret@hospital.example")
	mustSignUp(t, app, ev.Id, "Bo", "bo.secret@hospital.example")
	if _, err := events.Cancel(app, ana.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	ev, _ = app.FindRecordById(s.Events, ev.Id)
	ev.Set(s.EventPlace, "Chapel")
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}

	// wait until the last change (the place) arrived on both the event's
	// own topic and the kiosk topic (queued, so a moment later), then look
	// at everything received
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		seenEvent, seenKiosk := false, false
		for _, m := range got {
			chapel := strings.Contains(string(m.Data), "Chapel")
			seenEvent = seenEvent || (strings.HasPrefix(m.Name, s.Events) && chapel)
			seenKiosk = seenKiosk || (m.Name == kiosk.Topic && chapel)
		}
		mu.Unlock()
		if (seenEvent && seenKiosk) || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(done)
	mu.Lock()
	defer mu.Unlock()
	kinds := map[string]int{}
	for _, m := range got {
		kinds[m.Name]++
		if strings.HasPrefix(m.Name, s.Signups) {
			t.Errorf("guest got a sign-up message: %s", m.Data)
		}
		for _, bad := range []string{"@hospital.example", "secret"} {
			if strings.Contains(string(m.Data), bad) {
				t.Errorf("%s message carries %q: %s", m.Name, bad, m.Data)
			}
		}
	}
	if kinds[kiosk.Topic] == 0 || kinds[s.Events] == 0 {
		t.Fatalf("the guest should have received event and kiosk messages; got %v", kinds)
	}
}
