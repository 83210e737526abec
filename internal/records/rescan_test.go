package records_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

const flagged = "Thank you for sitting with patient Zyxwbert Quill in bed 12 all night."

// seedFlagged saves a note and a story with flags as the phone forms
// compute them (forms.Scan, as the REST guard and the form handlers do).
func seedFlagged(t testing.TB, app *tests.TestApp) {
	for _, r := range []struct {
		col    string
		fields map[string]any
		order  []string
	}{
		{s.Notes, map[string]any{"id": "noteflagged0001", s.NoteTo: "Ana", s.NoteBody: flagged}, []string{s.NoteTo, s.NoteBody}},
		{s.Stories, map[string]any{"id": "storyflagged001", s.StoryTitle: "A long night", s.StoryBody: flagged}, []string{s.StoryTitle, s.StoryBody}},
	} {
		values := map[string]string{}
		for _, f := range r.order {
			values[f] = r.fields[f].(string)
		}
		found, _ := forms.Scan(values, nil, r.order)
		r.fields[s.NoteFlags] = forms.Flags{Findings: found}
		kktest.Create(t, app, r.col, r.fields)
	}
	kktest.Staff(t, app, "mod@hospital.example", s.RoleModerate)
	for _, c := range []struct{ col, id string }{{s.Notes, "noteflagged0001"}, {s.Stories, "storyflagged001"}} {
		rec, err := app.FindRecordById(c.col, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rec.GetString(s.NoteFlags), "patient_name") {
			t.Fatalf("seed %s not flagged: %s", c.id, rec.GetString(s.NoteFlags))
		}
	}
}

// flagsOf returns a record's stored flags.
func flagsOf(t testing.TB, app core.App, col, id string) string {
	t.Helper()
	rec, err := app.FindRecordById(col, id)
	if err != nil {
		t.Fatal(err)
	}
	return rec.GetString(s.NoteFlags)
}

// TestEditRescansForEveryEditor pins that an edit replaces flags, however it arrives: a
// moderator's or superuser's REST update (the dashboard), or a save in Go
// (the desk). A redacted note no longer carries its old findings.
func TestEditRescansForEveryEditor(t *testing.T) {
	redact := `{"body":"Thank you for sitting with a patient all night."}`
	for _, who := range []string{"moderator", "superuser"} {
		for _, c := range []struct{ col, id string }{{s.Notes, "noteflagged0001"}, {s.Stories, "storyflagged001"}} {
			sc := tests.ApiScenario{
				Name: who + " redacts a " + c.col, Method: http.MethodPatch, URL: "/api/collections/" + c.col + "/records/" + c.id,
				Body: strings.NewReader(redact), Headers: map[string]string{"Content-Type": "application/json"},
				TestAppFactory: kktest.Factory(seedFlagged), ExpectedStatus: 200, ExpectedContent: []string{"a patient all night"},
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					if f := flagsOf(t, app, c.col, c.id); f != "" && f != "null" {
						t.Errorf("flags after redaction = %s, want none", f)
					}
				},
			}
			sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if who == "superuser" {
					sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
				} else {
					sc.Headers["Authorization"] = kktest.StaffToken(t, app, "mod@hospital.example", s.RoleModerate)
				}
			}
			sc.Test(t)
		}
	}
}

// TestEditRescansInGo covers the desk's path (app.Save) and pins what a
// re-scan keeps: the new kinds and ranges, the writer's "send anyway",
// never the matched text; a status-only change leaves flags alone.
func TestEditRescansInGo(t *testing.T) {
	app := kktest.NewApp(t)
	seedFlagged(t, app)
	note, err := app.FindRecordById(s.Notes, "noteflagged0001")
	if err != nil {
		t.Fatal(err)
	}
	note.Set(s.NoteFlags, map[string]any{"findings": map[string]any{}, "sent_anyway": true})
	if err := app.SaveNoValidate(note); err != nil { // hooks run; the text is unchanged, so flags stay as set
		t.Fatal(err)
	}
	if f := flagsOf(t, app, s.Notes, note.Id); !strings.Contains(f, `"sent_anyway":true`) {
		t.Fatalf("a save without a text change rewrote flags: %s", f)
	}
	if note, err = app.FindRecordById(s.Notes, "noteflagged0001"); err != nil { // as the desk loads it
		t.Fatal(err)
	}

	note.Set(s.NoteBody, "Thanks for calling 07700 900123 back for me, and for the tea.")
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	f := flagsOf(t, app, s.Notes, note.Id)
	for _, want := range []string{`"kind":"phone"`, `"start":`, `"sent_anyway":true`} {
		if !strings.Contains(f, want) {
			t.Errorf("flags after edit = %s, want %s", f, want)
		}
	}
	for _, gone := range []string{"patient_name", "room_bed", "07700", "900123", `"text"`} {
		if strings.Contains(f, gone) {
			t.Errorf("flags after edit = %s, must not hold %s", f, gone)
		}
	}

	note.Set(s.FieldStatus, s.StatusApproved)
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	if got := flagsOf(t, app, s.Notes, note.Id); got != f {
		t.Errorf("approval changed flags: %s -> %s", f, got)
	}
}
