package mailcap_test

import (
	"errors"
	"net/mail"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/mails"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/kindness-coalition/kindness-kiosk/internal/mailcap"
)

func message(to string) *mailer.Message {
	return &mailer.Message{From: mail.Address{Address: "kiosk@hospital.example"}, To: []mail.Address{{Address: to}},
		Subject: "A screen went dark", Text: "…"}
}

// TestCapHoldsForEverySender: any sender's mail past the cap is refused
// with ErrOverCap (not sent) until the budget refills; PocketBase's account
// mails (here a one-time code) still go; Wait lets a background sender
// send in turn.
func TestCapHoldsForEverySender(t *testing.T) {
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer app.Cleanup()
	mailcap.Register(app)
	var mu sync.Mutex
	clock := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); clock = clock.Add(d) }
	mailcap.SetClock(app, now, advance)

	for i := range mailcap.PerMinute {
		if err := app.NewMailClient().Send(message("it@hospital.example")); err != nil {
			t.Fatalf("mail %d: %v", i+1, err)
		}
	}
	if err := app.NewMailClient().Send(message("it@hospital.example")); !errors.Is(err, mailcap.ErrOverCap) {
		t.Errorf("mail over the cap: %v, want ErrOverCap", err)
	}
	if n := app.TestMailer.TotalSend(); n != mailcap.PerMinute {
		t.Errorf("sent %d, want %d", n, mailcap.PerMinute)
	}

	su := core.NewRecord(mustCollection(t, app, core.CollectionNameSuperusers))
	su.SetEmail("admin@hospital.example")
	su.SetPassword("a long passphrase")
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}
	if err := mails.SendRecordOTP(app, su, "otp123", "123456"); err != nil {
		t.Errorf("a one-time code over the cap: %v", err)
	}

	// a background sender waits its turn: 2 s of the cap's clock per mail
	start := now()
	msg := message("it@hospital.example")
	mailcap.Wait(app, msg)
	if err := app.NewMailClient().Send(msg); err != nil {
		t.Errorf("after Wait: %v", err)
	}
	if waited := now().Sub(start); waited < time.Second || waited > 3*time.Second {
		t.Errorf("Wait took %s of the cap's clock, want ~2s", waited)
	}
	if n := app.TestMailer.TotalSend(); n != mailcap.PerMinute+2 {
		t.Errorf("sent %d, want %d", n, mailcap.PerMinute+2)
	}
}

func mustCollection(t *testing.T, app core.App, name string) *core.Collection {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
