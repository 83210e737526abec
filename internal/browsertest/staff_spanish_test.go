package browsertest_test

import (
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// staffShots are the staff page states saved as screenshots, at a phone's
// 390×844 and a desk's 1280×800 (KK_SCREENSHOTS=docs/screenshots for
// docs/screenshots/i18n-staff-*.png).
var staffShots = map[string]string{
	"desk queue (flagged note, dark screen, announcement)": "desk-queue",
	"organise new event errors":                            "organise-new-errors",
	"nominate":                                             "nominate",
	"nominations":                                          "nominations",
}

// TestStaffPagesInSpanish opens every staff page state (the desk, the
// organisers' pages, nominations, the card and the huddle sheet) signed
// in, with the Spanish switch on, and fails on any text (or alt, title,
// aria-label, placeholder) that is an English catalogue message.
func TestStaffPagesInSpanish(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: "https://kindness.hospital.example"})
	seedAxe(t, srv)
	states, cookie := seedAxeStaff(t, srv)
	english := englishOnly()
	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/lang/es?next=/"), chromedp.WaitVisible("main", chromedp.ByQuery))
	staffSession(t, ctx, srv, cookie)
	for _, st := range states {
		openState(t, ctx, srv.URL, st)
		var texts []string
		var lang string
		browsertest.Run(t, ctx, chromedp.WaitVisible(st.want, chromedp.ByQuery), chromedp.Evaluate(`document.documentElement.lang`, &lang),
			chromedp.Evaluate(`(function () {
			var out = [], w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
			for (var n = w.currentNode; n; n = w.nextNode()) {
				if (n.nodeType === 3) { if (n.parentNode.closest('script, style, textarea')) { continue; } out.push(n.nodeValue.trim()); continue; }
				['alt', 'title', 'aria-label', 'placeholder'].forEach(function (a) { if (n.hasAttribute(a)) { out.push(n.getAttribute(a).trim()); } });
			}
			return out;
		})()`, &texts))
		if lang != "es" {
			t.Errorf("%s: <html lang=%q>, want es", st.name, lang)
		}
		for _, x := range texts {
			if k, ok := english[x]; ok {
				t.Errorf("%s in Spanish shows English %q (%s)", st.name, x, k)
			}
		}
		if shot, ok := staffShots[st.name]; ok {
			browsertest.CheckPhoneLayout(t, ctx)
			browsertest.Screenshot(t, ctx, "i18n-staff-"+shot+"-390")
			browsertest.Run(t, ctx, chromedp.EmulateViewport(1280, 800))
			browsertest.Screenshot(t, ctx, "i18n-staff-"+shot+"-1280")
			browsertest.Run(t, ctx, chromedp.EmulateViewport(browsertest.PhoneWidth, 844))
		}
	}

	// desk.js's own sentence, when the queue changes under a busy
	// moderator, comes from the page in the page's language
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/moderate"), chromedp.WaitVisible("#desk.js-on", chromedp.ByQuery),
		chromedp.Evaluate(`document.dispatchEvent(new Event('pointerdown')); true`, nil))
	kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "the day team", s.NoteBody: "Thanks!", s.FieldStatus: s.StatusPending})
	var offer string
	browsertest.Run(t, ctx, chromedp.Evaluate(`document.dispatchEvent(new Event('visibilitychange')); true`, nil),
		chromedp.WaitVisible("#desk-new", chromedp.ByID), chromedp.Text("#desk-new", &offer, chromedp.ByID))
	if !regexp.MustCompile(`^La cola cambió \(\d+ pendientes\): mostrarla$`).MatchString(offer) {
		t.Errorf("the desk's offer says %q", offer)
	}
}
