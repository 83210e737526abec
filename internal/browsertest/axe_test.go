package browsertest_test

import (
	"cmp"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// axeVersion is the axe-core release CI installs (.ci/run); the test
// refuses another major version.
const axeVersion = "4."

// axeScript finds npm's axe-core: $KK_AXE (the file), else the folder
// .ci/run installs into. Missing, it fails under CI=true and skips loudly
// otherwise.
func axeScript(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("KK_AXE")}
	if d := os.Getenv("KK_AXE_DIR"); d != "" {
		candidates = append(candidates, filepath.Join(d, "node_modules/axe-core/axe.min.js"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, ".cache/kk-axe/node_modules/axe-core/axe.min.js"))
	}
	candidates = append(candidates, filepath.Join(os.TempDir(), "kk-axe/node_modules/axe-core/axe.min.js"))
	for _, p := range candidates {
		if p == "" {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	msg := "AXE TESTS SKIPPED: no axe-core (npm install --prefix ~/.cache/kk-axe axe-core@4.14.1, or set KK_AXE to axe.min.js)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// pageState is one thing a person can see: how to get there, and what
// must be on the page (so a broken setup can't pass by showing an error).
// openState opens a page state: a GET, or its form filled in and sent
// through the page's own button.
func openState(t *testing.T, ctx context.Context, base string, st pageState) {
	t.Helper()
	if st.post == nil {
		browsertest.Run(t, ctx, chromedp.Navigate(base+st.url))
		return
	}
	browsertest.Run(t, ctx, chromedp.Navigate(base+st.url), chromedp.WaitVisible(st.form, chromedp.ByQuery))
	for name, v := range st.post {
		sel, _ := json.Marshal(st.form + ` [name="` + name + `"]`)
		val, _ := json.Marshal(v[0])
		browsertest.Run(t, ctx, chromedp.Evaluate(`document.querySelector(`+string(sel)+`).value = `+string(val), nil))
	}
	browsertest.Run(t, ctx, chromedp.Click(st.form+` button[type=submit]`, chromedp.ByQuery))
}

type pageState struct {
	name string
	url  string
	post url.Values // submitted through the page's own form instead of a GET
	form string     // the form's selector, with post
	want string     // a CSS selector that must be present
	// settle is a script that turns true once the page has finished
	// moving (a screen's card fades in: axe would measure it half-faded)
	settle string
	// roomLang is the language the page must be in whatever the reader's
	// (a screen follows its room)
	roomLang string
}

// TestAxeEveryPageState runs axe-core (WCAG 2.0-2.2 A and AA) on every page
// state of the phone pages, the poster, the screen and the staff pages
// (desk, organisers, nominations, card, huddle sheet), in English and in
// Spanish, and wants 0 violations. One server and one browser per
// language serve them all.
func TestAxeEveryPageState(t *testing.T) {
	browsertest.LooksOnly(t)
	axe := axeScript(t)
	srv := browsertest.StartServer(t)
	states := seedAxe(t, srv)
	staffStates, staffCookie := seedAxeStaff(t, srv)
	states = append(states, staffStates...)

	type result struct {
		Version    string `json:"version"`
		Violations []struct {
			ID     string `json:"id"`
			Impact string `json:"impact"`
			Help   string `json:"help"`
			Nodes  []struct {
				Target []any  `json:"target"`
				HTML   string `json:"html"`
			} `json:"nodes"`
		} `json:"violations"`
		Passes int `json:"passes"`
	}
	pages, passes := 0, 0
	seen := map[string]bool{}
	for _, lang := range []string{"en", "es"} {
		ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
		browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/lang/"+lang+"?next=/"), chromedp.WaitVisible("main", chromedp.ByQuery))
		staffSession(t, ctx, srv, staffCookie)
		for _, st := range states {
			openState(t, ctx, srv.URL, st)
			var htmlLang string
			browsertest.Run(t, ctx, chromedp.WaitVisible(st.want, chromedp.ByQuery),
				chromedp.Evaluate(`document.documentElement.lang`, &htmlLang))
			if st.settle != "" {
				browsertest.Run(t, ctx, chromedp.Poll(st.settle, nil))
			}
			if want := cmp.Or(st.roomLang, lang); htmlLang != want {
				t.Errorf("%s %s: <html lang=%q>, want %q", lang, st.name, htmlLang, want)
			}
			var raw string
			browsertest.Run(t, ctx, chromedp.Evaluate(axe, nil), chromedp.Evaluate(`axe.run(document, {
					runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
					resultTypes: ['violations']
				}).then(function (r) { return JSON.stringify({version: axe.version, violations: r.violations, passes: r.passes.length}); })`,
				&raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			var r result
			if err := json.Unmarshal([]byte(raw), &r); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(r.Version, axeVersion) {
				t.Fatalf("axe-core %s, want %sx", r.Version, axeVersion)
			}
			if !seen[r.Version] {
				seen[r.Version] = true
				t.Logf("axe-core %s", r.Version)
			}
			pages++
			passes += r.Passes
			for _, v := range r.Violations {
				for _, n := range v.Nodes {
					t.Errorf("%s %s: %s (%s): %s at %v: %s", lang, st.name, v.ID, v.Impact, v.Help, n.Target, n.HTML)
				}
			}
			if len(r.Violations) > 0 {
				browsertest.Screenshot(t, ctx, "axe-"+lang+"-"+strings.ReplaceAll(st.name, " ", "-"))
			}
		}
	}
	t.Logf("axe: %d page states (%d per language), %d rule passes, violations above (0 = none)", pages, len(states), passes)
}

// settled: the screen's card has faded in (axe would measure it half-faded).
const settled = `(function () { var c = document.querySelector('.kcard.active'); return !!c && getComputedStyle(c).opacity === '1'; })()`

// seedAxe fills a server with one of everything and returns the states.
func seedAxe(t *testing.T, srv *browsertest.Server) []pageState {
	t.Helper()
	app := srv.App
	now := time.Now()
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Ana in pharmacy", s.NoteBody: "Thank you for **everything** last night.", s.FieldStatus: s.StatusApproved})
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "فريق الليل", s.NoteBody: "شكراً لكم!", s.NoteFrom: "سارة", s.FieldStatus: s.StatusApproved, s.FieldRoom: room.Id})
	story := kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "The cup of tea", s.StoryBody: "It was a long night.\n\n## What she did\n\nShe *listened*.",
		s.FieldStatus: s.StatusPublished})
	event := func(title string, starts time.Time, capacity int, status string, extra map[string]any) *core.Record {
		f := map[string]any{s.EventTitle: title, s.EventPlace: "Staff room, level 2", s.EventStarts: starts.UTC(), s.EventEnds: starts.Add(90 * time.Minute).UTC(),
			s.EventCapacity: capacity, s.FieldStatus: status, s.EventDescription: "Tea, cake and **good company**."}
		for k, v := range extra {
			f[k] = v
		}
		return kktest.Create(t, app, s.Events, f)
	}
	day := now.Add(72 * time.Hour).Truncate(time.Hour)
	open := event("Open yoga", day, 20, s.StatusPublished, map[string]any{s.EventRooms: []string{room.Id}})
	full := event("Tiny choir", day.Add(26*time.Hour), 1, s.StatusPublished, nil)
	closed := event("Closed quiz", day.Add(50*time.Hour), 10, s.StatusPublished, map[string]any{s.EventSignupCloses: now.Add(-time.Hour).UTC()})
	cancelled := event("Cancelled walk", day.Add(74*time.Hour), 10, s.StatusPublished, nil)
	event("Night breakfast", day.Add(96*time.Hour), 0, s.StatusPublished, nil) // no limit: "All welcome"

	ana, err := events.SignUp(app, full.Id, "Ana", "ana@hospital.example", "4 West")
	if err != nil {
		t.Fatal(err)
	}
	bo, err := events.SignUp(app, full.Id, "Bo", "bo@hospital.example", "")
	if err != nil {
		t.Fatal(err)
	}
	cy, err := events.SignUp(app, open.Id, "Cy", "cy@hospital.example", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Cancel(app, cy.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	dee, err := events.SignUp(app, cancelled.Id, "Dee", "dee@hospital.example", "")
	if err != nil {
		t.Fatal(err)
	}
	cancelled.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(cancelled); err != nil {
		t.Fatal(err)
	}

	kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "Sala de descanso", s.RoomSlug: "sala", s.RoomActive: true, s.RoomLanguage: s.RoomLanguageES})

	phi := url.Values{"to": {"Night team"}, "body": {"Thanks for sitting with Mrs Kowalski in bed 12"}}
	return []pageState{
		{name: "start page", url: "/", want: ".note"},
		{name: "note form", url: "/notes/new?room=break-room", want: "#to"},
		{name: "note errors", url: "/notes/new?room=break-room", form: "form.stack", post: url.Values{"to": {""}}, want: "#error-summary"},
		{name: "note PHI warning", url: "/notes/new", form: "form.stack", post: phi, want: "#phi-warning"},
		{name: "note sent", url: "/notes/sent?room=break-room", want: ".success"},
		{name: "note held", url: "/notes/sent?held=1", want: ".success"},
		{name: "note live", url: "/notes/sent?live=1", want: ".success"},
		{name: "story form", url: "/stories/new", want: "#title"},
		{name: "story errors", url: "/stories/new", form: "form.stack", post: url.Values{"author": {"Sam"}}, want: "#error-summary"},
		{name: "story PHI warning", url: "/stories/new", form: "form.stack",
			post: url.Values{"title": {"A kind night"}, "body": {"Patient Harris in bed 4 smiled."}}, want: "#phi-warning"},
		{name: "story sent", url: "/stories/sent", want: ".success"},
		{name: "story held", url: "/stories/sent?held=1", want: ".success"},
		{name: "story", url: "/stories/" + story.Id, want: "article.story"},
		{name: "events", url: "/events", want: ".events"},
		{name: "events for a room", url: "/events?room=" + s.DefaultRoomSlug, want: ".events"},
		{name: "event open", url: "/events/" + open.Id, want: "#name"},
		{name: "event sign-up errors", url: "/events/" + open.Id, form: "form.stack", post: url.Values{"email": {"not-an-address"}}, want: ".field-error"},
		{name: "event full (waitlist)", url: "/events/" + full.Id, want: "#name"},
		{name: "event sign-up closed", url: "/events/" + closed.Id, want: "h1"},
		{name: "event cancelled", url: "/events/" + cancelled.Id, want: ".cancelled-notice"},
		{name: "sign-up confirmed", url: "/signups/" + ana.GetString(s.SignupToken), want: ".status-confirmed"},
		{name: "sign-up waitlisted", url: "/signups/" + bo.GetString(s.SignupToken), want: ".status-waitlisted"},
		{name: "sign-up cancelled", url: "/signups/" + cy.GetString(s.SignupToken), want: ".status-cancelled"},
		{name: "sign-up, event cancelled", url: "/signups/" + dee.GetString(s.SignupToken), want: ".status-event-cancelled"},
		{name: "repeat sign-up answer", url: "/events/" + open.Id + "/signed-up", want: ".success"},
		{name: "not found", url: "/no/such/page", want: ".error-card"},
		{name: "poster", url: "/posters/" + s.DefaultRoomSlug, want: ".sheet"},
		{name: "screen", url: "/kiosk/" + s.DefaultRoomSlug, want: ".kcard", roomLang: "en", settle: settled},
		{name: "screen, Spanish room", url: "/kiosk/sala", want: ".kcard", roomLang: "es", settle: settled},
	}
}

// seedAxeStaff adds what the staff pages show (pending notes, one flagged
// by the PHI guard, a story, a dark screen, an announcement, an event
// with attendees, a nomination) and returns their states and the cookie
// of a moderator who also organises.
func seedAxeStaff(t *testing.T, srv *browsertest.Server) ([]pageState, string) {
	t.Helper()
	app := srv.App
	now := time.Now()
	mod := stafftest.Account(t, app, "axe.staff@hospital.example", s.RoleModerate, s.RoleOrganise)
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	// two clean notes, oldest first: each language's "approve" state
	// decides one, so the flagged note stays in the queue for both
	for _, to := range []string{"the porters", "the pharmacy team"} {
		kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: to, s.NoteBody: "Thank you for the tea at 3am.", s.FieldRoom: room.Id,
			s.FieldStatus: s.StatusPending})
		time.Sleep(2 * time.Millisecond) // distinct created times, so the order is certain
	}
	body := "Thank you for staying late with Mrs Kowalski in bed 12 when she was scared."
	found, _ := forms.Scan(map[string]string{s.NoteTo: "the night team", s.NoteBody: body}, nil, []string{s.NoteTo, s.NoteBody})
	if found == nil {
		t.Fatal("the PHI guard found nothing in the flagged note")
	}
	flagged := kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "the night team", s.NoteBody: body, s.FieldRoom: room.Id,
		s.FieldStatus: s.StatusPending, s.NoteFlags: forms.Flags{Findings: found, SentAnyway: true}})
	kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "A long night", s.StoryBody: "She listened.", s.FieldStatus: s.StatusPending})
	kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "axe-tv", s.FieldRoom: room.Id,
		s.ScreenUserAgent: "Mozilla/5.0 (X11; Linux armv7l) Chrome/49.0 Safari/537.36", s.ScreenLastSeen: now.Add(-2 * time.Hour).UTC()})
	// for a room of its own: on the break room's screen it would re-fade
	// the card the screen states measure
	icu := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU family room", s.RoomSlug: "icu", s.RoomActive: true})
	kktest.Create(t, app, s.Announcements, map[string]any{s.AnnouncementText: "Fire drill at 14:00", s.AnnouncementRooms: []string{icu.Id},
		s.AnnouncementStarts: now.Add(-time.Hour).UTC(), s.AnnouncementEnds: now.Add(3 * time.Hour).UTC()})
	approved, err := app.FindFirstRecordByData(s.Notes, s.NoteTo, "Ana in pharmacy") // seedAxe's, approved
	if err != nil {
		t.Fatal(err)
	}
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingAwards, "DAISY, BEE")
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	nomCol, err := app.FindCachedCollectionByNameOrId(s.Nominations)
	if err != nil {
		t.Fatal(err)
	}
	nom := core.NewRecord(nomCol)
	nom.Load(map[string]any{s.NominationNote: approved.Id, s.NominationAward: "DAISY", s.NominationName: "Ana", s.NominationUnit: "Pharmacy",
		s.NominationWhy: "Always there at 3am."})
	if err := app.Save(nom); err != nil {
		t.Fatal(err)
	}
	ev, err := app.FindFirstRecordByData(s.Events, s.EventTitle, "Tiny choir") // Ana confirmed, Bo waiting
	if err != nil {
		t.Fatal(err)
	}
	return []pageState{
		{name: "desk queue (flagged note, dark screen, announcement)", url: "/moderate", want: ".desk-findings"},
		{name: "desk after a decision (undo)", url: "/moderate", form: `form[action$="/approve"]`, post: url.Values{}, want: ".desk-undo"},
		{name: "desk edit", url: "/moderate/notes/" + flagged.Id + "/edit", want: "#findings"},
		{name: "desk edit errors", url: "/moderate/notes/" + flagged.Id + "/edit", form: "form.desk-edit", post: url.Values{"to": {""}}, want: ".field-error"},
		{name: "announcements", url: "/moderate/announcements", want: "#a-text"},
		{name: "announcement errors", url: "/moderate/announcements", form: "form.desk-announce", post: url.Values{"text": {""}}, want: ".field-error"},
		{name: "organise list", url: "/organise", want: ".organise-events"},
		{name: "organise new event", url: "/organise/events/new", want: "#starts"},
		{name: "organise new event errors", url: "/organise/events/new", form: "form.organise-form", post: url.Values{"title": {""}, "capacity": {"twelve"}}, want: ".field-error"},
		{name: "organise event", url: "/organise/events/" + ev.Id, want: "#attendees"},
		{name: "nominate", url: "/moderate/notes/" + approved.Id + "/nominate", want: "#nominee"},
		{name: "nominations", url: "/moderate/nominations", want: ".nominee"},
		{name: "nomination copy", url: "/moderate/nominations/" + nom.Id + "/copy", want: ".card"},
		{name: "thank-you card", url: "/notes/" + approved.Id + "/card", want: ".card"},
		{name: "huddle sheet", url: "/rooms/" + s.DefaultRoomSlug + "/huddle", want: ".sheet"},
	}, stafftest.Cookie(t, mod)
}

// staffSession gives the browser a staff session (moderate and organise) for the
// staff pages: the cookie, not the sign-in form, which another branch is
// changing (one-time codes).
func staffSession(t *testing.T, ctx context.Context, srv *browsertest.Server, cookie string) {
	t.Helper()
	name, value, _ := strings.Cut(cookie, "=")
	browsertest.Run(t, ctx, network.SetCookie(name, value).WithURL(srv.URL).WithHTTPOnly(true))
}
