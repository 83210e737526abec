package browsertest_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// skewedClock makes the page's clock (Date and Date.now) run
// window.kkTestShift ms off, like a Raspberry Pi without NTP; a test can
// change the shift later (a clock set by hand). performance.now, the
// monotonic clock, is left alone, as on a real device.
const skewedClock = `(function () {
	var Real = Date;
	window.kkTestShift = %d;
	class Skewed extends Real {
		constructor() { if (arguments.length) { super(...arguments); } else { super(Real.now() + window.kkTestShift); } }
		static now() { return Real.now() + window.kkTestShift; }
	}
	window.Date = Skewed;
})();`

// TestKioskServerClock: a TV whose clock is 9 hours slow (and set to
// another time zone) still shows the server's time in the hospital's time
// zone, and goes dark by the server's clock; its clock jumping later
// changes nothing.
func TestKioskServerClock(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	seedKiosk(t, srv.App)
	const zone = "Asia/Tokyo"
	row, err := srv.App.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, zone)
	if err := srv.App.Save(row); err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	tvSlow := -9 * time.Hour
	// quiet hours around the hospital's time now: night by the server,
	// day by the TV's own clock
	qs, qe := quietAround(time.Now().In(loc))
	setQuietHours(t, srv.App, qs, qe)

	ctx := browsertest.NewBrowser(t, 1280, 720)
	browsertest.Run(t, ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(fmt.Sprintf(skewedClock, tvSlow.Milliseconds())).Do(ctx)
			return err
		}),
		emulation.SetTimezoneOverride("America/Los_Angeles"),
	)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room")
	var tvHour int
	browsertest.Run(t, ctx, chromedp.Evaluate(`new Date().getUTCHours()`, &tvHour))
	if want := time.Now().UTC().Add(tvSlow).Hour(); tvHour != want && tvHour != (want+1)%24 {
		t.Fatalf("the test's skewed clock is not in place: TV UTC hour %d, want %d", tvHour, want)
	}

	checkClock := func(when string) {
		t.Helper()
		settleTick(t)
		var shown string
		browsertest.Run(t, ctx, chromedp.Text("#clock", &shown, chromedp.ByQuery))
		now := time.Now().In(loc)
		if shown != now.Format("15:04") && shown != now.Add(-time.Minute).Format("15:04") {
			t.Errorf("%s: clock shows %s, the server's time in %s is %s", when, shown, zone, now.Format("15:04"))
		}
	}
	checkClock("9 hours slow")
	waitFor(t, ctx, "night by the server's clock", `document.body.className.indexOf('night') >= 0`)
	browsertest.Screenshot(t, ctx, "kiosk-night-1280x720")

	// the gap was learned from responses (the Date header), and kept for a
	// reboot while the server is away
	var saved string
	browsertest.Run(t, ctx, chromedp.Evaluate(`localStorage.getItem('kkSkew') || ''`, &saved))
	if ms, err := strconv.ParseFloat(saved, 64); err != nil || time.Duration(ms)*time.Millisecond-(-tvSlow) > 3*time.Second || (-tvSlow)-time.Duration(ms)*time.Millisecond > 3*time.Second {
		t.Errorf("saved skew %q ms, want about %d", saved, (-tvSlow).Milliseconds())
	}

	// quiet hours around the TV's own (wrong) time: day, by the server
	qs, qe = quietAround(time.Now().In(loc).Add(tvSlow))
	setQuietHours(t, srv.App, qs, qe)
	waitFor(t, ctx, "day by the server's clock", `document.body.className.indexOf('night') < 0`)

	// someone sets the TV's clock 3 hours fast, by hand
	browsertest.Run(t, ctx, chromedp.Evaluate(`window.kkTestShift = 3 * 3600 * 1000; true`, nil))
	checkClock("after the TV's clock jumped")
}

// settleTick waits for the screen's next clock tick (once a second).
func settleTick(t *testing.T) {
	t.Helper()
	time.Sleep(1500 * time.Millisecond)
}
