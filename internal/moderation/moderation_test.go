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

func seed(t testing.TB, app *tests.TestApp) {
	kktest.Create(t, app, s.Notes, map[string]any{"id": "note00000000001", s.NoteTo: "Ana", s.NoteBody: "thanks for the tea"})
}

func TestApprovalIsLogged(t *testing.T) {
	sc := tests.ApiScenario{
		Name: "superuser approves a note", Method: http.MethodPatch, URL: "/api/collections/notes/records/note00000000001",
		Body: strings.NewReader(`{"status":"approved"}`), Headers: map[string]string{"Content-Type": "application/json"},
		TestAppFactory: kktest.Factory(seed), ExpectedStatus: 200, ExpectedContent: []string{`"status":"approved"`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			logs, err := app.FindAllRecords(moderation.Collection)
			if err != nil || len(logs) != 1 {
				t.Fatalf("log entries = %d (%v)", len(logs), err)
			}
			l := logs[0]
			if l.GetString("moderator") != kktest.SuperuserEmail || l.GetString("from_status") != "pending" ||
				l.GetString("to_status") != "approved" || l.GetString("summary") != "To Ana: thanks for the tea" || l.GetString("record") != "note00000000001" {
				t.Errorf("entry = %v", l.PublicExport())
			}
		},
	}
	sc.Headers["Authorization"] = ""
	sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
	}
	sc.Test(t)

	for _, sc := range []tests.ApiScenario{
		{Name: "the public can't read the log", Method: http.MethodGet, URL: "/api/collections/moderation_log/records",
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}},
	} {
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Test(t)
	}
}
