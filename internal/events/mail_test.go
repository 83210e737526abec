package events_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

const appURL = "https://kindness.hospital.example"

func expectMail(t testing.TB, m mailer.Message, to, subject string, body ...string) {
	t.Helper()
	if len(m.To) != 1 || m.To[0].Address != to {
		t.Errorf("mail to %v, want %s", m.To, to)
	}
	if !strings.HasPrefix(m.Subject, subject) {
		t.Errorf("subject %q, want %q…", m.Subject, subject)
	}
	for _, b := range body {
		if !strings.Contains(m.HTML, b) || !strings.Contains(m.Text, b) {
			t.Errorf("mail lacks %q:\n%s\n---\n%s", b, m.HTML, m.Text)
		}
	}
}

// TestMailWithSMTP walks the e-mail path with PocketBase's TestMailer:
// confirmation with the personal link, the link again on a repeat, the
// promotion, and everyone told when the event is cancelled.
func TestMailWithSMTP(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	ev := newEvent(t, app, map[string]any{s.EventTitle: "Tiny choir", s.EventCapacity: 1})

	ana := mustSignUp(t, app, ev.Id, "Ana", "Ana@Hospital.example")
	if n := app.TestMailer.TotalSend(); n != 1 {
		t.Fatalf("sent %d, want 1", n)
	}
	link := appURL + "/signups/" + ana.GetString(s.SignupToken)
	expectMail(t, app.TestMailer.LastMessage(), "ana@hospital.example", "Your sign-up: Tiny choir", "confirmed: your seat is booked", link)

	bo := mustSignUp(t, app, ev.Id, "Bo", "bo@hospital.example")
	expectMail(t, app.TestMailer.LastMessage(), "bo@hospital.example", "Your sign-up: Tiny choir", "waitlist at number 1",
		appURL+"/signups/"+bo.GetString(s.SignupToken))

	// a repeat through the form: the owner of the address gets the same link
	sc := tests.ApiScenario{Name: "repeat re-sends the link", Method: http.MethodPost, URL: "/events/" + ev.Id + "/signup",
		Headers: kktest.FormHeaders, Body: kktest.Form("name", "Mallory", "email", "ANA@hospital.example"), ExpectedStatus: 303,
		TestAppFactory: func(testing.TB) *tests.TestApp { return app }, DisableTestAppCleanup: true}
	sc.Test(t)
	if n := app.TestMailer.TotalSend(); n != 3 {
		t.Fatalf("sent %d, want 3", n)
	}
	expectMail(t, app.TestMailer.LastMessage(), "ana@hospital.example", "Your sign-up link: Tiny choir", link)

	// Ana cancels: Bo is promoted and told
	if _, err := events.Cancel(app, ana.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	if n := app.TestMailer.TotalSend(); n != 4 {
		t.Fatalf("sent %d, want 4", n)
	}
	expectMail(t, app.TestMailer.LastMessage(), "bo@hospital.example", "You have a seat: Tiny choir", "You are confirmed")

	// the event is cancelled: every live sign-up (Bo, Cy) is told, Ana is not
	mustSignUp(t, app, ev.Id, "Cy", "cy@hospital.example")
	before := app.TestMailer.TotalSend()
	ev, _ = app.FindRecordById(s.Events, ev.Id)
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
	// sent in the background so the moderator's save doesn't wait
	deadline := time.Now().Add(10 * time.Second)
	for app.TestMailer.TotalSend() < before+2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	msgs := app.TestMailer.Messages()[before:]
	if len(msgs) != 2 {
		t.Fatalf("cancellation mails: %d, want 2", len(msgs))
	}
	got := map[string]bool{}
	for _, m := range msgs {
		expectMail(t, *m, m.To[0].Address, "Cancelled: Tiny choir", "has been cancelled")
		got[m.To[0].Address] = true
	}
	if !got["bo@hospital.example"] || !got["cy@hospital.example"] {
		t.Errorf("cancellation mails went to %v", got)
	}
}

// TestNoMailWithoutSMTP: without SMTP nothing is sent and nothing breaks.
func TestNoMailWithoutSMTP(t *testing.T) {
	app := kktest.NewApp(t)
	ev := newEvent(t, app, map[string]any{s.EventCapacity: 1})
	ana := mustSignUp(t, app, ev.Id, "Ana", "ana@hospital.example")
	mustSignUp(t, app, ev.Id, "Bo", "bo@hospital.example")
	if _, err := events.Cancel(app, ana.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
	if n := app.TestMailer.TotalSend(); n != 0 {
		t.Fatalf("sent %d mails without SMTP", n)
	}
}
