package events_test

import (
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestCancelAfterEventPromotesNobody: a cancellation after the event has
// ended (an old tab, a moderator tidying up) must not "give a seat" to the
// waitlist, which would e-mail people that they got a place at an event
// that is over.
func TestCancelAfterEventPromotesNobody(t *testing.T) {
	app := kktest.NewApp(t)
	ev := newEvent(t, app, map[string]any{s.EventCapacity: 1})
	ana := mustSignUp(t, app, ev.Id, "Ana", "ana@hospital.example")
	bo := mustSignUp(t, app, ev.Id, "Bo", "bo@hospital.example")
	if bo.GetString(s.FieldStatus) != s.StatusWaitlisted {
		t.Fatalf("Bo is %q, want waitlisted", bo.GetString(s.FieldStatus))
	}
	// the event took place yesterday
	ev.Set(s.EventStarts, in(-25*time.Hour))
	ev.Set(s.EventEnds, in(-24*time.Hour))
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}

	if _, err := events.Cancel(app, ana.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	got, err := app.FindRecordById(s.Signups, bo.Id)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetString(s.FieldStatus) != s.StatusWaitlisted {
		t.Errorf("Bo is %q after a cancellation of a past event, want still waitlisted", got.GetString(s.FieldStatus))
	}
}
