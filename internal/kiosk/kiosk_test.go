package kiosk_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

const appURL = "https://kindness.hospital.example"

// seed gives the default room a second room, notes in every state, a
// story, and events with sign-ups, behind a base URL phones can reach.
func seed(t testing.TB, app *tests.TestApp) {
	t.Helper()
	setAppURL(t, app, appURL)
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	other := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU staff room", s.RoomSlug: "icu", s.RoomActive: true})
	kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "Old room", s.RoomSlug: "closed", s.RoomActive: false})

	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Night team", s.NoteBody: "You were *amazing*", s.FieldRoom: room.Id, s.FieldStatus: s.StatusApproved})
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Everyone", s.NoteBody: "hospital-wide thanks", s.FieldStatus: s.StatusApproved})
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "ICU nurses", s.NoteBody: "for the icu only", s.FieldRoom: other.Id, s.FieldStatus: s.StatusApproved})
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Waiting person", s.NoteBody: "still pending", s.FieldRoom: room.Id, s.FieldStatus: s.StatusPending})
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Rejected person", s.NoteBody: "was rejected", s.FieldRoom: room.Id, s.FieldStatus: s.StatusRejected})
	kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "The quiet hand", s.StoryBody: "A long story about kindness.", s.FieldStatus: s.StatusPublished})
	kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "Draft story", s.StoryBody: "not yet", s.FieldStatus: s.StatusPending})

	starts := types.NowDateTime().Add(48 * time.Hour)
	ev := kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Schwartz Rounds", s.EventStarts: starts, s.EventEnds: starts.Add(time.Hour),
		s.EventPlace: "Seminar room 2", s.EventCapacity: 3, s.FieldStatus: s.StatusPublished})
	kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Draft walk", s.EventStarts: starts, s.FieldStatus: s.StatusDraft})
	past := types.NowDateTime().Add(-48 * time.Hour)
	kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Last week's breakfast", s.EventStarts: past, s.EventEnds: past.Add(time.Hour), s.FieldStatus: s.StatusPublished})
	for _, who := range []string{"a", "b"} {
		kktest.Create(t, app, s.Signups, map[string]any{s.SignupEvent: ev.Id, s.SignupName: who, s.SignupEmail: who + "@secret.example",
			s.FieldStatus: s.StatusConfirmed, s.SignupToken: strings.Repeat(who, 32)})
	}
}

func setAppURL(t testing.TB, app core.App, u string) {
	t.Helper()
	settings := app.Settings()
	settings.Meta.AppURL = u
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
}

func TestScreenAndPoster(t *testing.T) {
	hidden := []string{"still pending", "was rejected", "for the icu only", "Draft story", "Draft walk", "Last week", "@secret.example"}
	scenarios := []tests.ApiScenario{
		{Name: "screen shows approved notes for the room and hospital-wide, stories, events with seats", Method: http.MethodGet, URL: "/kiosk/break-room",
			ExpectedStatus: 200,
			ExpectedContent: []string{"Staff break room", `To <span dir="auto">Night team</span>`, "<em>amazing</em>", `To <span dir="auto">Everyone</span>`, "The quiet hand", "Schwartz Rounds", "Seminar room 2",
				"1 seat left", `alt="QR code: say thank you"`, `src="data:image/png;base64,`, `data-slug="break-room"`, "Please never include patient details"},
			NotExpectedContent: append(hidden, "Almost ready"),
			TestAppFactory:     kktest.Factory(seed)},
		{Name: "another room sees its own notes, not the break room's", Method: http.MethodGet, URL: "/kiosk/icu", ExpectedStatus: 200,
			ExpectedContent:    []string{"ICU staff room", "for the icu only", "hospital-wide thanks"},
			NotExpectedContent: []string{"You were"},
			TestAppFactory:     kktest.Factory(seed)},
		{Name: "empty room: a gentle empty state", Method: http.MethodGet, URL: "/kiosk/break-room", ExpectedStatus: 200,
			ExpectedContent: []string{"Be the first to thank someone today"},
			TestAppFactory:  kktest.Factory(func(t testing.TB, app *tests.TestApp) { setAppURL(t, app, appURL) })},
		{Name: "base URL still localhost: tell the admin, show no useless code", Method: http.MethodGet, URL: "/kiosk/break-room", ExpectedStatus: 200,
			ExpectedContent:    []string{"Almost ready", "Settings → Application URL", "--app-url"},
			NotExpectedContent: []string{"data:image/png"},
			TestAppFactory:     kktest.Factory(func(t testing.TB, app *tests.TestApp) { setAppURL(t, app, "http://localhost:8090") })},
		{Name: "unknown room: friendly 404 page", Method: http.MethodGet, URL: "/kiosk/no-such-room", ExpectedStatus: 404,
			ExpectedContent: []string{"<html", "no active screen for this room"}, NotExpectedContent: []string{`"status"`}, TestAppFactory: kktest.Factory(seed)},
		{Name: "inactive room: 404 page", Method: http.MethodGet, URL: "/kiosk/closed", ExpectedStatus: 404,
			ExpectedContent: []string{"<html"}, TestAppFactory: kktest.Factory(seed)},

		{Name: "service worker for screens, stamped with the asset version", Method: http.MethodGet, URL: "/kiosk/sw.js", ExpectedStatus: 200,
			ExpectedContent: []string{"var CACHE = 'kiosk-"}, NotExpectedContent: []string{"__VERSION__"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
					t.Errorf("Content-Type = %q", ct)
				}
			}},
		{Name: "poster: both codes, instructions, privacy reminder", Method: http.MethodGet, URL: "/posters/break-room", ExpectedStatus: 200,
			ExpectedContent: []string{"Staff break room", "data:image/png;base64,", "Say thank you", "Join an event", "patient",
				// the codes' addresses printed short under them (QA: nothing to type without a camera)
				`<span class="url">kindness.hospital.example/<wbr>notes/<wbr>new<wbr>?room=break-room<wbr></span>`,
				`<span class="url">kindness.hospital.example/<wbr>events<wbr>?room=break-room<wbr></span>`},
			TestAppFactory: kktest.Factory(seed)},
		{Name: "poster of an unknown room: 404 page", Method: http.MethodGet, URL: "/posters/nope", ExpectedStatus: 404,
			ExpectedContent: []string{"<html"}, TestAppFactory: kktest.Factory(seed)},
		{Name: "poster while the base URL is localhost: setup note", Method: http.MethodGet, URL: "/posters/break-room", ExpectedStatus: 200,
			ExpectedContent: []string{"Application URL"}, NotExpectedContent: []string{"data:image/png"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(nil)
		}
		sc.Test(t)
	}
}

func TestFeed(t *testing.T) {
	var tag string
	scenarios := []tests.ApiScenario{
		{Name: "feed: JSON with the room's cards and an ETag", Method: http.MethodGet, URL: "/kiosk/break-room/feed", ExpectedStatus: 200,
			ExpectedContent:    []string{`"roomName":"Staff break room"`, `"kind":"note"`, `"kind":"story"`, `"kind":"event"`, `"appUrlOk":true`},
			NotExpectedContent: []string{"still pending", "was rejected", "for the icu only", "@secret.example", "Draft walk"},
			TestAppFactory:     kktest.Factory(seed),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				var f kiosk.Feed
				if err := json.NewDecoder(res.Body).Decode(&f); err != nil {
					t.Fatal(err)
				}
				// 2 notes + 1 story + 1 event
				if len(f.Cards) != 4 {
					t.Errorf("cards = %d, want 4", len(f.Cards))
				}
				if f.Version == "" || res.Header.Get("ETag") == "" {
					t.Errorf("version %q etag %q", f.Version, res.Header.Get("ETag"))
				}
			}},
		{Name: "unknown room: 404 gone", Method: http.MethodGet, URL: "/kiosk/nope/feed", ExpectedStatus: 404,
			ExpectedContent: []string{`"gone":true`}, TestAppFactory: kktest.Factory(seed)},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}

	// the ETag: unchanged content costs a 304; an approval changes it
	app := kktest.NewApp(t)
	seed(t, app)
	client := kktest.NewClient(t, app)
	get := func(ifNoneMatch string) *http.Response {
		return client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, map[string]string{"If-None-Match": ifNoneMatch})
	}
	res := get("")
	tag = res.Header.Get("ETag")
	if res.StatusCode != 200 || tag == "" {
		t.Fatalf("first feed: %d %q", res.StatusCode, tag)
	}
	if res := get(tag); res.StatusCode != http.StatusNotModified {
		t.Fatalf("same ETag: %d, want 304", res.StatusCode)
	}
	pending, err := app.FindFirstRecordByData(s.Notes, s.NoteTo, "Waiting person")
	if err != nil {
		t.Fatal(err)
	}
	pending.Set(s.FieldStatus, s.StatusApproved)
	if err := app.Save(pending); err != nil {
		t.Fatal(err)
	}
	res = get(tag)
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(body), "still pending") || res.Header.Get("ETag") == tag {
		t.Fatalf("after approval: %d etag %q body has note: %v", res.StatusCode, res.Header.Get("ETag"), strings.Contains(string(body), "still pending"))
	}
}

func TestHeartbeat(t *testing.T) {
	beat := func(screen string) string {
		return "screen=" + screen + "&version=abc123"
	}
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "User-Agent": "TestTV/1.0"}
	scenarios := []tests.ApiScenario{
		{Name: "a screen checks in: recorded with room, time, agent and version", Method: http.MethodPost, URL: "/kiosk/break-room/heartbeat",
			Body: strings.NewReader(beat("screen-abcdef12")), Headers: form, ExpectedStatus: 204,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				rec, err := app.FindFirstRecordByData(s.Screens, s.ScreenID, "screen-abcdef12")
				if err != nil {
					t.Fatal(err)
				}
				if rec.GetString(s.ScreenUserAgent) != "TestTV/1.0" || rec.GetString(s.ScreenVersion) != "abc123" ||
					time.Since(rec.GetDateTime(s.ScreenLastSeen).Time()) > time.Minute {
					t.Errorf("screen record %v", rec.FieldsData())
				}
			}},
		{Name: "checking in twice updates the same screen", Method: http.MethodPost, URL: "/kiosk/break-room/heartbeat",
			Body: strings.NewReader(beat("screen-abcdef12")), Headers: form, ExpectedStatus: 204,
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				room, _ := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
				kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "screen-abcdef12", s.FieldRoom: room.Id})
			}),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n, _ := app.CountRecords(s.Screens); n != 1 {
					t.Errorf("screens = %d, want 1", n)
				}
			}},
		{Name: "a bad screen id is refused, nothing stored", Method: http.MethodPost, URL: "/kiosk/break-room/heartbeat",
			Body: strings.NewReader(beat("<script>")), Headers: form, ExpectedStatus: 400, ExpectedContent: []string{"That didn"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n, _ := app.CountRecords(s.Screens); n != 0 {
					t.Errorf("screens = %d, want 0", n)
				}
			}},
		{Name: "a room that is gone says so", Method: http.MethodPost, URL: "/kiosk/nope/heartbeat",
			Body: strings.NewReader(beat("screen-abcdef12")), Headers: form, ExpectedStatus: 404, ExpectedContent: []string{`"gone":true`}},
		{Name: "the public cannot list screens", Method: http.MethodGet, URL: "/api/collections/screens/records", ExpectedStatus: 403,
			ExpectedContent: []string{`"status":403`}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(nil)
		}
		sc.Test(t)
	}
}

// TestHeartbeatRateLimit: a script cannot fill the screens list; 30
// check-ins a minute per address are allowed (30 screens behind one NAT).
func TestHeartbeatRateLimit(t *testing.T) {
	app := kktest.NewApp(t)
	client := kktest.NewClient(t, app)
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	for i := range 31 {
		res := client.Do(http.MethodPost, "/kiosk/break-room/heartbeat", strings.NewReader(fmt.Sprintf("screen=screen-%08d", i)), form)
		want := http.StatusNoContent
		if i == 30 {
			want = http.StatusTooManyRequests
		}
		if res.StatusCode != want {
			t.Fatalf("check-in %d: %d, want %d", i+1, res.StatusCode, want)
		}
	}
	if n, _ := app.CountRecords(s.Screens); n != 30 {
		t.Errorf("screens = %d, want 30", n)
	}
}
