package browsertest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// textSizesJS lists every text of the page under the given size, visible
// or waiting its turn (other cards, the reconnecting mark), and the
// visible texts it measured.
const textSizesJS = `(function (floor) {
	var small = [], seen = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;
	while ((n = walker.nextNode())) {
		var text = n.nodeValue.trim(), el = n.parentElement;
		if (!text || el.closest('script, style, noscript')) { continue; }
		var size = parseFloat(getComputedStyle(el).fontSize);
		if (size < floor) { small.push(text.slice(0, 40) + ' (' + size.toFixed(1) + ' px)'); }
		if (el.getClientRects().length) { seen.push(text); }
	}
	return {small: small, seen: seen.join('')};
})`

// TestKioskTextSizes: at 1080p every text on the screen is at least
// 32 px (readable from 3 m), the calls to action and the privacy reminder
// included, for every kind of card, an announcement and the setup note.
func TestKioskTextSizes(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	seedKiosk(t, srv.App)
	kktest.Create(t, srv.App, s.Stories, map[string]any{s.StoryTitle: "The quiet hand", s.StoryBody: "She held the door and the hand of a frightened man.",
		s.StoryAuthor: "Sam", s.FieldStatus: s.StatusPublished})
	kktest.Create(t, srv.App, s.Announcements, map[string]any{s.AnnouncementText: "Flu jabs in the atrium today",
		s.AnnouncementStarts: time.Now().Add(-time.Hour), s.AnnouncementEnds: time.Now().Add(time.Hour)})
	ctx := browsertest.NewBrowser(t, 1920, 1080)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room?dwell=3")

	for _, kind := range []string{"note", "story", "event"} {
		waitFor(t, ctx, "the "+kind+" card", activeCard(kind))
		checkTextSizes(t, ctx, kind, "Say thank you", "Join an event", "Please never include patient details", "kindness.hospital.example/notes/new?room=break-room",
			"Flu jabs in the atrium today")
	}

	// before the base URL is set, the setup note takes the codes' place
	local := browsertest.StartServer(t) // AppURL = its own loopback address: phones can't reach it
	ctx = browsertest.NewBrowser(t, 1920, 1080)
	openKiosk(t, ctx, local.URL+"/kiosk/break-room")
	checkTextSizes(t, ctx, "setup", "Almost ready", "Settings → Application URL")
	browsertest.Screenshot(t, ctx, "kiosk-setup-1920")
}

func checkTextSizes(t *testing.T, ctx context.Context, state string, mustSee ...string) {
	t.Helper()
	var r struct {
		Small []string
		Seen  string
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(textSizesJS+"(32)", &r))
	for _, s := range r.Small {
		t.Errorf("%s: text under 32 px at 1080p: %s", state, s)
	}
	seen := strings.ReplaceAll(r.Seen, "\u200b", "")
	for _, want := range mustSee {
		if !strings.Contains(seen, want) {
			t.Errorf("%s: %q is not among the visible texts measured", state, want)
		}
	}
}

// reducedMotion makes the browser report prefers-reduced-motion: reduce.
func reducedMotion() chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}})
}

// motionJS reports what moves: the active card's animation, the whole
// screen's burn-in drift, and how opaque the card is right now.
const motionJS = `(function () {
	var card = document.querySelector('.kcard.active'), frame = document.getElementById('frame');
	return {ID: card ? card.getAttribute('data-id') : '', Animation: card ? getComputedStyle(card).animationName : '',
		Opacity: card ? parseFloat(getComputedStyle(card).opacity) : 0, Drift: frame.style.transform || '',
		Transition: getComputedStyle(frame).transitionDuration};
})()`

type motion struct {
	ID, Animation, Drift, Transition string
	Opacity                          float64
}

// TestKioskReducedMotion: with prefers-reduced-motion the screen neither
// fades nor drifts; cards change as still pages (each shown whole at
// once); without it, the fade and the drift are there.
func TestKioskReducedMotion(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	seedKiosk(t, srv.App)

	still := browsertest.NewBrowser(t, 1280, 720)
	browsertest.Run(t, still, reducedMotion())
	openKiosk(t, still, srv.URL+"/kiosk/break-room?dwell=3")
	var first motion
	browsertest.Run(t, still, chromedp.Evaluate(motionJS, &first))
	// the page turns: catch the new card the moment it is there
	var turned motion
	deadline := testDeadline(t)
	for time.Now().Before(deadline) {
		browsertest.Run(t, still, chromedp.Evaluate(motionJS, &turned))
		if turned.ID != "" && turned.ID != first.ID {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if turned.ID == first.ID {
		t.Fatal("the cards never changed")
	}
	for _, m := range []motion{first, turned} {
		if m.Animation != "none" || m.Opacity < 1 {
			t.Errorf("reduced motion: card %s animates (%s, opacity %.2f)", m.ID, m.Animation, m.Opacity)
		}
		if m.Drift != "" || m.Transition != "0s" {
			t.Errorf("reduced motion: the screen drifts (%q, transition %s)", m.Drift, m.Transition)
		}
	}

	// the same screen for everyone else: it fades, and drifts against burn-in
	moving := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, moving, srv.URL+"/kiosk/break-room?dwell=3")
	var m motion
	browsertest.Run(t, moving, chromedp.Evaluate(motionJS, &m))
	if m.Animation != "kfade" || !strings.HasPrefix(m.Drift, "translate(") {
		t.Errorf("motion allowed: want the fade and the drift, got %+v", m)
	}
}
