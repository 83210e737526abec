package browsertest_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// TestDeskSignInWithMFAOnAPhone: an admin turned MFA on for moderators
// (one-time codes by e-mail, SMTP set). At 390×844, with JavaScript off, a
// moderator opens /moderate, types the password, gets the code page, types
// a wrong code (the message is at the field, the e-mail still named), then
// the code from the e-mail PocketBase sent, and lands on the desk.
func TestDeskSignInWithMFAOnAPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	app := srv.App
	seedDesk(t, app, 2, false)
	c, err := app.FindCollectionByNameOrId(s.Moderators)
	if err != nil {
		t.Fatal(err)
	}
	c.MFA.Enabled, c.OTP.Enabled = true, true
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	settings := app.Settings()
	settings.SMTP.Enabled, settings.SMTP.Host, settings.SMTP.Port = true, "127.0.0.1", 1
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	// the test mailer: every mail is kept here and none leaves the machine
	mails := &tests.TestMailer{}
	app.OnMailerSend().BindFunc(func(e *core.MailerEvent) error { return mails.Send(e.Message) })

	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	browsertest.Run(t, ctx, emulation.SetScriptExecutionDisabled(true))
	var loginURL string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/moderate"),
		chromedp.WaitVisible("#password", chromedp.ByQuery),
		chromedp.Location(&loginURL),
	)
	if !strings.HasSuffix(loginURL, "/moderate/login?next=%2Fmoderate") {
		t.Errorf("guest at /moderate went to %s", loginURL)
	}
	browsertest.Run(t, ctx, chromedp.SendKeys("#email", deskEmail, chromedp.ByQuery), chromedp.SendKeys("#password", stafftest.Password, chromedp.ByQuery))
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "desk-mfa-signin-390")

	var lead, codeURL string
	browsertest.Run(t, ctx,
		chromedp.Submit("#password", chromedp.ByQuery),
		chromedp.WaitVisible("#code, #err-password", chromedp.ByQuery), // a refusal fails fast
		chromedp.Location(&codeURL),
		chromedp.Text("main", &lead, chromedp.ByQuery),
	)
	if !strings.HasSuffix(codeURL, "/moderate/login/code") || !strings.Contains(lead, deskEmail) {
		t.Fatalf("after the password: %s, %q", codeURL, lead)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "desk-mfa-code-390")

	// the code PocketBase e-mailed (sent in the background, as its API does)
	deadline := time.Now().Add(testwait.Left(t))
	for mails.TotalSend() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if mails.TotalSend() != 1 {
		t.Fatalf("%d mails, want the one-time code", mails.TotalSend())
	}
	msg := mails.LastMessage()
	code := regexp.MustCompile(`\b\d{8}\b`).FindString(msg.HTML)
	if msg.To[0].Address != deskEmail || code == "" {
		t.Fatalf("mail to %v without a code: %s", msg.To, msg.HTML)
	}

	// a wrong code first
	wrong := "00000000"
	if code == wrong {
		wrong = "11111111"
	}
	var errText, after string
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#code", wrong, chromedp.ByQuery),
		chromedp.Submit("#code", chromedp.ByQuery),
		chromedp.WaitVisible("#err-code", chromedp.ByQuery),
		chromedp.Text("#err-code", &errText, chromedp.ByQuery),
		chromedp.Text("p.lead", &after, chromedp.ByQuery),
	)
	if !strings.Contains(errText, "That code isn't right") || !strings.Contains(after, deskEmail) {
		t.Errorf("wrong code: %q, e-mail kept: %q", errText, after)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "desk-mfa-code-wrong-390")

	// the same page in Spanish (the switch keeps the pending sign-in)
	var es string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/lang/es?next=%2Fmoderate%2Flogin%2Fcode"),
		chromedp.WaitVisible("#code", chromedp.ByQuery),
		chromedp.Text("main", &es, chromedp.ByQuery),
	)
	if !strings.Contains(es, "Mira tu correo") || !strings.Contains(es, "Código de un solo uso") {
		t.Errorf("the code page in Spanish: %q", es)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "desk-mfa-code-es-390")

	// the right one (back in English): the desk
	var deskURL string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/lang/en?next=%2Fmoderate%2Flogin%2Fcode"),
		chromedp.WaitVisible("#code", chromedp.ByQuery),
		chromedp.SendKeys("#code", code, chromedp.ByQuery),
		chromedp.Submit("#code", chromedp.ByQuery),
		waitCount(3),
		chromedp.Location(&deskURL),
	)
	if !strings.HasSuffix(deskURL, "/moderate") {
		t.Errorf("signed in at %s, want /moderate", deskURL)
	}
}
