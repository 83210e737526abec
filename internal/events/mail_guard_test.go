package events_test

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/mailcap"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

const phish = "IT Service Desk: your mailbox is full, verify at http://evil.example/x"

// TestMailsCarryNoTypedText: whatever is typed as name or unit on the
// sign-up form never reaches a mail sent from the hospital's sender: not
// the confirmation, the link sent again on a repeat, the promotion or the
// cancellation notice.
func TestMailsCarryNoTypedText(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	ev := newEvent(t, app, map[string]any{s.EventTitle: "Tiny choir", s.EventCapacity: 1})
	c := kktest.NewClient(t, app)
	for _, name := range []string{phish, phish + " again"} { // the second mails the link again
		res := c.Do(http.MethodPost, "/events/"+ev.Id+"/signup",
			kktest.Form("name", name, "email", "victim@hospital.example", "unit", phish), kktest.FormHeaders)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-up: %d", res.StatusCode)
		}
	}
	mustSignUp(t, app, ev.Id, phish, "waiting@hospital.example") // waitlisted
	victim, err := app.FindFirstRecordByData(s.Signups, s.SignupEmail, "victim@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Cancel(app, victim.GetString(s.SignupToken)); err != nil { // promotes the waiting one
		t.Fatal(err)
	}
	ev, _ = app.FindRecordById(s.Events, ev.Id)
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
	waitForMails(t, app, 5) // confirmation, link again, waitlist, promotion, cancellation
	for _, m := range app.TestMailer.Messages() {
		for _, part := range []string{m.Subject, m.HTML, m.Text} {
			if strings.Contains(part, "evil.example") || strings.Contains(part, "mailbox") {
				t.Errorf("mail %q carries typed text:\n%s", m.Subject, part)
			}
		}
	}
}

// TestSignupEmailDomains: with kiosk_settings.signup_email_domains set to
// the hospital's, an address elsewhere gets a clear message next to the
// field with every word kept, and no mail; the REST API (the dashboard's
// way) refuses it too; a staff address (any case, a subdomain) works; a
// sign-up saved before the setting can still be cancelled and promoted,
// but gets no more mail.
func TestSignupEmailDomains(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	ev := newEvent(t, app, map[string]any{s.EventCapacity: 1})
	earlier := mustSignUp(t, app, ev.Id, "Ed", "ed@gmail.example") // confirmed, before the setting
	mustSignUp(t, app, ev.Id, "Wen", "wen@gmail.example")          // waitlisted
	settings, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	settings.Set(s.SettingSignupEmailDomains, "StMary.nhs.uk, @stmary.org")
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	app.TestMailer.Reset()

	c := kktest.NewClient(t, app)
	res := c.Do(http.MethodPost, "/events/"+ev.Id+"/signup", kktest.Form("name", "Bo", "email", "bo@gmail.example", "unit", "4 West"), kktest.FormHeaders)
	page, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("form, an address elsewhere: %d", res.StatusCode)
	}
	for _, want := range []string{`aria-describedby="err-email"`, `id="err-email"`,
		"Please use your work e-mail address: it must end in @stmary.nhs.uk or @stmary.org.", `value="Bo"`, `value="bo@gmail.example"`, `value="4 West"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("form, an address elsewhere: page lacks %s", want)
		}
	}
	for _, addr := range []string{"Ana@StMary.NHS.uk", "cy@icu.stmary.org"} {
		if res := c.Do(http.MethodPost, "/events/"+ev.Id+"/signup", kktest.Form("name", "Staff", "email", addr), kktest.FormHeaders); res.StatusCode != http.StatusSeeOther {
			t.Errorf("form, staff address %s: %d", addr, res.StatusCode)
		}
	}
	if res := c.Do(http.MethodPost, "/events/"+ev.Id+"/signup", kktest.Form("name", "Bo", "email", "bo@notstmary.org"), kktest.FormHeaders); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("form, a look-alike domain: %d", res.StatusCode)
	}
	res = c.Do(http.MethodPost, "/api/collections/signups/records",
		strings.NewReader(`{"event":"`+ev.Id+`","name":"Bo","email":"bo@gmail.example"}`),
		map[string]string{"Content-Type": "application/json", "Authorization": kktest.SuperuserToken(t, app)})
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"email":{"code":"validation_email_domain_not_allowed"`) {
		t.Errorf("REST API, an address elsewhere: %d %s", res.StatusCode, body)
	}
	if n := app.TestMailer.TotalSend(); n != 2 {
		t.Errorf("mails: %d, want 2 (the staff addresses)", n)
	}
	for _, m := range app.TestMailer.Messages() {
		if !strings.Contains(m.To[0].Address, "stmary") {
			t.Errorf("mail to %v", m.To)
		}
	}

	// Ed cancels: Wen (saved before the setting) gets the seat, but no mail
	app.TestMailer.Reset()
	if _, err := events.Cancel(app, earlier.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	if got := countStatus(t, app, ev.Id)[s.StatusConfirmed]; got != 1 {
		t.Errorf("confirmed after the cancel: %d, want 1 (Wen promoted)", got)
	}
	if n := app.TestMailer.TotalSend(); n != 0 {
		t.Errorf("%d mails to an address outside the allowed domains", n)
	}
}

// TestMailCap: all outgoing mail is capped at mailcap.PerMinute. A burst
// of sign-ups past the cap gets no more confirmations until the minute has
// passed; a cancelled event's notices all go, in turn, as the cap allows.
func TestMailCap(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	var mu sync.Mutex
	clock := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); clock = clock.Add(d) }
	mailcap.SetClock(app, now, advance)

	ev := newEvent(t, app, map[string]any{s.EventCapacity: 100})
	for i := range mailcap.PerMinute + 10 {
		mustSignUp(t, app, ev.Id, "Person", email(i, 1))
	}
	if n := app.TestMailer.TotalSend(); n != mailcap.PerMinute {
		t.Fatalf("%d sign-ups at once sent %d mails, want the cap, %d", mailcap.PerMinute+10, n, mailcap.PerMinute)
	}
	advance(time.Minute)
	mustSignUp(t, app, ev.Id, "Person", email(0, 2))
	if n := app.TestMailer.TotalSend(); n != mailcap.PerMinute+1 {
		t.Fatalf("a minute later: %d mails, want %d", n, mailcap.PerMinute+1)
	}

	// the event is cancelled with 29 mails left in the budget: 41 notices,
	// the last 12 in turn as the budget refills
	app.TestMailer.Reset()
	start := now()
	ev, _ = app.FindRecordById(s.Events, ev.Id)
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
	waitForMails(t, app, mailcap.PerMinute+11)
	want := time.Duration(float64(12) / mailcap.PerMinute * float64(time.Minute))
	if took := now().Sub(start); took < want-time.Second || took > want+time.Second {
		t.Errorf("41 notices took %s of the mail clock, want %s (12 over the budget)", took, want)
	}
}

// waitForMails waits for background sends (a cancelled event's notices).
func waitForMails(t *testing.T, app *tests.TestApp, n int) {
	t.Helper()
	deadline := time.Now().Add(testwait.Left(t))
	for app.TestMailer.TotalSend() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d mails sent, want %d", app.TestMailer.TotalSend(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
