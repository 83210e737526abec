package browsertest_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

const publicURL = "http://kindness.hospital.example"

// seedKiosk adds what a break room would show on an ordinary day.
func seedKiosk(t *testing.T, app core.App) (pending *core.Record) {
	t.Helper()
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "The night team on 5 West", s.NoteFrom: "Priya",
		s.NoteBody: "You turned a hard night into a kind one. *Thank you* for covering my breaks.", s.FieldRoom: room.Id, s.FieldStatus: s.StatusApproved})
	starts := types.NowDateTime().Add(50 * time.Hour)
	kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Schwartz Rounds: the patient I remember", s.EventStarts: starts,
		s.EventEnds: starts.Add(time.Hour), s.EventPlace: "Education centre, room 2", s.EventCapacity: 20, s.FieldStatus: s.StatusPublished})
	return kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Dr Okafor", s.NoteBody: "For staying late to teach us.",
		s.FieldRoom: room.Id, s.FieldStatus: s.StatusPending})
}

// api calls the REST API as a superuser, as the dashboard does.
func api(t *testing.T, srv *browsertest.Server, method, path, body string) {
	t.Helper()
	token := superuserToken(t, srv.App)
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("%s %s: %d", method, path, res.StatusCode)
	}
}

func superuserToken(t *testing.T, app core.App) string {
	t.Helper()
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "moderator@hospital.example")
	if err != nil {
		col, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			t.Fatal(err)
		}
		su = core.NewRecord(col)
		su.SetEmail("moderator@hospital.example")
		su.SetPassword("a-long-test-password")
		if err := app.Save(su); err != nil {
			t.Fatal(err)
		}
	}
	token, err := su.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// waitFor polls a JavaScript condition in the page until it holds, or
// until shortly before the test's own deadline (-timeout): a busy machine
// is slow, not wrong. Errors while the page navigates (a reload) count as
// "not yet".
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := testDeadline(t)
	var lastErr error
	for time.Now().Before(deadline) {
		var ok bool
		evalCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		lastErr = chromedp.Run(evalCtx, chromedp.Evaluate(js, &ok))
		cancel()
		if lastErr == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (last error: %v)", what, lastErr)
}

// waitUntil polls js until it is true, until the later of soft (when the
// answer can no longer change) and one more poll, and never past hard;
// it reports whether js came true. For a caller that has its own failure
// message with the page's state.
func waitUntil(ctx context.Context, js string, soft, hard time.Time) bool {
	if soft.After(hard) {
		soft = hard
	}
	for {
		var ok bool
		evalCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := chromedp.Run(evalCtx, chromedp.Evaluate(js, &ok))
		cancel()
		if err == nil && ok {
			return true
		}
		if time.Now().After(soft) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// testDeadline is when a polling loop must give up: a little before the
// test binary's -timeout (testwait), so the failure says what was missing.
func testDeadline(t *testing.T) time.Time { return time.Now().Add(testwait.Left(t)) }

// openKiosk opens a screen and waits until it is live (realtime connected).
func openKiosk(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browsertest.Run(t, ctx, chromedp.Navigate(url))
	waitFor(t, ctx, "the realtime connection", connected)
}

// activeCard is a JavaScript condition: the card on screen is of this kind
// and shows every one of these texts.
func activeCard(kind string, texts ...string) string {
	js := fmt.Sprintf(`(function (el) { if (!el || el.getAttribute('data-kind') !== %q) { return false; } var t = el.innerText;`, kind)
	for _, text := range texts {
		js += fmt.Sprintf(` if (t.indexOf(%q) < 0) { return false; }`, text)
	}
	return js + ` return true; })(document.querySelector('.kcard.active'))`
}

const connected = `document.body.className.indexOf('js') >= 0 && document.getElementById('status').className.indexOf('hidden') >= 0`

// TestKioskLive is the break-room screen as staff see it: notes and
// events at 1920×1080, an approval that appears without a reload, a
// rejection that leaves, and a server restart the screen rides out
// (reconnecting mark, then the new content, never an error page).
func TestKioskLive(t *testing.T) {
	dir := t.TempDir()
	srv := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, AppURL: publicURL})
	pending := seedKiosk(t, srv.App)
	ctx := browsertest.NewBrowser(t, 1920, 1080)

	// the screen rotates every 3 s here: each check waits for its card and
	// reads it in one step, so a rotation between two reads can't fool it
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room?dwell=3")
	waitFor(t, ctx, "the note card", activeCard("note", "The night team on 5 West", "You turned a hard night", "Priya"))
	waitFor(t, ctx, "the event card", activeCard("event", "Schwartz Rounds", "20 seats left", "Education centre"))
	assertFits(t, ctx)
	settle(t, ctx)
	browsertest.Screenshot(t, ctx, "kiosk-1920")

	// a moderator approves a note in the dashboard: it reaches the screen,
	// anonymous as written
	api(t, srv, http.MethodPatch, "/api/collections/notes/records/"+pending.Id, `{"status":"approved"}`)
	waitFor(t, ctx, "the approved note on screen", activeCard("note", "Dr Okafor", "For staying late to teach us.", "A colleague")+
		fmt.Sprintf(` && document.querySelector('.kcard.active').getAttribute('data-id') === %q`, pending.Id))
	// and a rejection takes it off again
	api(t, srv, http.MethodPatch, "/api/collections/notes/records/"+pending.Id, `{"status":"rejected"}`)
	waitFor(t, ctx, "the rejected note gone", fmt.Sprintf(`!document.querySelector('.kcard[data-id="%s"]')`, pending.Id))

	// IT restarts the service: the screen keeps its content, says it is reconnecting
	srv.Stop()
	waitFor(t, ctx, "the reconnecting mark", `document.getElementById('status').className.indexOf('hidden') < 0`)
	var status string
	browsertest.Run(t, ctx, chromedp.Text("#status", &status))
	if status != "Reconnecting…" {
		t.Errorf("status mark = %q", status)
	}
	assertStillKiosk(t, ctx)
	settle(t, ctx)
	browsertest.Screenshot(t, ctx, "kiosk-reconnecting")

	// while it was down a note was approved; the screen re-syncs on reconnect
	srv2 := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, Addr: srv.Addr, AppURL: publicURL})
	late := kktest.Create(t, srv2.App, s.Notes, map[string]any{s.NoteTo: "Housekeeping", s.NoteBody: "The ward sparkles.", s.FieldStatus: s.StatusApproved})
	waitFor(t, ctx, "reconnected", connected)
	waitFor(t, ctx, "the note approved during the restart", fmt.Sprintf(`!!document.querySelector('.kcard[data-id="%s"]')`, late.Id))
	assertStillKiosk(t, ctx)
}

// assertStillKiosk fails if the browser left the kiosk page (e.g. for an
// error page).
func assertStillKiosk(t *testing.T, ctx context.Context) {
	t.Helper()
	var ok bool
	browsertest.Run(t, ctx, chromedp.Evaluate(`location.pathname === '/kiosk/break-room' && !!document.getElementById('deck')`, &ok))
	if !ok {
		t.Fatal("the screen is no longer the kiosk page")
	}
}

// assertFits checks the screen has no scrollbars and the codes are big.
func assertFits(t *testing.T, ctx context.Context) {
	t.Helper()
	var r struct {
		ScrollW, ScrollH, W, H int
		QR                     float64
		Body                   float64
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(`({ScrollW: document.documentElement.scrollWidth, ScrollH: document.documentElement.scrollHeight,
		W: innerWidth, H: innerHeight, QR: document.querySelector('.code img').getBoundingClientRect().width,
		Body: parseFloat(getComputedStyle(document.querySelector('.kcard.active .body, .kcard.active .when-where')).fontSize)})`, &r))
	if r.ScrollW > r.W || r.ScrollH > r.H {
		t.Errorf("page overflows the screen: %dx%d in %dx%d", r.ScrollW, r.ScrollH, r.W, r.H)
	}
	if min := float64(min(r.W, r.H)) / 4; r.QR < min {
		t.Errorf("QR code %.0f px wide, want ≥ %.0f at %dx%d", r.QR, min, r.W, r.H)
	}
	if r.W >= 1920 && r.H >= 1080 && r.Body < 32 { // the 3 m rule is for the landscape TV
		t.Errorf("card text %.0f px at 1080p, want ≥ 32", r.Body)
	}

	// every visible piece of text against the background it sits on
	var low []string
	browsertest.Run(t, ctx, chromedp.Evaluate(contrastJS, &low))
	for _, l := range low {
		t.Errorf("contrast below 7:1: %s", l)
	}
}

// contrastJS lists visible text (not decoration) whose WCAG contrast ratio with its nearest
// opaque background is under 7:1 (AAA), for a screen read from 3 m.
const contrastJS = `(function () {
	function rgb(c) { var m = c.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
	function lum(c) {
		function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
		return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
	}
	function bg(el) {
		for (; el; el = el.parentElement) { var c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0.5) { return c; } }
		return {r: 255, g: 255, b: 255, a: 1};
	}
	var low = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;
	while ((n = walker.nextNode())) {
		var el = n.parentElement, text = n.textContent.trim();
		if (!text || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') { continue; }
		if (el.closest('[aria-hidden=true]')) { continue; } // decoration, e.g. the heart
		var a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
		var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		if (ratio < 7) { low.push(text.slice(0, 40) + ' (' + ratio.toFixed(1) + ':1)'); }
	}
	return low;
})()`

// TestKioskQRCodesScan: at 1280×720 and on a portrait tablet the screen
// shows its notes and events, fits, and its codes decode exactly as drawn
// (and the poster's too).
func TestKioskQRCodesScan(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	seedKiosk(t, srv.App)
	want := []string{publicURL + "/notes/new?room=break-room", publicURL + "/events?room=break-room"}

	for _, size := range [][2]int{{1280, 720}, {800, 1280}} {
		ctx := browsertest.NewBrowser(t, size[0], size[1])
		openKiosk(t, ctx, srv.URL+"/kiosk/break-room?dwell=3")
		waitFor(t, ctx, "the note card", activeCard("note", "The night team on 5 West", "Priya"))
		waitFor(t, ctx, "the event card", activeCard("event", "Schwartz Rounds", "20 seats left"))
		assertFits(t, ctx)
		settle(t, ctx)
		browsertest.Screenshot(t, ctx, fmt.Sprintf("kiosk-%dx%d", size[0], size[1]))
		for i, url := range want {
			var png []byte
			browsertest.Run(t, ctx, chromedp.Screenshot(fmt.Sprintf(".codes .code:nth-child(%d) img", i+1), &png, chromedp.ByQuery))
			if got := browsertest.DecodeQR(t, png); got != url {
				t.Errorf("%dx%d code %d = %q, want %q", size[0], size[1], i+1, got, url)
			}
			// and its address printed beside it, short, for a phone without a camera or a screen reader
			var printed string
			browsertest.Run(t, ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelector('.codes .code:nth-child(%d) .url').textContent`, i+1), &printed))
			if short := strings.TrimPrefix(url, "http://"); printed != short {
				t.Errorf("%dx%d code %d is printed %q, want %q", size[0], size[1], i+1, printed, short)
			}
		}
	}

	ctx := browsertest.NewBrowser(t, 794, 1123) // A4 at 96 dpi
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/posters/break-room"))
	browsertest.Screenshot(t, ctx, "poster-a4")
	for i, url := range want {
		var png []byte
		browsertest.Run(t, ctx, chromedp.Screenshot(fmt.Sprintf(".codes figure:nth-child(%d) img", i+1), &png, chromedp.ByQuery))
		if got := browsertest.DecodeQR(t, png); got != url {
			t.Errorf("poster code %d = %q, want %q", i+1, got, url)
		}
	}
}

// TestKioskEmptyThenRoomDeleted: a new room shows its gentle empty state;
// a room removed while its screen shows it says so.
func TestKioskEmptyThenRoomDeleted(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	ctx := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")
	waitFor(t, ctx, "the empty state", `document.body.innerText.indexOf('Be the first to thank someone today') >= 0`)
	settle(t, ctx)
	browsertest.Screenshot(t, ctx, "kiosk-empty")

	room, err := srv.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	api(t, srv, http.MethodPatch, "/api/collections/rooms/records/"+room.Id, `{"active":false}`)
	waitFor(t, ctx, "the room-gone message", `document.body.innerText.indexOf('no longer set up') >= 0`)
	assertStillKiosk(t, ctx)
	settle(t, ctx)
	browsertest.Screenshot(t, ctx, "kiosk-room-gone")
}

// settle waits out the card's fade-in, so a screenshot shows what a
// person sees once it has appeared (not a measurement).
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.Run(t, ctx, chromedp.Sleep(1800*time.Millisecond))
}

// TestKioskRebootWhileServerDown: a TV that reloads (or reboots) while the
// server is away shows its last screen from the service worker's cache,
// not a browser error page, and reconnects when the server is back.
func TestKioskRebootWhileServerDown(t *testing.T) {
	dir := t.TempDir()
	srv := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, AppURL: publicURL})
	seedKiosk(t, srv.App)
	ctx := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")

	cached := `caches.keys().then(function (ks) { return Promise.all(ks.map(function (k) { return caches.open(k).then(function (c) { return c.match(location.href); }); })); })
		.then(function (rs) { return !!navigator.serviceWorker.controller && rs.some(Boolean); })`
	deadline := time.Now().Add(testwait.Left(t))
	for ok := false; !ok; {
		browsertest.Run(t, ctx, chromedp.Evaluate(cached, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		if !ok && time.Now().After(deadline) {
			t.Fatal("the service worker never cached the screen")
		}
		if !ok {
			time.Sleep(200 * time.Millisecond)
		}
	}

	srv.Stop()
	browsertest.Run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the cached screen with its note", `!!document.getElementById('deck') && document.body.innerText.indexOf('The night team on 5 West') >= 0`)
	waitFor(t, ctx, "the reconnecting mark", `document.getElementById('status').className.indexOf('hidden') < 0`)
	assertStillKiosk(t, ctx)

	browsertest.StartServerWith(t, browsertest.Options{Dir: dir, Addr: srv.Addr, AppURL: publicURL})
	waitFor(t, ctx, "reconnected", connected)
}

// TestKioskReloadsAfterUpgrade: a new release deployed while a screen is
// showing (here: a changed asset) makes the screen reload itself once the
// new server answers, so TVs never run an old script against a new server.
func TestKioskReloadsAfterUpgrade(t *testing.T) {
	dir := t.TempDir()
	srv := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, AppURL: publicURL})
	seedKiosk(t, srv.App)
	ctx := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")
	var before string
	browsertest.Run(t, ctx, chromedp.Evaluate(`window.kkOldPage = true; document.body.getAttribute('data-version')`, &before))

	srv.Stop()
	release := fstest.MapFS{}
	err := fs.WalkDir(pb_public.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(pb_public.FS, p)
		release[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	release["css/kiosk.css"].Data = append(release["css/kiosk.css"].Data, []byte("\n/* next release */\n")...)
	browsertest.StartServerWith(t, browsertest.Options{Dir: dir, Addr: srv.Addr, AppURL: publicURL, Public: release})

	waitFor(t, ctx, "the screen reloaded with the new release",
		fmt.Sprintf(`!window.kkOldPage && !!document.body && document.body.getAttribute('data-version') !== %q && !!document.getElementById('deck')`, before))
	waitFor(t, ctx, "the realtime connection after the upgrade", connected)
	assertStillKiosk(t, ctx)
}

// TestKioskQuietHours: during the quiet hours set in the dashboard the
// screen turns to its night palette (no brightness filter: that made the
// text unreadable, see TestKioskNightContrast); it is set live, without
// touching the TV.
func TestKioskQuietHours(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	seedKiosk(t, srv.App)
	ctx := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")
	var night bool
	browsertest.Run(t, ctx, chromedp.Evaluate(`document.body.className.indexOf('night') >= 0`, &night))
	if night {
		t.Fatal("dimmed without quiet hours")
	}

	row, err := srv.App.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(prefs.Load(srv.App).Location)
	row.Set(s.SettingQuietStart, now.Add(-time.Hour).Format("15:04"))
	row.Set(s.SettingQuietEnd, now.Add(time.Hour).Format("15:04"))
	if err := srv.App.Save(row); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the night palette", `document.body.className.indexOf('night') >= 0 && getComputedStyle(document.body).backgroundColor === 'rgb(13, 9, 6)'`)
	var filter string
	browsertest.Run(t, ctx, chromedp.Evaluate(`getComputedStyle(document.getElementById('frame')).filter`, &filter))
	if filter != "none" {
		t.Errorf("the night screen is filtered (%s): text must keep its own colours", filter)
	}
}
