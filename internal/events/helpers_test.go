package events_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Fixed event ids for the scenario tables.
const (
	evOpen      = "evopen000000000"
	evFull      = "evfull000000000"
	evDraft     = "evdraft00000000"
	evCancelled = "evcancelled0000"
	evClosed    = "evclosed0000000"
	evPast      = "evpast000000000"
	evNight     = "evnight00000000"
)

// in returns a moment d from now, as PocketBase stores it.
func in(d time.Duration) string { return time.Now().Add(d).UTC().Format("2006-01-02 15:04:05.000Z") }

// newEvent creates an event: published, in a week, 20 seats, unless fields
// say otherwise.
func newEvent(t testing.TB, app core.App, fields map[string]any) *core.Record {
	t.Helper()
	f := map[string]any{
		s.EventTitle: "Tea and cake", s.EventDescription: "Come for **tea**.", s.EventPlace: "Staff room, level 2",
		s.EventStarts: in(7 * 24 * time.Hour), s.EventEnds: in(7*24*time.Hour + time.Hour),
		s.EventCapacity: 20, s.FieldStatus: s.StatusPublished,
	}
	for k, v := range fields {
		f[k] = v
	}
	return kktest.Create(t, app, s.Events, f)
}

// seedEvents creates one event of each kind the pages must handle.
func seedEvents(t testing.TB, app *tests.TestApp) {
	newEvent(t, app, map[string]any{"id": evOpen, s.EventTitle: "Open yoga"})
	newEvent(t, app, map[string]any{"id": evFull, s.EventTitle: "Tiny choir", s.EventCapacity: 1})
	newEvent(t, app, map[string]any{"id": evDraft, s.EventTitle: "Secret draft", s.FieldStatus: s.StatusDraft})
	newEvent(t, app, map[string]any{"id": evCancelled, s.EventTitle: "Picnic", s.FieldStatus: s.StatusCancelled})
	newEvent(t, app, map[string]any{"id": evClosed, s.EventTitle: "Quiz night", s.EventSignupCloses: in(-time.Hour)})
	newEvent(t, app, map[string]any{"id": evPast, s.EventTitle: "Last year's party", s.EventStarts: in(-48 * time.Hour), s.EventEnds: in(-47 * time.Hour)})
	mustSignUp(t, app, evFull, "Ana", "ana.secret@hospital.example")
}

func mustSignUp(t testing.TB, app core.App, eventID, name, email string) *core.Record {
	t.Helper()
	rec, err := events.SignUp(app, eventID, name, email, "4 West")
	if err != nil {
		t.Fatalf("sign up %s: %v", email, err)
	}
	return rec
}

func signups(t testing.TB, app core.App, eventID string) []*core.Record {
	t.Helper()
	recs, err := app.FindRecordsByFilter(s.Signups, "event = {:e}", "created", 0, 0, map[string]any{"e": eventID})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// expectSignups fails unless the event has n sign-ups stored.
func expectSignups(eventID string, n int) func(t testing.TB, app *tests.TestApp, res *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		t.Helper()
		if got := len(signups(t, app, eventID)); got != n {
			t.Fatalf("sign-ups for %s = %d, want %d", eventID, got, n)
		}
	}
}

func countStatus(t testing.TB, app core.App, eventID string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, r := range signups(t, app, eventID) {
		out[r.GetString(s.FieldStatus)]++
	}
	return out
}

func enableSMTP(t testing.TB, app *tests.TestApp) {
	t.Helper()
	settings := app.Settings()
	settings.SMTP.Enabled = true
	settings.SMTP.Host = "smtp.hospital.example"
	settings.SMTP.Port = 587
	settings.Meta.AppURL = "https://kindness.hospital.example"
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	app.TestMailer.Reset()
}

func email(i, round int) string { return fmt.Sprintf("person%03d.r%d@hospital.example", i, round) }

// asSuperuser sends the scenario with the test superuser's token, the
// way the dashboard does.
func asSuperuser(sc *tests.ApiScenario) {
	headers := map[string]string{}
	for k, v := range sc.Headers {
		headers[k] = v
	}
	sc.Headers = headers
	before := sc.BeforeTestFunc
	sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		headers["Authorization"] = kktest.SuperuserToken(t, app)
		if before != nil {
			before(t, app, e)
		}
	}
}
