package browsertest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestNoteFromAPhone is issue 3's proof, end to end at 390×844: post a note
// from the QR code's form, see the honest "sent" page; post one with a
// record number, see the warning with the finding highlighted and the text
// kept, send it anyway; approve the first through the REST API as a
// moderator; see it, and only it, on the start page.
func TestNoteFromAPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	ctx := browsertest.NewBrowser(t, 390, 844)
	const clean = "Thank you for covering my break at 3am. You are a star."

	// the form, as the QR code opens it
	var lead string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/notes/new?room=break-room"),
		chromedp.WaitVisible("#to", chromedp.ByQuery),
		chromedp.Text("main .eyebrow", &lead, chromedp.ByQuery),
	)
	if !strings.EqualFold(lead, "Staff break room") {
		t.Errorf("eyebrow = %q, want the room from the QR code", lead)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "notes-form")

	// a clean note: 303 to the sent page
	var sentURL, sent string
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#to", "Ana in pharmacy", chromedp.ByQuery),
		chromedp.SendKeys("#body", clean, chromedp.ByQuery),
		chromedp.SendKeys("#from", "Sam, 4 West", chromedp.ByQuery),
		chromedp.Click(`form button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".success", chromedp.ByQuery),
		chromedp.Location(&sentURL),
		chromedp.Text("main", &sent, chromedp.ByQuery),
	)
	if !strings.HasSuffix(sentURL, "/notes/sent?room=break-room") || !strings.Contains(sent, "after a moderator approves it") {
		t.Errorf("sent page %s shows %q", sentURL, sent)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "notes-sent")

	// a note with a record number: the warning, highlighted, text kept
	const risky = "Thanks for finding the notes for MRN 12345678 so fast."
	var marked, kept string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/notes/new?room=break-room"),
		chromedp.WaitVisible("#to", chromedp.ByQuery),
		chromedp.SendKeys("#to", "Medical records", chromedp.ByQuery),
		chromedp.SendKeys("#body", risky, chromedp.ByQuery),
		chromedp.Click(`form button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".phi-warning", chromedp.ByQuery),
		chromedp.Text(".phi-preview mark", &marked, chromedp.ByQuery),
		chromedp.Value("#body", &kept, chromedp.ByQuery),
	)
	if marked != "12345678" || kept != risky {
		t.Errorf("warning marks %q, textarea keeps %q", marked, kept)
	}
	if n := countNotes(t, srv); n != 1 {
		t.Errorf("a warned note must not be stored yet: %d notes", n)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "notes-phi-warning")
	browsertest.Run(t, ctx, chromedp.ScrollIntoView(".actions", chromedp.ByQuery))
	browsertest.Screenshot(t, ctx, "notes-phi-send-anyway")

	browsertest.Run(t, ctx,
		chromedp.Click(`button[name=confirm]`, chromedp.ByQuery),
		chromedp.WaitVisible(".success", chromedp.ByQuery),
		chromedp.Text("main", &sent, chromedp.ByQuery),
	)
	if !strings.Contains(sent, "check the details we flagged") {
		t.Errorf("held sent page shows %q", sent)
	}
	held, err := srv.App.FindFirstRecordByData(s.Notes, s.NoteTo, "Medical records")
	if err != nil {
		t.Fatal(err)
	}
	if flags := held.GetString(s.NoteFlags); held.GetString(s.FieldStatus) != s.StatusPending ||
		!strings.Contains(flags, `"record_number"`) || !strings.Contains(flags, `"sent_anyway":true`) {
		t.Errorf("held note: status %q flags %s", held.GetString(s.FieldStatus), flags)
	}

	// a moderator approves the first note through the REST API
	first, err := srv.App.FindFirstRecordByData(s.Notes, s.NoteTo, "Ana in pharmacy")
	if err != nil {
		t.Fatal(err)
	}
	token := superuserLogin(t, srv)
	if code := apiPatch(t, srv, token, "/api/collections/notes/records/"+first.Id, `{"status":"approved"}`); code != http.StatusOK {
		t.Fatalf("approve: HTTP %d", code)
	}

	var notes string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(".note", chromedp.ByQuery),
		chromedp.Text("main", &notes, chromedp.ByQuery),
	)
	if !strings.Contains(notes, clean) || !strings.Contains(strings.ToLower(notes), "to ana in pharmacy") || !strings.Contains(notes, "Sam, 4 West") {
		t.Errorf("start page doesn't show the approved note: %q", notes)
	}
	if strings.Contains(notes, "12345678") {
		t.Errorf("start page shows the held note: %q", notes)
	}
}

// TestStoryFromAPhone: submit a story anonymously, publish it through the
// REST API, read it at /stories/{id}.
func TestStoryFromAPhone(t *testing.T) {
	srv := browsertest.StartServer(t)
	ctx := browsertest.NewBrowser(t, 390, 844)
	const title = "The cup of tea at 4am"
	body := "It had been a long night on the ward.\n\n## What she did\n\nShe made me a cup of tea, sat down for five minutes, and *listened*.\n\n" +
		"- She didn't fix anything.\n- She didn't need to.\n\nRead more about [Schwartz Rounds](https://intranet.example/rounds)."

	var sent string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/stories/new"),
		chromedp.WaitVisible("#title", chromedp.ByQuery),
	)
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "notes-story-form")
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#title", title, chromedp.ByQuery),
		chromedp.SendKeys("#body", body, chromedp.ByQuery),
		chromedp.Click(`form button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".success", chromedp.ByQuery),
		chromedp.Text("main", &sent, chromedp.ByQuery),
	)
	if !strings.Contains(sent, "Thank you for sharing.") {
		t.Errorf("sent page shows %q", sent)
	}
	story, err := srv.App.FindFirstRecordByData(s.Stories, s.StoryTitle, title)
	if err != nil {
		t.Fatal(err)
	}
	if story.GetString(s.FieldStatus) != s.StatusPending {
		t.Errorf("story status %q, want pending", story.GetString(s.FieldStatus))
	}

	// not readable until published
	var notYet string
	browsertest.Run(t, ctx, chromedp.Navigate(srv.URL+"/stories/"+story.Id), chromedp.Text("main", &notYet, chromedp.ByQuery))
	if strings.Contains(notYet, title) {
		t.Errorf("pending story is readable: %q", notYet)
	}

	token := superuserLogin(t, srv)
	if code := apiPatch(t, srv, token, "/api/collections/stories/records/"+story.Id, `{"status":"published"}`); code != http.StatusOK {
		t.Fatalf("publish: HTTP %d", code)
	}

	var h1, h2, meta, href, rel string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/stories/"+story.Id),
		chromedp.WaitVisible("article.story", chromedp.ByQuery),
		chromedp.Text("article h1", &h1, chromedp.ByQuery),
		chromedp.Text(".story-body h2", &h2, chromedp.ByQuery),
		chromedp.Text("article .meta", &meta, chromedp.ByQuery),
		chromedp.AttributeValue(".story-body a", "href", &href, nil, chromedp.ByQuery),
		chromedp.AttributeValue(".story-body a", "rel", &rel, nil, chromedp.ByQuery),
	)
	if h1 != title || h2 != "What she did" || !strings.HasPrefix(meta, "A colleague") {
		t.Errorf("story page: h1 %q h2 %q meta %q", h1, h2, meta)
	}
	if href != "https://intranet.example/rounds" || rel != "noopener nofollow ugc" {
		t.Errorf("story link %q rel %q", href, rel)
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "notes-story")
}

// superuserLogin creates a moderator and signs in through the REST API, as
// the dashboard does.
func superuserLogin(t *testing.T, srv *browsertest.Server) string {
	t.Helper()
	const email, password = "moderator@hospital.example", "a long passphrase"
	if _, err := srv.App.FindAuthRecordByEmail(core.CollectionNameSuperusers, email); err != nil {
		col, err := srv.App.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			t.Fatal(err)
		}
		su := core.NewRecord(col)
		su.SetEmail(email)
		su.SetPassword(password)
		if err := srv.App.Save(su); err != nil {
			t.Fatal(err)
		}
	}
	res, err := http.Post(srv.URL+"/api/collections/_superusers/auth-with-password", "application/json",
		strings.NewReader(fmt.Sprintf(`{"identity":%q,"password":%q}`, email, password)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var auth struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&auth); err != nil || auth.Token == "" {
		t.Fatalf("superuser login: HTTP %d %v", res.StatusCode, err)
	}
	return auth.Token
}

func apiPatch(t *testing.T, srv *browsertest.Server, token, path, body string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPatch, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func countNotes(t *testing.T, srv *browsertest.Server) int {
	t.Helper()
	n, err := srv.App.CountRecords(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// TestNoteBodyLimitsOverTheWire sends 8 MB to the real server over TCP,
// once with a Content-Length and once chunked (no length, so the limit is
// only found while reading): both get the HTML 413 page, nothing is stored.
func TestNoteBodyLimitsOverTheWire(t *testing.T) {
	srv := browsertest.StartServer(t)
	for _, chunked := range []bool{false, true} {
		body := strings.NewReader("to=Ana&body=" + strings.Repeat("a", 8<<20))
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/notes", io.MultiReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if !chunked {
			req.ContentLength = int64(body.Len())
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("chunked=%v: %v", chunked, err)
		}
		page, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(page), "too much text") {
			t.Errorf("chunked=%v: HTTP %d, %.200s", chunked, res.StatusCode, page)
		}
	}
	if n := countNotes(t, srv); n != 0 {
		t.Errorf("%d notes stored", n)
	}
}
