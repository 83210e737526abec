package kiosk_test

import (
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestSeatsPushDuringShutdown: a sign-up schedules a seats push 300 ms
// later; if the app shuts down meanwhile, the push must neither race with
// the closing databases (go test -race caught IsBootstrapped reading the
// handles while ResetBootstrapState set them to nil) nor panic.
func TestSeatsPushDuringShutdown(t *testing.T) {
	app := kktest.NewApp(t)
	ev := kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Walk", s.FieldStatus: s.StatusPublished,
		s.EventStarts: time.Now().Add(48 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z"), s.EventCapacity: 5})
	kktest.Create(t, app, s.Signups, map[string]any{s.SignupEvent: ev.Id, s.SignupName: "Ana", s.SignupEmail: "ana@hospital.example"})
	// shut down while the push is scheduled, then let its timer fire
	if err := app.ClearBootstrap(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
}
