package browsertest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestEventSignupOnPhone: on a 390×844 phone, the first person signs up
// and is confirmed, the second lands on the waitlist, the first cancels
// and the second's page then says confirmed. Screenshots go to
// $KK_SCREENSHOTS (docs/screenshots/events-*.png when refreshed).
func TestEventSignupOnPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	starts := time.Now().Add(72 * time.Hour).Truncate(24 * time.Hour).Add(19*time.Hour + 30*time.Minute)
	ev := kktest.Create(t, srv.App, s.Events, map[string]any{
		s.EventTitle: "Night-shift breakfast club",
		s.EventDescription: "Pancakes, fruit and good coffee after a long night.\n\n" +
			"- bring a colleague\n- no need to bring anything else\n\nQuestions? Ask the **4 West** charge nurse.",
		s.EventPlace: "Staff restaurant, level 1", s.EventStarts: starts.UTC(), s.EventEnds: starts.Add(90 * time.Minute).UTC(),
		s.EventCapacity: 1, s.FieldStatus: s.StatusPublished,
	})
	kktest.Create(t, srv.App, s.Events, map[string]any{
		s.EventTitle: "Gratitude walk", s.EventPlace: "Main entrance", s.EventStarts: starts.Add(41 * time.Hour).UTC(),
		s.EventCapacity: 12, s.FieldStatus: s.StatusPublished,
	})
	eventURL := srv.URL + "/events/" + ev.Id
	ctx := browsertest.NewBrowser(t, 390, 844)

	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/events"), chromedp.WaitVisible(".events"))
	browsertest.Screenshot(t, ctx, "events-list")

	// first person: confirmed
	browsertest.Run(t, ctx, chromedp.Navigate(eventURL), chromedp.WaitVisible("#name"))
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "events-event")

	// an empty send: messages next to the fields, no sign-up
	var errText string
	browsertest.Run(t, ctx,
		chromedp.Click("form.stack button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible("#err-name", chromedp.ByID),
		chromedp.Text("#err-email", &errText, chromedp.ByID),
	)
	// the first field with a problem has the focus, so the phone scrolls to it
	var focused string
	browsertest.Run(t, ctx, chromedp.Evaluate(`document.activeElement.id`, &focused))
	if focused != "name" {
		t.Errorf("focus on %q after the error, want the name field", focused)
	}
	if errText != "Please fill in your e-mail." {
		t.Errorf("e-mail error = %q", errText)
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(`window.scrollTo(0, document.getElementById("signup-title").getBoundingClientRect().top + window.scrollY - 24)`, nil))
	browsertest.Screenshot(t, ctx, "events-form-errors")
	first := signUp(t, ctx, "Ana Okafor", "ana.okafor@hospital.example", "4 West")
	var h1 string
	browsertest.Run(t, ctx, chromedp.Text("h1", &h1))
	if h1 != "You're in, Ana Okafor!" {
		t.Fatalf("first person sees %q", h1)
	}
	browsertest.CheckPhoneLayout(t, ctx, "details.cancel summary")
	// "Can't come?" must look like something to press: underlined, with a chevron (QA: it read as a plain line)
	var looks struct {
		Underline bool    `json:"underline"`
		Chevron   float64 `json:"chevron"`
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(`(() => {
		const s = document.querySelector("details.cancel summary");
		const b = getComputedStyle(s, "::before");
		return {underline: getComputedStyle(s).textDecorationLine.includes("underline"),
			chevron: b.content === "none" ? 0 : parseFloat(b.borderRightWidth) + parseFloat(b.borderBottomWidth)};
	})()`, &looks))
	if !looks.Underline || looks.Chevron < 4 {
		t.Errorf(`"Can't come?" doesn't look pressable: underline %v, chevron border %v px`, looks.Underline, looks.Chevron)
	}
	browsertest.Screenshot(t, ctx, "events-confirmed")

	// second person: waitlisted
	browsertest.Run(t, ctx, chromedp.Navigate(eventURL), chromedp.WaitVisible("#name"))
	second := signUp(t, ctx, "Ben Ito", "ben.ito@hospital.example", "Pharmacy")
	browsertest.Run(t, ctx, chromedp.Text("h1", &h1))
	if h1 != "You're number 1 on the waitlist" {
		t.Fatalf("second person sees %q", h1)
	}
	browsertest.Screenshot(t, ctx, "events-waitlisted")

	// the first cancels (the button sits behind "Can't come?")
	var body string
	browsertest.Run(t, ctx,
		chromedp.Navigate(first),
		chromedp.Click("details.cancel summary", chromedp.ByQuery),
		chromedp.WaitVisible("details.cancel button", chromedp.ByQuery),
		chromedp.Click("details.cancel button", chromedp.ByQuery),
		chromedp.WaitVisible(".status-cancelled", chromedp.ByQuery),
		chromedp.Text("main", &body),
	)
	if !strings.Contains(body, "Your sign-up is cancelled") {
		t.Fatalf("after cancelling: %q", body)
	}

	// the second is promoted
	browsertest.Run(t, ctx, chromedp.Navigate(second), chromedp.WaitVisible(".status-confirmed", chromedp.ByQuery), chromedp.Text("h1", &h1))
	if h1 != "You're in, Ben Ito!" {
		t.Fatalf("second person after the cancellation sees %q", h1)
	}
	browsertest.Screenshot(t, ctx, "events-promoted")
}

// signUp fills the form, sends it, and returns the personal page's URL.
func signUp(t *testing.T, ctx context.Context, name, email, unit string) string {
	t.Helper()
	var loc string
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#name", name, chromedp.ByID),
		chromedp.SendKeys("#email", email, chromedp.ByID),
		chromedp.SendKeys("#unit", unit, chromedp.ByID),
		chromedp.Click("form.stack button[type=submit]", chromedp.ByQuery),
	)
	// wait for the new page itself (reading nodes of the old one while it
	// navigates fails with "No node with given id")
	waitFor(t, ctx, "the sign-up page", `location.pathname.indexOf('/signups/') === 0 && document.readyState === 'complete' && !!document.querySelector('.status') && !!document.querySelector('h1')`)
	browsertest.Run(t, ctx, chromedp.Location(&loc))
	if !strings.Contains(loc, "/signups/") {
		t.Fatalf("after sign-up the browser is at %s", loc)
	}
	return loc
}
