package events_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestSignupDomainMessageOnPhone: with sign-ups limited to the hospital's
// domain, a private address gets the reason right under the e-mail field
// on a phone, with everything typed still in the form.
func TestSignupDomainMessageOnPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	settings, err := srv.App.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	settings.Set(s.SettingSignupEmailDomains, "stmary.nhs.uk")
	if err := srv.App.Save(settings); err != nil {
		t.Fatal(err)
	}
	ev := kktest.Create(t, srv.App, s.Events, map[string]any{
		s.EventTitle: "Tea and cake", s.EventPlace: "Staff room, level 2", s.EventCapacity: 20, s.FieldStatus: s.StatusPublished,
		s.EventStarts: time.Now().Add(48 * time.Hour).UTC().Format(time.DateTime + ".000Z"),
		s.EventEnds:   time.Now().Add(49 * time.Hour).UTC().Format(time.DateTime + ".000Z"),
	})

	ctx := browsertest.NewBrowser(t, 390, 844)
	var msg, name, email string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/events/"+ev.Id),
		chromedp.WaitVisible("#name", chromedp.ByID),
		chromedp.SendKeys("#name", "Ana Ruiz", chromedp.ByID),
		chromedp.SendKeys("#email", "ana.ruiz@gmail.example", chromedp.ByID),
		chromedp.SendKeys("#unit", "4 West", chromedp.ByID),
		chromedp.Click("form.stack button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible("#err-email", chromedp.ByID),
		chromedp.Text("#err-email", &msg, chromedp.ByID),
		chromedp.Value("#name", &name, chromedp.ByID),
		chromedp.Value("#email", &email, chromedp.ByID),
		chromedp.ScrollIntoView("#email", chromedp.ByID),
	)
	if !strings.Contains(msg, "it must end in @stmary.nhs.uk") || name != "Ana Ruiz" || email != "ana.ruiz@gmail.example" {
		t.Errorf("message %q, kept %q %q", msg, name, email)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "ops-signup-domain-390")
}
