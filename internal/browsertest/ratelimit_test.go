package browsertest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
)

// TestRateLimitedPhone: after a burst of notes from one address, the next
// note sent from a phone's browser gets a friendly HTML page in the site's
// style (HTTP 429), not PocketBase's JSON, with the words kept.
func TestRateLimitedPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	max := 0
	for _, r := range srv.App.Settings().RateLimits.Rules {
		if r.Label == "POST /notes" {
			max = r.MaxRequests
		}
	}
	if max == 0 {
		t.Fatal("no POST /notes rate limit")
	}
	for i := 0; i < max; i++ { // the same address as the browser: 127.0.0.1
		res, err := http.PostForm(srv.URL+"/notes", url.Values{"to": {"Ana"}, "body": {"Thank you"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 { // 303 followed to the "sent" page
			t.Fatalf("post %d: %d", i+1, res.StatusCode)
		}
	}

	ctx := browsertest.NewBrowser(t, 390, 844)
	var h1, body, font string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/notes/new?room=break-room"),
		chromedp.SendKeys("#to", "The night team", chromedp.ByQuery),
		chromedp.SendKeys("#body", "Thank you for the tea at 3am", chromedp.ByQuery),
		chromedp.Click("button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible(".error-card", chromedp.ByQuery),
		chromedp.Text("h1", &h1, chromedp.ByQuery),
		chromedp.Text("body", &body, chromedp.ByQuery),
		// the stylesheet applied under the strict CSP (not the browser default font)
		chromedp.Evaluate(`getComputedStyle(document.body).fontFamily`, &font),
	)
	if !strings.Contains(body, "Lots of kindness at once") || strings.Contains(body, `"status"`) {
		t.Errorf("rate-limited page shows %q / %q", h1, body)
	}
	// nothing typed is lost: the words are shown, ready to send again
	if !strings.Contains(body, "The night team") || !strings.Contains(body, "Thank you for the tea at 3am") || !strings.Contains(body, "Send again") {
		t.Errorf("rate-limited page lost the note: %q", body)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	if font == "" || strings.EqualFold(font, `"Times New Roman"`) {
		t.Errorf("page unstyled under the CSP: font-family %q", font)
	}
	browsertest.Screenshot(t, ctx, "rate-limited-390")
}
