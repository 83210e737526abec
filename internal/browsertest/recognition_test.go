package browsertest_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestThankYouReachesTheirUnit (issue 13): a note for 4 West written in
// the break room is on neither screen while it waits, on both after a
// moderator approves it, and never on the ICU's. Then its card and 4 West's
// huddle sheet print to PDF.
func TestThankYouReachesTheirUnit(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	breakRoom, err := srv.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	west := kktest.Create(t, srv.App, s.Rooms, map[string]any{s.RoomName: "4 West", s.RoomSlug: "4-west", s.RoomUnit: "Medicine", s.RoomActive: true})
	kktest.Create(t, srv.App, s.Rooms, map[string]any{s.RoomName: "ICU", s.RoomSlug: "icu", s.RoomActive: true})
	note := kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "Dr Lee and the 4 West night team", s.NoteFrom: "Sam (FY1)",
		s.NoteBody: "Thank you for the calmest handover of my life, and for the *toast* at 4am.", s.FieldRoom: breakRoom.Id,
		s.NoteForRoom: west.Id, s.FieldStatus: s.StatusPending})

	// one browser per screen, as in the hospital (a background tab's
	// timers are throttled, which no break-room TV does)
	screens := map[string]context.Context{}
	for _, slug := range []string{"break-room", "4-west", "icu"} {
		screens[slug] = browsertest.NewBrowser(t, 1280, 720)
		openKiosk(t, screens[slug], srv.URL+"/kiosk/"+slug+"?dwell=2")
	}
	present := fmt.Sprintf(`!!document.querySelector('.kcard[data-id="%s"]')`, note.Id)
	for slug, tab := range screens {
		var shown bool
		browsertest.Run(t, tab, chromedp.Evaluate(present, &shown))
		if shown {
			t.Errorf("%s shows the note before approval", slug)
		}
	}

	api(t, srv, http.MethodPatch, "/api/collections/notes/records/"+note.Id, `{"status":"approved"}`)
	for _, slug := range []string{"break-room", "4-west"} {
		waitFor(t, screens[slug], "the approved note on "+slug, present)
	}
	waitFor(t, screens["4-west"], "the note on 4 West's screen, readable", activeCard("note", "Dr Lee and the 4 West night team", "toast", "Sam (FY1)"))
	settle(t, screens["4-west"])
	browsertest.Screenshot(t, screens["4-west"], "recognition-4west-screen")
	var onICU bool
	browsertest.Run(t, screens["icu"], chromedp.Evaluate(present, &onICU))
	if onICU {
		t.Error("the ICU's screen shows a note for 4 West")
	}

	// the card and the huddle sheet, printed as a browser prints them
	for name, path := range map[string]string{"recognition-card": "/notes/" + note.Id + "/card", "recognition-huddle": "/rooms/4-west/huddle"} {
		var pdf []byte
		browsertest.Run(t, screens["icu"], chromedp.Navigate(srv.URL+path), chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).WithPrintBackground(true).Do(ctx)
			return err
		}))
		if len(pdf) < 1000 || string(pdf[:5]) != "%PDF-" {
			t.Fatalf("%s: no PDF (%d bytes)", name, len(pdf))
		}
		savePDF(t, name, pdf)
		if name == "recognition-card" {
			// A5 landscape is 595 × 420 points
			m := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`).FindSubmatch(pdf)
			if m == nil || string(m[1])[:3] != "594" && string(m[1])[:3] != "595" || string(m[2])[:3] != "420" {
				t.Errorf("the card did not print A5 landscape: MediaBox %q", m)
			}
		}
	}
}

// savePDF keeps a printed page beside the screenshots, as PNG too when
// pdftoppm is there, so a person can look at it.
func savePDF(t *testing.T, name string, pdf []byte) {
	t.Helper()
	dir := os.Getenv("KK_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kk-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		if out, err := exec.Command("pdftoppm", "-png", "-r", "80", "-singlefile", p, filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Logf("pdftoppm %s: %v %s", p, err, out)
		}
	}
	t.Logf("printed: %s", p)
}

// TestWhereDoTheyWorkOnAPhone: the optional unit select on the note form
// at 390×844, chosen with a thumb, kept after an error, stored.
func TestWhereDoTheyWorkOnAPhone(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	for _, r := range []struct{ name, slug, unit string }{{"4 West", "4-west", "Medicine"}, {"5 East", "5-east", "Medicine"}, {"ICU staff room", "icu", "Critical care"}} {
		kktest.Create(t, srv.App, s.Rooms, map[string]any{s.RoomName: r.name, s.RoomSlug: r.slug, s.RoomUnit: r.unit, s.RoomActive: true})
	}
	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/notes/new?room=break-room"),
		chromedp.SendKeys("#to", "Dr Lee and the 4 West night team"),
		chromedp.SetValue("#for_room", "4-west"),
		chromedp.SendKeys("#body", "Thank you for the calmest handover of my life."))
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "recognition-form-390")
	browsertest.Run(t, ctx, chromedp.Click(`button[type=submit]`), chromedp.WaitVisible(`.success`))
	note, err := srv.App.FindFirstRecordByData(s.Notes, s.NoteTo, "Dr Lee and the 4 West night team")
	if err != nil {
		t.Fatal(err)
	}
	west, _ := srv.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, "4-west")
	if note.GetString(s.NoteForRoom) != west.Id {
		t.Errorf("for_room = %q, want 4 West (%s)", note.GetString(s.NoteForRoom), west.Id)
	}
}
