package notes_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

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
			ExpectedContent: []string{`<p class="eyebrow" dir="auto">Staff break room</p>`, `name="to"`, `name="body"`, `name="from"`, `name="room" value="break-room"`, "No patient details", `name="website"`}},
		{Name: "form without a room", Method: http.MethodGet, URL: "/notes/new", ExpectedStatus: 200,
			ExpectedContent: []string{`name="room" value=""`}, NotExpectedContent: []string{"We don&#39;t know that room"}},
		{Name: "form for an unknown room still works", Method: http.MethodGet, URL: "/notes/new?room=gone", ExpectedStatus: 200,
			ExpectedContent: []string{"know that room any more", `name="room" value=""`}},

		{Name: "good post: 303 to sent, stored pending in its room", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body:           kktest.Form("to", "  Ana in pharmacy ", "body", "Thank you for **everything**\r\nyesterday", "from", "", "room", "break-room"),
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
		{Name: "forged status in the form is ignored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks", "status", "approved"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusPending {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "empty post: messages next to fields, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "", "body", "  ", "from", "Sam"), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-to"`, "Please fill in who it is for.", `id="err-body"`, "Please fill in your message.", `value="Sam"`},
			AfterTestFunc:   expectNotes(0)},
		{Name: "over-long body: message, text kept, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", long), ExpectedStatus: 422,
			ExpectedContent: []string{"Your message is 609 characters; the limit is 600.", "thank you thank you", `value="Ana"`},
			AfterTestFunc:   expectNotes(0)},
		{Name: "over-long name", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", strings.Repeat("x", 81), "body", "thanks"), ExpectedStatus: 422,
			ExpectedContent: []string{"the limit is 80"}, AfterTestFunc: expectNotes(0)},
		{Name: "invalid UTF-8: clear message, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: strings.NewReader("to=Ana&body=thanks%ff%fe"), ExpectedStatus: 422,
			ExpectedContent: []string{"characters we can&#39;t read"}, AfterTestFunc: expectNotes(0)},
		{Name: "control characters are removed", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana\x00\x07", "body", "thanks\x1b[31m red"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n := onlyNote(t, app)
				if n.GetString(s.NoteTo) != "Ana" || n.GetString(s.NoteBody) != "thanks[31m red" {
					t.Errorf("stored %q / %q", n.GetString(s.NoteTo), n.GetString(s.NoteBody))
				}
			}},
		{Name: "PHI: warning with highlight, text kept, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Night team", "body", "Thanks for sitting with Mrs Kowalski in bed 12", "room", "break-room"), ExpectedStatus: 200,
			ExpectedContent: []string{"Please check for patient details", "<mark>Mrs Kowalski</mark>", "<mark>bed 12</mark>", `name="confirm" value="1"`,
				"Thanks for sitting with Mrs Kowalski in bed 12</textarea>"},
			AfterTestFunc: expectNotes(0)},
		{Name: "PHI sent anyway: held pending with findings", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Night team", "body", "Thanks for sitting with Mrs Kowalski in bed 12", "confirm", "1"), ExpectedStatus: 303,
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
		{Name: "auto-approve publishes a clean note", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks for the tea"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(setAutoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusApproved {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "auto-approve never publishes a flagged note", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks, MRN 1234567", "confirm", "1"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(setAutoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if st := onlyNote(t, app).GetString(s.FieldStatus); st != s.StatusPending {
					t.Errorf("status = %q", st)
				}
			}},
		{Name: "honeypot: looks sent, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "buy pills", "website", "http://spam.example"), ExpectedStatus: 303,
			AfterTestFunc: expectNotes(0)},
		{Name: "cross-site post refused with an HTML page", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body:    kktest.Form("to", "Ana", "body", "thanks"), ExpectedStatus: 403,
			ExpectedContent: []string{"<!doctype html>", "can only be sent from this site"}, AfterTestFunc: expectNotes(0)},
		{Name: "8 MB body: HTML 413, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: strings.NewReader("to=Ana&body=" + strings.Repeat("a", 8<<20)), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>", "too much text"}, AfterTestFunc: expectNotes(0)},
		{Name: "8 MB chunked body (no Content-Length): HTML 413, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: io.MultiReader(strings.NewReader("to=Ana&body="), strings.NewReader(strings.Repeat("a", 8<<20))), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>", "too much text"}, NotExpectedContent: []string{`"status"`}, AfterTestFunc: expectNotes(0)},
		{Name: "8 MB over REST: refused unread by the API body limit (413, ADR 0102), nothing stored", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Headers: map[string]string{"Content-Type": "application/json"},
			Body:    strings.NewReader(`{"to":"Ana","body":"` + strings.Repeat("a", 8<<20) + `"}`), ExpectedStatus: 413,
			ExpectedContent: []string{`"status":413`}, AfterTestFunc: expectNotes(0)},
		{Name: "a body over 600 characters over REST: JSON 400 next to the field, nothing stored", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Headers: map[string]string{"Content-Type": "application/json"},
			Body:    strings.NewReader(`{"to":"Ana","body":"` + strings.Repeat("a", 601) + `"}`), ExpectedStatus: 400,
			ExpectedContent: []string{`"body":{"code":"validation_max_text_constraint"`}, AfterTestFunc: expectNotes(0)},
		{Name: "broken form encoding: HTML 400, nothing stored", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: strings.NewReader("to=Ana&body=%zz"), ExpectedStatus: 400,
			ExpectedContent: []string{"<!doctype html>", "couldn&#39;t read that form"}, AfterTestFunc: expectNotes(0)},
		{Name: "multipart post from a script works", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "multipart/form-data; boundary=XX"},
			Body: strings.NewReader("--XX\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nAna\r\n" +
				"--XX\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nthanks\r\n" +
				"--XX\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\napproved\r\n--XX--\r\n"),
			ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := onlyNote(t, app); n.GetString(s.NoteBody) != "thanks" || n.GetString(s.FieldStatus) != s.StatusPending {
					t.Errorf("stored %v", n.PublicExport())
				}
			}},
		{Name: "body of 600 accented letters fits (runes, not bytes)", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Zoë", "body", strings.Repeat("é", 600)), ExpectedStatus: 303, AfterTestFunc: expectNotes(1)},
		{Name: "only spaces and control characters count as empty", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "\x00 \t\u202e", "body", "\r\n\x1b"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please fill in who it is for.", "Please fill in your message."}, AfterTestFunc: expectNotes(0)},
		{Name: "bidi override removed before saving", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks \u202eevol\u202c x"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if b := onlyNote(t, app).GetString(s.NoteBody); b != "thanks evol x" {
					t.Errorf("stored %q", b)
				}
			}},
		{Name: "unknown room: the note still goes out, to every screen", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks", "room", "no-such-room"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/sent" {
					t.Errorf("Location = %q", loc)
				}
				if r := onlyNote(t, app).GetString(s.FieldRoom); r != "" {
					t.Errorf("room = %q", r)
				}
			}},
		{Name: "inactive room is treated as unknown", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks", "room", "closed"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "Closed", s.RoomSlug: "closed", s.RoomActive: false})
			}),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if r := onlyNote(t, app).GetString(s.FieldRoom); r != "" {
					t.Errorf("room = %q", r)
				}
			}},
		{Name: "room slug with markup is never echoed raw", Method: http.MethodGet, URL: "/notes/new?room=%22%3E%3Cscript%3Ex%3C/script%3E",
			ExpectedStatus: 200, NotExpectedContent: []string{"<script>x"}},
		{Name: "a surgeon named in 'to' is not a patient", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Mr Patel", "body", "thanks for the teaching"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if f := onlyNote(t, app).GetString(s.NoteFlags); f != "" && f != "null" {
					t.Errorf("flags %s", f)
				}
			}},
		{Name: "a bed in 'to' is still found", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Mrs Kowalski in bed 12", "body", "thank you"), ExpectedStatus: 200,
			ExpectedContent: []string{"Please check for patient details", "<mark>Mrs Kowalski</mark>", "<mark>bed 12</mark>"}, AfterTestFunc: expectNotes(0)},
		{Name: "cross-site post with a forged status: 403, nothing stored", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site"},
			Body:    kktest.Form("to", "Ana", "body", "thanks", "status", "approved", "confirm", "1"), ExpectedStatus: 403,
			ExpectedContent: []string{"<!doctype html>"}, AfterTestFunc: expectNotes(0)},
		{Name: "same-origin post from the page is accepted", Method: http.MethodPost, URL: "/notes",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"},
			Body:    kktest.Form("to", "Ana", "body", "thanks"), ExpectedStatus: 303, AfterTestFunc: expectNotes(1)},
		{Name: "GET /notes is not a page", Method: http.MethodGet, URL: "/notes", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
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

// TestOnlyApprovedIsPublic: pending and rejected notes never reach the
// start page or the REST API, and a note without a name reads "A colleague".
func TestOnlyApprovedIsPublic(t *testing.T) {
	seed := func(t testing.TB, app *tests.TestApp) {
		kktest.Create(t, app, s.Notes, map[string]any{"id": "noteapproved000", s.NoteTo: "Ana", s.NoteBody: "APPROVED-BODY", s.FieldStatus: s.StatusApproved})
		kktest.Create(t, app, s.Notes, map[string]any{"id": "notepending0000", s.NoteTo: "Ben", s.NoteBody: "PENDING-BODY", s.NoteFrom: "PENDING-FROM"})
		kktest.Create(t, app, s.Notes, map[string]any{"id": "noterejected000", s.NoteTo: "Cy", s.NoteBody: "REJECTED-BODY", s.FieldStatus: s.StatusRejected})
	}
	for _, sc := range []tests.ApiScenario{
		{Name: "start page", Method: http.MethodGet, URL: "/", ExpectedStatus: 200,
			ExpectedContent: []string{"APPROVED-BODY", `— <span dir="auto">A colleague</span>`}, NotExpectedContent: []string{"PENDING", "REJECTED"}},
		{Name: "REST list", Method: http.MethodGet, URL: "/api/collections/notes/records", ExpectedStatus: 200,
			ExpectedContent: []string{"APPROVED-BODY"}, NotExpectedContent: []string{"PENDING", "REJECTED"}},
		{Name: "REST view of pending", Method: http.MethodGet, URL: "/api/collections/notes/records/notepending0000", ExpectedStatus: 404,
			NotExpectedContent: []string{"PENDING"}},
		{Name: "REST view of rejected", Method: http.MethodGet, URL: "/api/collections/notes/records/noterejected000", ExpectedStatus: 404,
			NotExpectedContent: []string{"REJECTED"}},
		{Name: "REST filter can't widen the rule", Method: http.MethodGet, URL: "/api/collections/notes/records?filter=" + url.QueryEscape(`status!="approved"`),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{"PENDING", "REJECTED"}},
		{Name: "REST forged status via multipart refused", Method: http.MethodPost, URL: "/api/collections/notes/records",
			Headers: map[string]string{"Content-Type": "multipart/form-data; boundary=XX"},
			Body: strings.NewReader("--XX\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nAna\r\n--XX\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx\r\n" +
				"--XX\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\napproved\r\n--XX--\r\n"),
			ExpectedStatus: 400, ExpectedContent: []string{`"status":400`}, AfterTestFunc: expectNotes(3)},
	} {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}

// TestRateLimitedNoteKeepsText: the 11th note in a minute from one
// address is refused (429), but the page gives the words back, ready to
// send again; nothing is stored for it.
func TestRateLimitedNoteKeepsText(t *testing.T) {
	app := kktest.NewApp(t)
	client := kktest.NewClient(t, app)
	for i := range 10 {
		res := client.Do(http.MethodPost, "/notes", kktest.Form("to", "Team", "body", "thanks "+strings.Repeat("!", i)), kktest.FormHeaders)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("post %d: %d", i+1, res.StatusCode)
		}
	}
	res := client.Do(http.MethodPost, "/notes", kktest.Form("to", "Ward 9 <night>", "body", "You carried us\nthrough the storm", "from", "Sam", "room", "break-room", "website", ""), kktest.FormHeaders)
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("11th post: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{"Your words are safe", `action="/notes"`, "Ward 9 &lt;night&gt;", "You carried us\nthrough the storm",
		`name="room" value="break-room"`, "Send again"} {
		if !strings.Contains(page, want) {
			t.Errorf("429 page lacks %q", want)
		}
	}
	if !strings.Contains(page, `<input type="hidden" name="body" value="You carried us`) {
		t.Error("the body does not travel along for sending again")
	}
	if strings.Contains(page, `name="website"`) {
		t.Error("the honeypot travels along")
	}
	if n, _ := app.CountRecords(s.Notes); n != 10 {
		t.Errorf("notes = %d, want 10", n)
	}
}
