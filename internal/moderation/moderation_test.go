package moderation_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

const moderatorEmail = "charge.nurse@hospital.example"

// identifiers are what a careless note might hold; none may reach the log.
var identifiers = []string{"Zyxwbert", "8675309", "1951"}

func seed(t testing.TB, app *tests.TestApp) {
	kktest.Create(t, app, s.Notes, map[string]any{"id": "note00000000001", s.NoteTo: "Ana",
		s.NoteBody: "thanks for sitting with patient Zyxwbert Quill in bed 12, MRN 8675309, DOB 03/04/1951"}) // the PHI guard's hook sets flags
	kktest.Staff(t, app, moderatorEmail, s.RoleModerate)
}

// TestDecisionsAreLogged pins what the audit trail keeps for a decision
// made through the REST API (the dashboard, a moderator's token): who by
// account id, what, from/to, the finding kinds, and never the text.
func TestDecisionsAreLogged(t *testing.T) {
	for _, c := range []struct {
		name, authCollection string
		token                func(t testing.TB, app core.App) string
		account              func(t testing.TB, app core.App) *core.Record
	}{
		{"superuser", core.CollectionNameSuperusers,
			func(t testing.TB, app core.App) string { return kktest.SuperuserToken(t, app) },
			func(t testing.TB, app core.App) *core.Record {
				su, _ := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, kktest.SuperuserEmail)
				return su
			}},
		{"moderator", s.Moderators,
			func(t testing.TB, app core.App) string {
				return kktest.StaffToken(t, app, moderatorEmail, s.RoleModerate)
			},
			func(t testing.TB, app core.App) *core.Record { return kktest.Staff(t, app, moderatorEmail) }},
	} {
		sc := tests.ApiScenario{
			Name: c.name + " approves a note", Method: http.MethodPatch, URL: "/api/collections/notes/records/note00000000001",
			Body: strings.NewReader(`{"status":"approved"}`), Headers: map[string]string{"Content-Type": "application/json"},
			TestAppFactory: kktest.Factory(seed), ExpectedStatus: 200, ExpectedContent: []string{`"status":"approved"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				logs, err := app.FindAllRecords(moderation.Collection)
				if err != nil || len(logs) != 1 {
					t.Fatalf("log entries = %d (%v)", len(logs), err)
				}
				l := logs[0]
				want := map[string]string{
					s.LogModerator: c.account(t, app).Id, s.LogAuthCollection: c.authCollection,
					s.LogCollection: s.Notes, s.LogRecord: "note00000000001",
					s.LogFrom: s.StatusPending, s.LogTo: s.StatusApproved,
					s.LogFlagKinds: `["date_of_birth","patient_name","record_number","room_bed"]`,
				}
				for f, v := range want {
					if got := l.GetString(f); got != v {
						t.Errorf("%s = %q, want %q", f, got, v)
					}
				}
				assertNoText(t, l)
			},
		}
		sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			sc.Headers["Authorization"] = c.token(t, app)
		}
		sc.Test(t)
	}

	del := tests.ApiScenario{
		Name: "a deletion is logged", Method: http.MethodDelete, URL: "/api/collections/notes/records/note00000000001",
		TestAppFactory: kktest.Factory(seed), ExpectedStatus: 204, Headers: map[string]string{},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			l, err := app.FindFirstRecordByData(moderation.Collection, s.LogRecord, "note00000000001")
			if err != nil {
				t.Fatal(err)
			}
			if l.GetString(s.LogFrom) != s.StatusPending || l.GetString(s.LogTo) != s.LogToDeleted {
				t.Errorf("entry = %v", l.PublicExport())
			}
			assertNoText(t, l)
		},
	}
	del.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		del.Headers["Authorization"] = kktest.SuperuserToken(t, app)
	}
	del.Test(t)

	for _, sc := range []tests.ApiScenario{
		{Name: "the public can't read the log", Method: http.MethodGet, URL: "/api/collections/moderation_log/records",
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}},
	} {
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Test(t)
	}
}

// TestLogForTheDesk pins the function the desk calls: same entry, and no
// entry when nothing changed.
func TestLogForTheDesk(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	staff := kktest.Staff(t, app, moderatorEmail)
	note, err := app.FindRecordById(s.Notes, "note00000000001")
	if err != nil {
		t.Fatal(err)
	}
	if err := moderation.Log(app, staff, note, s.StatusPending, s.StatusPending); err != nil {
		t.Fatal(err)
	}
	if err := moderation.Log(app, staff, note, s.StatusPending, s.StatusRejected); err != nil {
		t.Fatal(err)
	}
	logs, err := app.FindAllRecords(moderation.Collection)
	if err != nil || len(logs) != 1 {
		t.Fatalf("log entries = %d (%v), want 1", len(logs), err)
	}
	if l := logs[0]; l.GetString(s.LogModerator) != staff.Id || l.GetString(s.LogAuthCollection) != s.Moderators ||
		l.GetString(s.LogTo) != s.StatusRejected || l.GetString(s.LogFlagKinds) != `["date_of_birth","patient_name","record_number","room_bed"]` {
		t.Errorf("entry = %v", l.PublicExport())
	}
}

// assertNoText fails if any field of a log entry holds a patient
// identifier, or if the log has grown a field for text.
func assertNoText(t testing.TB, l *core.Record) {
	t.Helper()
	for f, v := range l.FieldsData() {
		str, _ := v.(string)
		for _, id := range identifiers {
			if strings.Contains(str, id) || strings.Contains(l.GetString(f), id) {
				t.Errorf("log field %s holds %q", f, id)
			}
		}
	}
	if l.Collection().Fields.GetByName("summary") != nil {
		t.Error("moderation_log still has a summary field")
	}
}
