package browsertest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// setQuietHours sets the dashboard's quiet hours (hospital time); empty
// start and end = none.
func setQuietHours(t *testing.T, app core.App, start, end string) {
	t.Helper()
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingQuietStart, start)
	row.Set(s.SettingQuietEnd, end)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

// quietAround returns quiet hours from an hour before to an hour after t.
func quietAround(t time.Time) (string, string) {
	return t.Add(-time.Hour).Format("15:04"), t.Add(time.Hour).Format("15:04")
}

// textBoxJS returns, for each selector, the box of the first line of text
// of the first visible match, in CSS pixels (the screenshot's, at scale 1).
const textBoxJS = `(function (sels) {
	var out = {};
	sels.forEach(function (sel) {
		var els = document.querySelectorAll(sel), range = document.createRange();
		for (var i = 0; i < els.length; i++) {
			if (!els[i].getClientRects().length) { continue; }
			range.selectNodeContents(els[i]);
			var rs = range.getClientRects();
			for (var k = 0; k < rs.length; k++) {
				if (rs[k].width > 4 && rs[k].height > 4) { out[sel] = {x: rs[k].left, y: rs[k].top, w: rs[k].width, h: rs[k].height}; return; }
			}
		}
	});
	return out;
})`

type box struct{ X, Y, W, H float64 }

// The texts of the screen whose contrast is measured, by what they are.
var measuredTexts = map[string]string{
	"#clock":                            "clock",
	"#date":                             "date",
	".room [dir=auto]":                  "room name",
	".privacy":                          "privacy line",
	".kcard.active .eyebrow":            "card eyebrow",
	".kcard.active .to":                 "note heading",
	".kcard.active .body":               "note text",
	".kcard.active .from":               "note sender",
	".code figcaption strong":           "QR call to action",
	".code .url":                        "QR address",
	".notice:not(.hidden) .notice-text": "announcement",
}

// pixelContrast measures a text's contrast from the screenshot's pixels:
// the background is the box's most common colour, the text colour the
// most common of the clearly different ones (a glyph's solid core; the
// anti-aliased edge pixels are spread over many shades). A text nobody
// can tell from its background has no such pixels: its best pixel counts.
func pixelContrast(img image.Image, b box) (ratio float64, fg, bg [3]uint8) {
	counts := map[[3]uint8]int{}
	r := image.Rect(int(math.Ceil(b.X)), int(math.Ceil(b.Y)), int(math.Floor(b.X+b.W)), int(math.Floor(b.Y+b.H))).Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			counts[[3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}]++
		}
	}
	for c, n := range counts {
		if n > counts[bg] {
			bg = c
		}
	}
	best, bestN := 0.0, 0
	for c, n := range counts {
		ratio := contrast(c, bg)
		if ratio >= 1.5 && n > bestN {
			fg, bestN = c, n
		}
		best = math.Max(best, ratio)
	}
	if bestN == 0 {
		return best, fg, bg
	}
	return contrast(fg, bg), fg, bg
}

// contrast is the WCAG 2 contrast ratio of two sRGB colours.
func contrast(a, b [3]uint8) float64 {
	lum := func(c [3]uint8) float64 {
		ch := func(v uint8) float64 {
			f := float64(v) / 255
			if f <= 0.03928 {
				return f / 12.92
			}
			return math.Pow((f+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c[0]) + 0.7152*ch(c[1]) + 0.0722*ch(c[2])
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// measureContrast screenshots the screen and fails for every listed text
// under 7:1 (AAA: read from 3 m, at night, by tired eyes).
func measureContrast(t *testing.T, ctx context.Context, mode string, must []string) {
	t.Helper()
	sels := make([]string, 0, len(measuredTexts))
	for sel := range measuredTexts {
		sels = append(sels, sel)
	}
	var boxes map[string]box
	browsertest.Run(t, ctx, chromedp.Evaluate(fmt.Sprintf("%s(%s)", textBoxJS, jsonString(t, sels)), &boxes))
	shot, _ := browsertest.Screenshot(t, ctx, "kiosk-contrast-"+mode)
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	for _, sel := range must {
		if _, ok := boxes[sel]; !ok {
			t.Errorf("%s: no %s (%s) on screen to measure", mode, measuredTexts[sel], sel)
		}
	}
	for sel, b := range boxes {
		ratio, fg, bg := pixelContrast(img, b)
		t.Logf("%s: %-18s %5.2f:1 (text #%02x%02x%02x on #%02x%02x%02x)", mode, measuredTexts[sel], ratio, fg[0], fg[1], fg[2], bg[0], bg[1], bg[2])
		if ratio < 7 {
			t.Errorf("%s: %s is %.2f:1 from its pixels, want ≥ 7:1", mode, measuredTexts[sel], ratio)
		}
	}
}

// TestKioskNightContrast: in the quiet hours the screen switches to a
// night palette, and every text (clock, room name, privacy line, note
// text, calls to action, an announcement) is still ≥ 7:1, measured from
// a screenshot's pixels; by day too. (A brightness filter measured 1.01:1
// for the clock.)
func TestKioskNightContrast(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "The night team on 5 West", s.NoteFrom: "Priya",
		s.NoteBody: "You turned a hard night into a kind one. Thank you for covering my breaks.", s.FieldStatus: s.StatusApproved})
	now := time.Now()
	kktest.Create(t, srv.App, s.Announcements, map[string]any{s.AnnouncementText: "Flu jabs in the atrium until 16:00",
		s.AnnouncementStarts: now.Add(-time.Hour), s.AnnouncementEnds: now.Add(time.Hour)})
	setQuietHours(t, srv.App, "", "")

	ctx := browsertest.NewBrowser(t, 1920, 1080)
	// no burn-in drift: the text must not move between measuring its box and the screenshot
	browsertest.Run(t, ctx, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}))
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")
	waitFor(t, ctx, "the note", activeCard("note", "The night team on 5 West"))
	settle(t, ctx)
	all := []string{"#clock", ".room [dir=auto]", ".privacy", ".kcard.active .body", ".kcard.active .to", ".code figcaption strong", ".code .url", ".notice:not(.hidden) .notice-text"}
	measureContrast(t, ctx, "day", all)

	start, end := quietAround(now.In(prefs.Load(srv.App).Location))
	setQuietHours(t, srv.App, start, end)
	waitFor(t, ctx, "the night palette", `document.body.className.indexOf('night') >= 0`)
	settle(t, ctx)
	measureContrast(t, ctx, "night", all)
	browsertest.Screenshot(t, ctx, "kiosk-night-1920")
}

// jsonString encodes a value as a JavaScript literal.
func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
