package pb_migrations_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// seed creates one record of each visibility class.
func seed(t testing.TB, app *tests.TestApp) {
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	kktest.Create(t, app, s.Rooms, map[string]any{"id": "roominactive000", s.RoomName: "Closed room", s.RoomSlug: "closed", s.RoomActive: false})
	for id, st := range map[string]string{"noteapproved000": s.StatusApproved, "notepending0000": s.StatusPending, "noterejected000": s.StatusRejected} {
		n := kktest.Create(t, app, s.Notes, map[string]any{"id": id, s.NoteTo: "To " + st, s.NoteBody: "Body " + st, s.FieldStatus: st,
			s.FieldRoom: room.Id})
		// flags as only the server writes them (the PHI guard's hook computes
		// them from the text on every save; this marker must never leak)
		n.Set(s.NoteFlags, map[string]any{"findings": []string{"SECRETFLAG"}})
		if err := app.UnsafeWithoutHooks().Save(n); err != nil {
			t.Fatal(err)
		}
	}
	for id, st := range map[string]string{"storypublished0": s.StatusPublished, "storypending000": s.StatusPending, "storyrejected00": s.StatusRejected} {
		kktest.Create(t, app, s.Stories, map[string]any{"id": id, s.StoryTitle: "Story " + st, s.StoryBody: "x", s.FieldStatus: st})
	}
	for id, st := range map[string]string{"eventpublished0": s.StatusPublished, "eventdraft00000": s.StatusDraft, "eventcancelled0": s.StatusCancelled} {
		kktest.Create(t, app, s.Events, map[string]any{"id": id, s.EventTitle: "Event " + st, s.EventStarts: "2030-01-01 10:00:00.000Z", s.FieldStatus: st})
	}
	kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "screen-dark0001", s.FieldRoom: room.Id, s.ScreenLastSeen: "2020-01-01 10:00:00.000Z"})
	kktest.Create(t, app, s.Signups, map[string]any{"id": "signup000000000", s.SignupEvent: "eventpublished0", s.SignupName: "Ana",
		s.SignupEmail: "ana.secret@hospital.example", s.FieldStatus: s.StatusConfirmed, s.SignupToken: "SECRETTOKEN"})
}

func TestPublicRules(t *testing.T) {
	factory := kktest.Factory(seed)
	scenarios := []tests.ApiScenario{
		// PocketBase's default users collection is gone: no public sign-up
		{Name: "users: anonymous sign-up finds no collection", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body: strings.NewReader(`{"email":"stranger@example.com","password":"1234567890","passwordConfirm":"1234567890"}`), ExpectedStatus: 404,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindCollectionByNameOrId("users"); err == nil {
					t.Error("the users collection still exists")
				}
			}},
		{Name: "users: anonymous list finds no collection", Method: http.MethodGet, URL: "/api/collections/users/records", ExpectedStatus: 404},
		// rooms
		{Name: "rooms: list shows active only", Method: http.MethodGet, URL: "/api/collections/rooms/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"slug":"break-room"`, `"totalItems":1`}, NotExpectedContent: []string{"closed"}},
		{Name: "rooms: inactive view is 404", Method: http.MethodGet, URL: "/api/collections/rooms/records/roominactive000", ExpectedStatus: 404},
		{Name: "rooms: anonymous create refused", Method: http.MethodPost, URL: "/api/collections/rooms/records",
			Body: strings.NewReader(`{"name":"x","slug":"x","active":true}`), ExpectedStatus: 403},

		// notes
		{Name: "notes: list shows approved only, never flags", Method: http.MethodGet, URL: "/api/collections/notes/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":1`, `"id":"noteapproved000"`},
			NotExpectedContent: []string{"notepending0000", "noterejected000", "SECRETFLAG", `"flags"`}},
		{Name: "notes: pending view 404", Method: http.MethodGet, URL: "/api/collections/notes/records/notepending0000", ExpectedStatus: 404},
		{Name: "notes: rejected view 404", Method: http.MethodGet, URL: "/api/collections/notes/records/noterejected000", ExpectedStatus: 404},
		{Name: "notes: filter cannot reach pending", Method: http.MethodGet, URL: "/api/collections/notes/records?filter=status%3D%22pending%22",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{"screen-dark0001"}},
		{Name: "notes: forged status refused", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Body: strings.NewReader(`{"to":"Ana","body":"thanks","status":"approved"}`), ExpectedStatus: 400},
		{Name: "notes: forged flags ignored (hidden field)", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Body: strings.NewReader(`{"to":"Ana","body":"thanks","flags":{"forged":true}}`), ExpectedStatus: 200,
			ExpectedContent: []string{`"status":"pending"`}, NotExpectedContent: []string{"forged"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n, err := app.FindFirstRecordByData(s.Notes, s.NoteTo, "Ana")
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(n.GetString(s.NoteFlags), "forged") {
					t.Fatalf("public set flags: %s", n.GetString(s.NoteFlags))
				}
			}},
		{Name: "notes: anonymous create is pending and not readable back", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Body: strings.NewReader(`{"to":"Ana","body":"thanks"}`), ExpectedStatus: 200, ExpectedContent: []string{`"status":"pending"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n, err := app.CountRecords(s.Notes)
				if err != nil || n != 4 {
					t.Fatalf("notes = %d, %v; want 4", n, err)
				}
			}},
		// 404, not 403, since moderators may update (1765004000_role_rules.go)
		{Name: "notes: anonymous update refused", Method: http.MethodPatch, URL: "/api/collections/notes/records/notepending0000",
			Body: strings.NewReader(`{"status":"approved"}`), ExpectedStatus: 404, AfterTestFunc: unchanged(s.Notes, "notepending0000", s.StatusPending)},
		{Name: "notes: anonymous delete refused", Method: http.MethodDelete, URL: "/api/collections/notes/records/noteapproved000", ExpectedStatus: 403},

		// stories
		{Name: "stories: list shows published only", Method: http.MethodGet, URL: "/api/collections/stories/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":1`, "storypublished0"}, NotExpectedContent: []string{"storypending000", "storyrejected00"}},
		{Name: "stories: pending view 404", Method: http.MethodGet, URL: "/api/collections/stories/records/storypending000", ExpectedStatus: 404},
		{Name: "stories: forged status refused", Method: http.MethodPost, URL: "/api/collections/stories/records",
			Body: strings.NewReader(`{"title":"x","status":"published"}`), ExpectedStatus: 400},
		{Name: "stories: anonymous update refused", Method: http.MethodPatch, URL: "/api/collections/stories/records/storypending000",
			Body: strings.NewReader(`{"status":"published"}`), ExpectedStatus: 404, AfterTestFunc: unchanged(s.Stories, "storypending000", s.StatusPending)},

		// events
		{Name: "events: list hides drafts", Method: http.MethodGet, URL: "/api/collections/events/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":2`, "eventpublished0", "eventcancelled0"}, NotExpectedContent: []string{"eventdraft00000"}},
		// 400/404, not 403, since organisers may create and update
		{Name: "events: anonymous create refused", Method: http.MethodPost, URL: "/api/collections/events/records",
			Body: strings.NewReader(`{"title":"x","starts":"2030-01-01 10:00:00Z","status":"published"}`), ExpectedStatus: 400,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n, _ := app.CountRecords(s.Events); n != 3 {
					t.Errorf("events = %d, want 3", n)
				}
			}},
		{Name: "events: anonymous update refused", Method: http.MethodPatch, URL: "/api/collections/events/records/eventdraft00000",
			Body: strings.NewReader(`{"status":"published"}`), ExpectedStatus: 404, AfterTestFunc: unchanged(s.Events, "eventdraft00000", s.StatusDraft)},

		// signups: no public list, view, create, update; never an address or token
		// an empty list and a 404, not 403, since organisers may read them
		{Name: "signups: anonymous list is empty", Method: http.MethodGet, URL: "/api/collections/signups/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{"ana.secret", "SECRETTOKEN"}},
		{Name: "signups: anonymous view refused", Method: http.MethodGet, URL: "/api/collections/signups/records/signup000000000",
			ExpectedStatus: 404, NotExpectedContent: []string{"ana.secret", "SECRETTOKEN"}},
		{Name: "signups: anonymous REST create refused", Method: http.MethodPost, URL: "/api/collections/signups/records",
			Body: strings.NewReader(`{"event":"eventpublished0","name":"x","email":"x@y.z","status":"confirmed"}`), ExpectedStatus: 403},
		{Name: "signups: anonymous update refused", Method: http.MethodPatch, URL: "/api/collections/signups/records/signup000000000",
			Body: strings.NewReader(`{"status":"cancelled"}`), ExpectedStatus: 403},

		// settings collection is superusers-only
		{Name: "kiosk_settings: anonymous list refused", Method: http.MethodGet, URL: "/api/collections/kiosk_settings/records", ExpectedStatus: 403},
		// dark screens: moderators and superusers only (the rule filters the public to nothing)
		{Name: "dark_screens: the public lists nothing", Method: http.MethodGet, URL: "/api/collections/dark_screens/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{"screen-dark0001"}},
	}
	for _, sc := range scenarios {
		if len(sc.ExpectedContent) == 0 {
			sc.ExpectedContent = []string{fmt.Sprintf(`"status":%d`, sc.ExpectedStatus)}
		}
		sc.TestAppFactory = factory
		sc.Test(t)
	}
}

// unchanged checks that a refused update left the record's status as it was.
func unchanged(collection, id, status string) func(t testing.TB, app *tests.TestApp, res *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		r, err := app.FindRecordById(collection, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.GetString(s.FieldStatus); got != status {
			t.Errorf("%s status = %q, want %q", id, got, status)
		}
	}
}

// TestSuperuserSeesHidden pins that hidden fields are hidden from the
// public only: moderators still see flags and sign-up tokens.
func TestSuperuserSeesHidden(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "superuser sees note flags", Method: http.MethodGet, URL: "/api/collections/notes/records/notepending0000",
			ExpectedStatus: 200, ExpectedContent: []string{"SECRETFLAG"}},
		{Name: "superuser sees sign-up token and email", Method: http.MethodGet, URL: "/api/collections/signups/records/signup000000000",
			ExpectedStatus: 200, ExpectedContent: []string{"SECRETTOKEN", "ana.secret@hospital.example"}},
	} {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Headers = map[string]string{}
		sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
		}
		sc.Test(t)
	}
}
