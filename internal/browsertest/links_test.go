package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/demo"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// standaloneLinks are links that stand on their own line (not inside a
// sentence): on a phone they are touch targets like buttons.
var standaloneLinks = []string{
	".site-header .brand", ".eyebrow > a", ".card h3 > a", ".grid .card p > a", "main p > a:only-child",
}

// TestStandaloneLinksAreTouchTargets: the brand, "All events", "Back to the
// start page", the event titles and the room links were 16-30 px tall.
func TestStandaloneLinksAreTouchTargets(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServer(t)
	if err := demo.Seed(srv.App); err != nil {
		t.Fatal(err)
	}
	ev, err := srv.App.FindFirstRecordByFilter(s.Events, "status = 'published'")
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	for _, path := range []string{"/", "/events", "/events/" + ev.Id, "/notes/sent", "/events/" + ev.Id + "/signed-up"} {
		t.Run(path, func(t *testing.T) {
			browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+path))
			browsertest.CheckPhoneLayout(t, ctx, standaloneLinks...)
		})
	}
}
