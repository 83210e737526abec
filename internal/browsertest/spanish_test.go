package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// englishOnly is every English catalogue message that Spanish says
// differently, as a person would see it (one-off words like "Kindness
// Kiosk" are the same in both and don't count).
func englishOnly() map[string]string {
	out := map[string]string{}
	for _, k := range i18n.Keys(i18n.English) {
		en, es := i18n.English.T(k), i18n.Spanish.T(k)
		if en == es || k == "lang.name" /* the switch back to English */ || len([]rune(en)) < 4 || strings.Contains(en, "<no value>") || strings.Contains(en, "{{") || i18n.IsHTMLKey(k) {
			continue
		}
		out[en] = k
	}
	return out
}

// TestEveryPhonePageInSpanish opens every page state with the Spanish
// switch on, at 390×844, and fails on any text (or alt, title, aria-label)
// that is an English catalogue message: a key a template forgot, or words
// left in Go. It saves the screenshots (KK_SCREENSHOTS=docs for
// docs/screenshots/es-*.png); the screen is shot at 1920×1080 in a room set
// to Spanish.
func TestEveryPhonePageInSpanish(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: "https://kindness.hospital.example"})
	states := seedAxe(t, srv)
	english := englishOnly()
	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/lang/es?next=/"), chromedp.WaitVisible("main", chromedp.ByQuery))
	for _, st := range states {
		if st.roomLang != "" {
			continue // the screen, below
		}
		openState(t, ctx, srv.URL, st)
		var texts []string
		browsertest.Run(t, ctx, chromedp.WaitVisible(st.want, chromedp.ByQuery), chromedp.Evaluate(`(function () {
			var out = [], w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
			for (var n = w.currentNode; n; n = w.nextNode()) {
				if (n.nodeType === 3) { if (n.parentNode.closest('script, style, textarea')) { continue; } out.push(n.nodeValue.trim()); continue; }
				['alt', 'title', 'aria-label', 'placeholder'].forEach(function (a) { if (n.hasAttribute(a)) { out.push(n.getAttribute(a).trim()); } });
			}
			return out;
		})()`, &texts))
		for _, x := range texts {
			if k, ok := english[x]; ok {
				t.Errorf("%s in Spanish shows English %q (%s)", st.name, x, k)
			}
		}
		if st.name == "poster" { // a sheet of paper, not a phone page
			browsertest.Run(t, ctx, chromedp.EmulateViewport(900, 1273))
			browsertest.Screenshot(t, ctx, "es-poster")
			browsertest.Run(t, ctx, chromedp.EmulateViewport(browsertest.PhoneWidth, 844))
			continue
		}
		browsertest.Screenshot(t, ctx, "es-"+shotName(st.name))
	}

	// the screen, in a room that speaks Spanish, at 1080p
	setRoomLanguage(t, srv.App, s.RoomLanguageES)
	tv := browsertest.NewBrowser(t, 1920, 1080)
	browsertest.Run(t, tv, chromedp.Navigate(srv.URL+"/kiosk/"+s.DefaultRoomSlug), chromedp.WaitVisible(".kcard.active", chromedp.ByQuery),
		chromedp.Poll(`getComputedStyle(document.querySelector('.kcard.active')).opacity === '1'`, nil))
	var texts []string
	browsertest.Run(t, tv, chromedp.Evaluate(`Array.prototype.map.call(document.querySelectorAll('body *:not(script)'), function (e) {
		return Array.prototype.filter.call(e.childNodes, function (c) { return c.nodeType === 3; }).map(function (c) { return c.nodeValue.trim(); }).join('');
	})`, &texts))
	for _, x := range texts {
		if k, ok := english[x]; ok {
			t.Errorf("the Spanish screen shows English %q (%s)", x, k)
		}
	}
	browsertest.Screenshot(t, tv, "es-kiosk-1920")
}

// shotName turns a state's name into a file name: "sign-up, event
// cancelled" → "sign-up-event-cancelled".
func shotName(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }), "-")
}
