package desk_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

const redacted = "Thank you for staying late with a patient when she was scared."

func TestEdit(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "the edit page: findings highlighted above the form", Method: http.MethodGet, URL: "/moderate/notes/" + flaggedNote + "/edit",
			ExpectedStatus: 200,
			ExpectedContent: []string{`<mark class="phi">Mrs Kowalski</mark>`, `name="body"`, flaggedBody, `value="the night team"`,
				`action="/moderate/notes/` + flaggedNote + `/approve"`, "Save and check again"}},
		{Name: "a story's fields", Method: http.MethodGet, URL: "/moderate/stories/" + story + "/edit", ExpectedStatus: 200,
			ExpectedContent: []string{`name="title" value="The cup of tea"`, `name="author" value="Sam"`, "It was a long night."}},
		{Name: "save: 303 to the re-scanned item", Method: http.MethodPost, URL: "/moderate/notes/" + flaggedNote + "/edit",
			Body: kktest.Form("to", "the night team", "body", redacted, "from", ""), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				location("/moderate/notes/"+flaggedNote+"/edit?m=saved#findings")(t, app, res)
				rec, _ := app.FindRecordById(s.Notes, flaggedNote)
				if rec.GetString(s.NoteBody) != redacted || rec.GetString(s.FieldStatus) != s.StatusPending {
					t.Errorf("saved %q as %s", rec.GetString(s.NoteBody), rec.GetString(s.FieldStatus))
				}
				// the record hook re-scanned: no finding, no trace of the name
				if f := rec.GetString(s.NoteFlags); strings.Contains(f, "patient_name") || strings.Contains(f, "Kowalski") {
					t.Errorf("flags after the redaction: %s", f)
				}
			}},
		{Name: "an empty message: said at the field, the rest kept", Method: http.MethodPost, URL: "/moderate/notes/" + flaggedNote + "/edit",
			Body: kktest.Form("to", "the night team (edited)", "body", "  ", "from", "Sam"), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-body"`, "Please fill in the message.", `value="the night team (edited)"`, `value="Sam"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				rec, _ := app.FindRecordById(s.Notes, flaggedNote)
				if rec.GetString(s.NoteBody) != flaggedBody {
					t.Errorf("a refused edit was saved: %q", rec.GetString(s.NoteBody))
				}
			}},
		{Name: "too long: said at the field, text kept", Method: http.MethodPost, URL: "/moderate/notes/" + flaggedNote + "/edit",
			Body: kktest.Form("to", "x", "body", strings.Repeat("kind ", 130)), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-body"`, "the limit is 600", strings.Repeat("kind ", 10)}},
	}
	for _, sc := range scenarios {
		sc.Headers = kktest.FormHeaders
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
