package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
)

// TestStartPage is the harness's own smoke test: the real server, the real
// browser, and what a person sees on the start page and an unknown page.
func TestStartPage(t *testing.T) {
	srv := browsertest.StartServer(t)
	ctx := browsertest.NewBrowser(t, 390, 844)

	var h1, rooms string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Text("h1", &h1),
		chromedp.Text(".grid", &rooms),
	)
	if h1 != "Thank the people who care." {
		t.Errorf("h1 = %q", h1)
	}
	if !strings.Contains(rooms, "Staff break room") {
		t.Errorf("rooms = %q, want the default room", rooms)
	}
	browsertest.Screenshot(t, ctx, "home-390")

	var body string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/no-such-page"),
		chromedp.Text("body", &body),
	)
	if !strings.Contains(body, "We couldn't find that page") || strings.Contains(body, `"status"`) {
		t.Errorf("404 page shows %q", body)
	}
}
