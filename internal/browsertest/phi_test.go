package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
)

// TestPHIWarningInPlainWords: what a writer sees when the guard finds
// something: each finding in plain words with its context, a first name
// included, and the bypass characters gone from what will be stored.
func TestPHIWarningInPlainWords(t *testing.T) {
	srv := browsertest.StartServer(t)
	ctx := browsertest.NewBrowser(t, 390, 844)
	// NBSP and full-width digits, as pasted from an EHR
	const risky = "Thank you for singing to little Sophie in bed\u00a012 when she was scared of the drip. ＭＲＮ １２３４５６７ is fixed too!"
	var warning, kept string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/notes/new"),
		chromedp.WaitVisible("#to", chromedp.ByQuery),
		chromedp.SendKeys("#to", "Priya on 4 West", chromedp.ByQuery),
		chromedp.SetValue("#body", risky, chromedp.ByQuery),
		chromedp.Click(`form button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".phi-warning", chromedp.ByQuery),
		chromedp.Text(".phi-warning ul", &warning, chromedp.ByQuery),
		chromedp.Value("#body", &kept, chromedp.ByQuery),
	)
	for _, want := range []string{
		"“Sophie” looks like a patient's first name near “bed 12”",
		"“bed 12” looks like a bed or room number",
		"“1234567” looks like a record or patient number near “MRN”",
	} {
		if !strings.Contains(warning, want) {
			t.Errorf("warning %q lacks %q", warning, want)
		}
	}
	if !strings.Contains(kept, "bed 12") || !strings.Contains(kept, "MRN 1234567") {
		t.Errorf("the form gives back %q: want the normalised text that will be stored", kept)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "phi-warning-words")
}
