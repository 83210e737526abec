package notes_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

var formHeaders = map[string]string{"Content-Type": "application/x-www-form-urlencoded"}

func form(kv ...string) *strings.Reader {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}

// expectNotes fails unless exactly n notes are stored.
func expectNotes(n int) func(t testing.TB, app *tests.TestApp, res *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		t.Helper()
		if got, err := app.CountRecords(s.Notes); err != nil || int(got) != n {
			t.Fatalf("stored notes = %d (%v), want %d", got, err, n)
		}
	}
}

func onlyNote(t testing.TB, app *tests.TestApp) *core.Record {
	t.Helper()
	recs, err := app.FindAllRecords(s.Notes)
	if err != nil || len(recs) != 1 {
		t.Fatalf("want one note, got %d (%v)", len(recs), err)
	}
	return recs[0]
}

func setAutoApprove(t testing.TB, app *tests.TestApp) {
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingAutoApproveClean, true)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
}

func TestNoteForm(t *testing.T) {
	long := strings.Repeat("thank you ", 61) // 609 runes once trimmed
	scenarios := []tests.ApiScenario{
		{Name: "form for a room", Method: http.MethodGet, URL: "/notes/new?room=break-room", ExpectedStatus: 200,
			ExpectedContent: []string{"From Staff break room", `name="to"`, `name="body"`, `name="from"`, `name="room" value="break-room"`, "no patient details", `name="website"`}},
		{Name: "form without a room", Method: http.MethodGet, URL: "/notes/new", ExpectedStatus: 200,
			ExpectedContent: []string{`name="room" value=""`}, NotExpectedContent: []string{"We don&#39;t know that room"}},
		{Name: "form for an unknown room still works", Method: http.MethodGet, URL: "/notes/new?room=gone", ExpectedStatus: 200,
			ExpectedContent: []string{"know that room any more", `name="room" value=""`}},

		{Name: "good post: 303 to sent, stored pending in its room", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body:           form("to", "  Ana in pharmacy ", "body", "Thank you for **everything**\r\nyesterday", "from", "", "room", "break-room"),
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/sent?room=break-room" {
					t.Errorf("Location = %q", loc)
				}
				n := onlyNote(t, app)
				if n.GetString(s.NoteTo) != "Ana in pharmacy" || n.GetString(s.NoteBody) != "Thank you for **everything**\nyesterday" ||
					n.GetString(s.FieldStatus) != s.StatusPending || n.GetString(s.FieldRoom) == "" || n.GetString(s.NoteFrom) != "" {
					t.Errorf("stored %v", n.PublicExport())
				}
			}},
		{Name: "forged status in the form is ignored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana", "body", "thanks", "status", "approved"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusPending {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "empty post: messages next to fields, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "", "body", "  ", "from", "Sam"), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-to"`, "Please fill in who it is for.", `id="err-body"`, "Please fill in your message.", `value="Sam"`},
			AfterTestFunc:   expectNotes(0)},
		{Name: "over-long body: message, text kept, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana", "body", long), ExpectedStatus: 422,
			ExpectedContent: []string{"Your message is 609 characters; the limit is 600.", "thank you thank you", `value="Ana"`},
			AfterTestFunc:   expectNotes(0)},
		{Name: "over-long name", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", strings.Repeat("x", 81), "body", "thanks"), ExpectedStatus: 422,
			ExpectedContent: []string{"the limit is 80"}, AfterTestFunc: expectNotes(0)},
		{Name: "invalid UTF-8: clear message, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: strings.NewReader("to=Ana&body=thanks%ff%fe"), ExpectedStatus: 422,
			ExpectedContent: []string{"characters we can&#39;t read"}, AfterTestFunc: expectNotes(0)},
		{Name: "control characters are removed", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana\x00\x07", "body", "thanks\x1b[31m red"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n := onlyNote(t, app)
				if n.GetString(s.NoteTo) != "Ana" || n.GetString(s.NoteBody) != "thanks[31m red" {
					t.Errorf("stored %q / %q", n.GetString(s.NoteTo), n.GetString(s.NoteBody))
				}
			}},
		{Name: "PHI: warning with highlight, text kept, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Night team", "body", "Thanks for sitting with Mrs Kowalski in bed 12", "room", "break-room"), ExpectedStatus: 200,
			ExpectedContent: []string{"Please check for patient details", "<mark>Mrs Kowalski</mark>", "<mark>bed 12</mark>", `name="confirm" value="1"`,
				"Thanks for sitting with Mrs Kowalski in bed 12</textarea>"},
			AfterTestFunc: expectNotes(0)},
		{Name: "PHI sent anyway: held pending with findings", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Night team", "body", "Thanks for sitting with Mrs Kowalski in bed 12", "confirm", "1"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/sent?held=1" {
					t.Errorf("Location = %q", loc)
				}
				n := onlyNote(t, app)
				flags := n.GetString(s.NoteFlags)
				if n.GetString(s.FieldStatus) != s.StatusPending || !strings.Contains(flags, `"patient_name"`) ||
					!strings.Contains(flags, `"room_bed"`) || !strings.Contains(flags, `"sent_anyway":true`) {
					t.Errorf("status %q flags %s", n.GetString(s.FieldStatus), flags)
				}
			}},
		{Name: "auto-approve publishes a clean note", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana", "body", "thanks for the tea"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(setAutoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusApproved {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "auto-approve never publishes a flagged note", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana", "body", "thanks, MRN 1234567", "confirm", "1"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(setAutoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusPending {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "honeypot: looks sent, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: form("to", "Ana", "body", "buy pills", "website", "http://spam.example"), ExpectedStatus: 303,
			AfterTestFunc: expectNotes(0)},
		{Name: "cross-site post refused with an HTML page", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body:    form("to", "Ana", "body", "thanks"), ExpectedStatus: 403,
			ExpectedContent: []string{"<!doctype html>", "can only be sent from this site"}, AfterTestFunc: expectNotes(0)},
		{Name: "8 MB body: HTML 413, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: formHeaders,
			Body: strings.NewReader("to=Ana&body=" + strings.Repeat("a", 8<<20)), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>", "too much text"}, AfterTestFunc: expectNotes(0)},
		{Name: "sent page", Method: http.MethodGet, URL: "/notes/sent?room=break-room", ExpectedStatus: 200,
			ExpectedContent: []string{"Thank you for saying thank you.", "after a moderator approves it", `href="/notes/new?room=break-room"`}},
		{Name: "sent page for a held note", Method: http.MethodGet, URL: "/notes/sent?held=1", ExpectedStatus: 200,
			ExpectedContent: []string{"check the details we flagged"}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(nil)
		}
		sc.Test(t)
	}
}

// TestRESTCreateIsGuarded: a note created over the public REST API gets
// the same PHI guard; the public can't read it back or its flags.
func TestRESTCreateIsGuarded(t *testing.T) {
	sc := tests.ApiScenario{
		Name: "REST create with PHI", Method: http.MethodPost, URL: "/api/collections/notes/records",
		Body:           strings.NewReader(`{"to":"Ana","body":"call the son on 07700 900123"}`),
		Headers:        map[string]string{"Content-Type": "application/json"},
		ExpectedStatus: 200, ExpectedContent: []string{`"status":"pending"`}, NotExpectedContent: []string{"flags", "phone"},
		TestAppFactory: kktest.Factory(setAutoApprove),
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			n := onlyNote(t, app)
			if !strings.Contains(n.GetString(s.NoteFlags), `"phone"`) || n.GetString(s.FieldStatus) != s.StatusPending {
				t.Errorf("stored %q flags %s", n.GetString(s.FieldStatus), n.GetString(s.NoteFlags))
			}
		},
	}
	sc.Test(t)
}
