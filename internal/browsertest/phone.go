package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// PhoneWidth is the viewport of the phone pages' tests (an iPhone 12-15).
const PhoneWidth = 390

// CheckPhoneLayout fails on what makes a phone page hard to use: sideways
// scrolling, a word of a button or label broken across lines, and touch
// targets under 44 px (every button, field,
// button-link and link alone on its line in main, plus any extra
// selectors, e.g. a <summary>).
func CheckPhoneLayout(t testing.TB, ctx context.Context, extra ...string) {
	t.Helper()
	sel := "main button, main input:not([type=hidden]), main textarea, main select, main a.button, main p > a"
	if len(extra) > 0 {
		sel += ", " + strings.Join(extra, ", ")
	}
	var got struct {
		ScrollWidth int      `json:"scrollWidth"`
		Small       []string `json:"small"`
		Split       []string `json:"split"`
	}
	Run(t, ctx, chromedp.Evaluate(`(function (sel) {
		var small = [];
		var els = document.querySelectorAll(sel);
		for (var i = 0; i < els.length; i++) {
			var p = els[i].parentNode;
			// a link inside a sentence is exempt (WCAG 2.5.8); a link alone on its line is a target
			if (p.tagName === 'P' && p.textContent.trim() !== els[i].textContent.trim()) { continue; }
			var r = els[i].getBoundingClientRect();
			if (r.width === 0 || r.left < 0) { continue; } // hidden, or the off-screen honeypot
			if (r.height < 44 || r.width < 44) { small.push((els[i].id || els[i].name || els[i].textContent.trim()) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); }
		}
		// a word of a control or a label broken across lines ("Appro/ve")
		var split = [];
		var labels = document.querySelectorAll('button, .button, label, dt, th, summary');
		for (var j = 0; j < labels.length; j++) {
			var walker = document.createTreeWalker(labels[j], NodeFilter.SHOW_TEXT, null, false), node;
			while ((node = walker.nextNode())) {
				var re = /\S+/g, m;
				while ((m = re.exec(node.data))) {
					var range = document.createRange();
					range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
					var rects = range.getClientRects();
					if (rects.length > 1 && rects[0].top !== rects[rects.length - 1].top) { split.push(m[0] + ' in ' + labels[j].tagName.toLowerCase()); }
				}
			}
		}
		return {scrollWidth: document.documentElement.scrollWidth, small: small, split: split};
	})(`+"`"+sel+"`"+`)`, &got))
	if got.ScrollWidth > PhoneWidth {
		t.Errorf("page scrolls sideways: %d px wide at %d", got.ScrollWidth, PhoneWidth)
	}
	for _, el := range got.Small {
		t.Errorf("touch target under 44 px: %s", el)
	}
	for _, w := range got.Split {
		t.Errorf("a word broken across lines: %s", w)
	}
}
