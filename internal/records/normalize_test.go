package records_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func autoApprove(t testing.TB, app *tests.TestApp) {
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingAutoApproveClean, true)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

func only(t testing.TB, app core.App, collection string) *core.Record {
	t.Helper()
	recs, err := app.FindAllRecords(collection)
	if err != nil || len(recs) != 1 {
		t.Fatalf("want one %s, got %d (%v)", collection, len(recs), err)
	}
	return recs[0]
}

// kinds are the finding kinds stored in flags; it fails if flags hold any
// matched text.
func kinds(t testing.TB, rec *core.Record) string {
	t.Helper()
	raw := rec.GetString(s.NoteFlags)
	if strings.Contains(raw, `"text"`) {
		t.Errorf("flags hold matched text: %s", raw)
	}
	var flags struct {
		Findings   map[string][]struct{ Kind string } `json:"findings"`
		SentAnyway bool                               `json:"sent_anyway"`
	}
	_ = json.Unmarshal([]byte(raw), &flags)
	var out []string
	for _, field := range []string{"to", "body", "from", "title", "author"} {
		for _, f := range flags.Findings[field] {
			out = append(out, field+":"+f.Kind)
		}
	}
	if flags.SentAnyway {
		out = append(out, "sent_anyway")
	}
	return strings.Join(out, " ")
}

// TestRESTBypassesNormalised: the bypasses that went straight to the
// screens under auto-approve (non-breaking and zero-width spaces,
// full-width digits, bidi overrides and control characters) are
// normalised before the REST create is scanned and stored, for notes and
// stories.
func TestRESTBypassesNormalised(t *testing.T) {
	for _, c := range []struct {
		name, collection, body string
		wantText, wantKinds    string
	}{
		{"NBSP title, surname and bed", s.Notes, `{"to":"Ana","body":"Thank you for sitting with Mrs\u00a0Kowalski in\u00a0bed\u00a012"}`,
			"Thank you for sitting with Mrs Kowalski in bed 12", "body:patient_name body:room_bed"},
		{"zero-width spaces", s.Notes, `{"to":"Ana","body":"Mr\u200b Okafor\u200b in\u200b bed\u200b 12 said thanks"}`,
			"Mr Okafor in bed 12 said thanks", "body:patient_name body:room_bed"},
		{"full-width MRN", s.Notes, `{"to":"Ana","body":"ＭＲＮ １２３４５６７ fixed, thanks"}`,
			"MRN 1234567 fixed, thanks", "body:record_number"},
		{"full-width DOB", s.Notes, `{"to":"Ana","body":"DOB ０３/０４/１９５１ was on the wrong band"}`,
			"DOB 03/04/1951 was on the wrong band", "body:date_of_birth"},
		{"bidi override and controls stripped", s.Notes, `{"to":"Ana\u202e","body":"thanks\u0007 for the \u2066tea\u2069"}`,
			"thanks for the tea", ""},
		{"story with NBSP", s.Stories, `{"title":"Night","body":"Sra.\u00a0García de la cama\u00a012 nos dio las gracias"}`,
			"Sra. García de la cama 12 nos dio las gracias", "body:patient_name body:room_bed"},
	} {
		sc := tests.ApiScenario{
			Name: c.name, Method: http.MethodPost, URL: "/api/collections/" + c.collection + "/records",
			Body: strings.NewReader(c.body), Headers: map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"pending"`}, NotExpectedContent: []string{"flags"},
			TestAppFactory: kktest.Factory(autoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				rec := only(t, app, c.collection)
				if got := rec.GetString("body"); got != c.wantText {
					t.Errorf("stored body %q, want %q", got, c.wantText)
				}
				if got := kinds(t, rec); got != c.wantKinds {
					t.Errorf("flags %q, want %q", got, c.wantKinds)
				}
				if c.collection == s.Notes && rec.GetString(s.NoteTo) != "Ana" {
					t.Errorf("to %q", rec.GetString(s.NoteTo))
				}
				if c.wantKinds == "" && c.collection == s.Notes {
					// clean: auto-approved, as before
					if rec.GetString(s.FieldStatus) != s.StatusApproved {
						t.Errorf("clean note %q", rec.GetString(s.FieldStatus))
					}
				}
			},
		}
		if c.wantKinds == "" {
			sc.ExpectedContent = []string{`"status":"approved"`}
		}
		sc.Test(t)
	}
}

// TestEditRescans: the one hook normalises and re-scans on update however
// the edit arrives (here the dashboard's REST PATCH and app.Save as the
// desk does): findings describe the text as it is now, the writer's "sent
// anyway" is kept, and a clean text clears them.
func TestEditRescans(t *testing.T) {
	seed := func(t testing.TB, app *tests.TestApp) {
		kktest.Create(t, app, s.Notes, map[string]any{"id": "noteedit0000001", s.NoteTo: "Ana", s.NoteBody: "thanks for the tea in bed 4",
			s.NoteFlags: map[string]any{"sent_anyway": true}})
	}
	for _, c := range []struct{ name, body, wantKinds, wantText string }{
		{"edit adds a name: re-scanned, sent anyway kept", `{"body":"thanks for sitting with Mrs\u00a0Kowalski"}`, "body:patient_name sent_anyway", "thanks for sitting with Mrs Kowalski"},
		{"redacted: flags cleared", `{"body":"thanks for the tea"}`, "", "thanks for the tea"},
	} {
		sc := tests.ApiScenario{
			Name: c.name, Method: http.MethodPatch, URL: "/api/collections/notes/records/noteedit0000001",
			Body: strings.NewReader(c.body), Headers: map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: 200, ExpectedContent: []string{`"id":"noteedit0000001"`}, TestAppFactory: kktest.Factory(seed),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				rec := only(t, app, s.Notes)
				if got := kinds(t, rec); got != c.wantKinds {
					t.Errorf("flags %q, want %q", got, c.wantKinds)
				}
				if got := rec.GetString(s.NoteBody); got != c.wantText {
					t.Errorf("body %q, want %q", got, c.wantText)
				}
			},
		}
		sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
		}
		sc.Test(t)
	}

	// app.Save, as the desk and the purge job do
	app := kktest.NewApp(t)
	seed(t, app)
	rec, err := app.FindRecordById(s.Notes, "noteedit0000001")
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(t, rec); got != "body:room_bed sent_anyway" {
		t.Fatalf("seeded flags %q", got)
	}
	rec.Set(s.NoteBody, "ＭＲＮ １２３４５６７")
	if err := app.Save(rec); err != nil {
		t.Fatal(err)
	}
	rec, _ = app.FindRecordById(s.Notes, "noteedit0000001")
	if got := kinds(t, rec); got != "body:record_number sent_anyway" || rec.GetString(s.NoteBody) != "MRN 1234567" {
		t.Errorf("after app.Save: flags %q body %q", got, rec.GetString(s.NoteBody))
	}
}
