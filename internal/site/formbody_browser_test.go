package site_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
)

// TestOversizeStoryInBrowser: a story pasted into the phone form that is
// more than the form takes (a browser sends 50,000 Greek characters as
// ~300 KB) gets the site's own 413 page in its style, with the title and
// the words shown back, so the writer can copy and shorten them.
func TestOversizeStoryInBrowser(t *testing.T) {
	srv := browsertest.StartServer(t)
	ctx := browsertest.NewBrowser(t, 390, 844)
	var h1, body string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/stories/new"),
		chromedp.SendKeys("#title", "Ευχαριστώ, νυχτερινή βάρδια", chromedp.ByQuery),
		// pasted, not typed: 50,000 characters
		chromedp.Evaluate(`document.getElementById("body").value = new Array(5556).join("Καλημέρα ") + "τέλος"; true`, nil),
		chromedp.Click("button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible(".error-card", chromedp.ByQuery),
		chromedp.Text("h1", &h1, chromedp.ByQuery),
		chromedp.Text("body", &body, chromedp.ByQuery),
	)
	if h1 != "That's a lot of text" || !strings.Contains(body, "Your words are below") {
		t.Errorf("oversize story page: %q\n%.300s", h1, body)
	}
	if !strings.Contains(body, "Ευχαριστώ, νυχτερινή βάρδια") || !strings.Contains(body, "Καλημέρα τέλος") {
		t.Errorf("the 413 page lost the story")
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "ops-story-too-long-390")
}
