package desk_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/desk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

func location(want string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if got := res.Header.Get("Location"); got != want {
			t.Errorf("Location = %q, want %q", got, want)
		}
	}
}

func expect(collection, id, want string, then ...func(testing.TB, *tests.TestApp, *http.Response)) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if got := status(t, app, collection, id); got != want {
			t.Errorf("%s/%s is %q, want %q", collection, id, got, want)
		}
		for _, f := range then {
			f(t, app, res)
		}
	}
}

// logged checks the audit trail: one entry per decision, with who by id
// and never any text.
func logged(collection, id, from, to string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		mod, _ := app.FindAuthRecordByEmail(s.Moderators, modEmail)
		entries, err := app.FindRecordsByFilter(s.ModerationLog, s.LogRecord+" = {:id}", "-created", 0, 0, dbx.Params{"id": id})
		if err != nil || len(entries) == 0 {
			t.Fatalf("no log entry for %s: %v", id, err)
		}
		e := entries[0]
		if e.GetString(s.LogCollection) != collection || e.GetString(s.LogFrom) != from || e.GetString(s.LogTo) != to || e.GetString(s.LogModerator) != mod.Id {
			t.Errorf("log entry %v", e.PublicExport())
		}
		wantKinds := "[]"
		if id == flaggedNote {
			wantKinds = `["patient_name","room_bed"]`
		}
		if got := e.GetString(s.LogFlagKinds); got != wantKinds {
			t.Errorf("flag kinds %s, want %s", got, wantKinds)
		}
		raw, _ := e.MarshalJSON()
		for _, text := range []string{"Kowalski", "Ana in pharmacy", "tea", "cup of tea", modEmail} {
			if strings.Contains(string(raw), text) {
				t.Errorf("the log holds text %q: %s", text, raw)
			}
		}
	}
}

func TestDecide(t *testing.T) {
	post := func(name, url string, after func(testing.TB, *tests.TestApp, *http.Response)) tests.ApiScenario {
		return tests.ApiScenario{Name: name, Method: http.MethodPost, URL: url, ExpectedStatus: 303, AfterTestFunc: after}
	}
	scenarios := []tests.ApiScenario{
		post("approve a note", "/moderate/notes/"+cleanNote+"/approve",
			expect(s.Notes, cleanNote, s.StatusApproved, location("/moderate"), logged(s.Notes, cleanNote, s.StatusPending, s.StatusApproved))),
		post("approve a flagged note (the moderator decides)", "/moderate/notes/"+flaggedNote+"/approve",
			expect(s.Notes, flaggedNote, s.StatusApproved, logged(s.Notes, flaggedNote, s.StatusPending, s.StatusApproved))),
		post("approving a story publishes it", "/moderate/stories/"+story+"/approve",
			expect(s.Stories, story, s.StatusPublished, logged(s.Stories, story, s.StatusPending, s.StatusPublished))),
		post("reject a note", "/moderate/notes/"+flaggedNote+"/reject",
			expect(s.Notes, flaggedNote, s.StatusRejected, location("/moderate"), logged(s.Notes, flaggedNote, s.StatusPending, s.StatusRejected))),
		post("reject a story", "/moderate/stories/"+story+"/reject", expect(s.Stories, story, s.StatusRejected)),
		post("an item decided meanwhile is left alone", "/moderate/notes/"+doneNote+"/reject",
			expect(s.Notes, doneNote, s.StatusApproved, location("/moderate?m=decided"))),
		{Name: "approve all without findings: the flagged one stays, even if listed", Method: http.MethodPost, URL: "/moderate/approve-clean",
			Body:           kktest.Form("item", "notes:"+cleanNote, "item", "stories:"+story, "item", "notes:"+flaggedNote, "item", "rooms:x", "item", "bogus"),
			ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, flaggedNote, s.StatusPending, expect(s.Notes, cleanNote, s.StatusApproved,
				expect(s.Stories, story, s.StatusPublished, location("/moderate?m=decided"), logged(s.Stories, story, s.StatusPending, s.StatusPublished))))},
		{Name: "approve all: only what was listed", Method: http.MethodPost, URL: "/moderate/approve-clean",
			Body: kktest.Form("item", "notes:"+cleanNote), ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, cleanNote, s.StatusApproved, expect(s.Stories, story, s.StatusPending, location("/moderate")))},
	}
	for _, sc := range scenarios {
		sc.Headers = kktest.FormHeaders
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}

// decided seeds the queue and approves the clean note as the moderator,
// the desk's way (so the log has the entry undo reads).
func decided(t testing.TB, app *tests.TestApp) {
	seed(t, app)
	mod, _ := app.FindAuthRecordByEmail(s.Moderators, modEmail)
	if err := desk.Approve(app, mod, s.Notes, cleanNote); err != nil {
		t.Fatal(err)
	}
}

func TestUndo(t *testing.T) {
	ageLog := func(d time.Duration) func(testing.TB, *tests.TestApp) {
		return func(t testing.TB, app *tests.TestApp) {
			decided(t, app)
			_, err := app.DB().NewQuery("UPDATE moderation_log SET created = {:t}").
				Bind(dbx.Params{"t": time.Now().UTC().Add(-d).Format("2006-01-02 15:04:05.000Z")}).Execute()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{Name: "the queue lists the decision with an undo button", Method: http.MethodGet, URL: "/moderate",
			TestAppFactory: kktest.Factory(decided), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 200,
			ExpectedContent: []string{"Your last decisions", "Approved: To Ana in pharmacy", `action="/moderate/notes/` + cleanNote + `/undo"`, "2 waiting"}},
		{Name: "undo puts it back and logs that too", Method: http.MethodPost, URL: "/moderate/notes/" + cleanNote + "/undo",
			TestAppFactory: kktest.Factory(decided), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, cleanNote, s.StatusPending, location("/moderate?m=undone"), logged(s.Notes, cleanNote, s.StatusApproved, s.StatusPending))},
		{Name: "undone twice: the second is refused", Method: http.MethodPost, URL: "/moderate/notes/" + cleanNote + "/undo",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				decided(t, app)
				mod, _ := app.FindAuthRecordByEmail(s.Moderators, modEmail)
				if err := desk.Undo(app, mod, s.Notes, cleanNote); err != nil {
					t.Fatal(err)
				}
			}), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, cleanNote, s.StatusPending, location("/moderate?m=undo-expired"))},
		{Name: "someone else's decision can't be undone here", Method: http.MethodPost, URL: "/moderate/notes/" + cleanNote + "/undo",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				decided(t, app)
				stafftest.Account(t, app, "other@hospital.example", s.RoleModerate)
			}), BeforeTestFunc: stafftest.SignedIn("other@hospital.example"), ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, cleanNote, s.StatusApproved, location("/moderate?m=undo-expired"))},
		{Name: "after five minutes: refused", Method: http.MethodPost, URL: "/moderate/notes/" + cleanNote + "/undo",
			TestAppFactory: kktest.Factory(ageLog(6 * time.Minute)), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 303,
			AfterTestFunc: expect(s.Notes, cleanNote, s.StatusApproved, location("/moderate?m=undo-expired"))},
		{Name: "after five minutes: no longer listed", Method: http.MethodGet, URL: "/moderate",
			TestAppFactory: kktest.Factory(ageLog(6 * time.Minute)), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 200,
			ExpectedContent: []string{"2 waiting"}, NotExpectedContent: []string{"Your last decisions"}},
		{Name: "an item changed since (an admin rejected it) is not listed", Method: http.MethodGet, URL: "/moderate",
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				decided(t, app)
				rec, _ := app.FindRecordById(s.Notes, cleanNote)
				rec.Set(s.FieldStatus, s.StatusRejected)
				if err := app.Save(rec); err != nil {
					t.Fatal(err)
				}
			}), BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedStatus: 200,
			ExpectedContent: []string{"2 waiting"}, NotExpectedContent: []string{"Your last decisions"}},
	}
	for _, sc := range scenarios {
		sc.Headers = kktest.FormHeaders
		sc.Test(t)
	}
}
