package browsertest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestModerationQueueInDashboard: an admin signs in to /_/ and lands on
// the queue (awaiting_moderation, pinned first in the sidebar): pending
// notes and stories only, the PHI findings in words; one click opens an
// item, one click approves or rejects it, and the row leaves the queue.
func TestModerationQueueInDashboard(t *testing.T) {
	srv := browsertest.StartServer(t)
	save := func(collection string, fields map[string]any) *core.Record {
		col, err := srv.App.FindCollectionByNameOrId(collection)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(col)
		for k, v := range fields {
			r.Set(k, v)
		}
		if err := srv.App.Save(r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	flagged := save(s.Notes, map[string]any{s.NoteTo: "Night team", s.NoteBody: "Thanks for sitting with Mrs Kowalski in bed 12", s.FieldStatus: s.StatusPending,
		s.NoteFlags: map[string]any{"findings": map[string]any{"body": []map[string]any{{"kind": "patient_name", "start": 24, "end": 37}, {"kind": "room_bed", "start": 41, "end": 47}}}, "sent_anyway": true}})
	clean := save(s.Notes, map[string]any{s.NoteTo: "Ana in pharmacy", s.NoteBody: "Thank you for the tea at 3am", s.FieldStatus: s.StatusPending})
	save(s.Notes, map[string]any{s.NoteTo: "Old news", s.NoteBody: "ALREADY APPROVED", s.FieldStatus: s.StatusApproved})
	story := save(s.Stories, map[string]any{s.StoryTitle: "The cup of tea", s.StoryBody: "x", s.FieldStatus: s.StatusPending})
	superuserLogin(t, srv) // creates the admin

	ctx := browsertest.NewBrowser(t, 1280, 800)
	var table, firstPinned, hash string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/_/"),
		chromedp.WaitVisible("#login_identity", chromedp.ByQuery),
		chromedp.SendKeys("#login_identity", "moderator@hospital.example", chromedp.ByQuery),
		chromedp.SendKeys("#login_pass", "a long passphrase\r", chromedp.ByQuery),
		// no navigation by the test: the dashboard itself opens the queue
		chromedp.WaitVisible(`//td[contains(., "The cup of tea")]`, chromedp.BySearch),
		chromedp.Text("table", &table, chromedp.ByQuery),
		chromedp.Text(".collections-sidebar nav .nav-item", &firstPinned, chromedp.ByQuery),
		chromedp.Evaluate(`location.hash`, &hash),
	)
	browsertest.Screenshot(t, ctx, "moderation-dashboard-queue")
	if !strings.Contains(hash, "collection="+moderation.QueueView) {
		t.Errorf("signed in to %q, want the queue", hash)
	}
	if strings.TrimSpace(firstPinned) != moderation.QueueView {
		t.Errorf("first in the sidebar: %q, want %s", firstPinned, moderation.QueueView)
	}
	for _, want := range []string{"Ana in pharmacy", "Night team", "The cup of tea", "To Ana in pharmacy: Thank you for the tea at 3am",
		"patient name, room or bed (sent anyway)", "none"} {
		if !strings.Contains(table, want) {
			t.Errorf("queue lacks %q: %q", want, table)
		}
	}
	if strings.Contains(table, "ALREADY APPROVED") || strings.Contains(table, "Old news") {
		t.Errorf("queue should hold the 3 pending items only: %q", table)
	}

	// decide each item: a click on its row, a click on Approve or Reject
	clicks := 0
	start := time.Now()
	decide := func(rowText, button string, rec *core.Record, want string, shot string) {
		t.Helper()
		var bar string
		browsertest.Run(t, ctx,
			chromedp.Click(`//td[contains(., "`+rowText+`")]`, chromedp.BySearch),
			chromedp.WaitVisible(`[data-kk=decide]`, chromedp.ByQuery),
			chromedp.Text(`[data-kk=decide]`, &bar, chromedp.ByQuery),
		)
		if shot != "" {
			browsertest.Screenshot(t, ctx, shot)
		}
		browsertest.Run(t, ctx,
			chromedp.Click(`[data-kk=`+button+`]`, chromedp.ByQuery),
			chromedp.WaitNotPresent(`//td[contains(., "`+rowText+`")]`, chromedp.BySearch),
		)
		clicks += 2
		got, err := srv.App.FindRecordById(rec.Collection().Name, rec.Id)
		if err != nil {
			t.Fatal(err)
		}
		if got.GetString(s.FieldStatus) != want {
			t.Errorf("%s: status %s, want %s", rowText, got.GetString(s.FieldStatus), want)
		}
		if rec.Id == flagged.Id && !strings.Contains(bar, "patient name, room or bed") {
			t.Errorf("decision bar does not name the findings: %q", bar)
		}
	}
	decide("Night team", "reject", flagged, s.StatusRejected, "moderation-dashboard-decide")
	decide("Ana in pharmacy", "approve", clean, s.StatusApproved, "")
	decide("The cup of tea", "approve", story, s.StatusPublished, "")
	t.Logf("3 decisions in the dashboard: %d clicks, %s", clicks, time.Since(start).Round(time.Millisecond))
	browsertest.Screenshot(t, ctx, "moderation-dashboard-empty")

	// every decision is in the audit trail, by the admin's account id
	logs, err := srv.App.FindAllRecords(moderation.Collection)
	if err != nil || len(logs) != 3 {
		t.Fatalf("log entries = %d (%v), want 3", len(logs), err)
	}
	for _, l := range logs {
		if l.GetString(s.LogAuthCollection) != core.CollectionNameSuperusers || l.GetString(s.LogModerator) == "" {
			t.Errorf("log entry without its admin: %v", l.PublicExport())
		}
	}
}

// TestDashboardDecisionFromNotesList: the same one-click decision from the
// notes collection itself, and only for pending items.
func TestDashboardDecisionFromNotesList(t *testing.T) {
	srv := browsertest.StartServer(t)
	col, err := srv.App.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	pending := core.NewRecord(col)
	pending.Set(s.NoteTo, "Porters")
	pending.Set(s.NoteBody, "Thank you for the trolley")
	approved := core.NewRecord(col)
	approved.Set(s.NoteTo, "Pharmacy")
	approved.Set(s.NoteBody, "Thank you for the rush order")
	approved.Set(s.FieldStatus, s.StatusApproved)
	for _, r := range []*core.Record{pending, approved} {
		if err := srv.App.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	superuserLogin(t, srv)
	ctx := browsertest.NewBrowser(t, 1280, 800)
	var bars int
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/_/"),
		chromedp.WaitVisible("#login_identity", chromedp.ByQuery),
		chromedp.SendKeys("#login_identity", "moderator@hospital.example", chromedp.ByQuery),
		chromedp.SendKeys("#login_pass", "a long passphrase\r", chromedp.ByQuery),
		chromedp.WaitVisible(`//td[contains(., "Porters")]`, chromedp.BySearch),
		chromedp.Navigate(srv.URL+"/_/#/collections?collection=notes"),
		chromedp.WaitVisible(`//td[contains(., "Pharmacy")]`, chromedp.BySearch),
		// an approved note: its panel has no decision bar
		chromedp.Click(`//td[contains(., "Pharmacy")]`, chromedp.BySearch),
		chromedp.WaitVisible(`.record-upsert-modal .modal-content`, chromedp.ByQuery),
		chromedp.Sleep(time.Second), // the bar would be added after a lookup
		chromedp.Evaluate(`document.querySelectorAll("[data-kk=decide]").length`, &bars),
	)
	if bars != 0 {
		t.Errorf("decision bar on an approved note")
	}
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/_/#/collections?collection=notes"),
		chromedp.WaitVisible(`//td[contains(., "Porters")]`, chromedp.BySearch),
		chromedp.Click(`//td[contains(., "Porters")]`, chromedp.BySearch),
		chromedp.WaitVisible(`[data-kk=approve]`, chromedp.ByQuery),
		chromedp.Click(`[data-kk=approve]`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`.record-upsert-modal`, chromedp.ByQuery),
	)
	got, err := srv.App.FindRecordById(s.Notes, pending.Id)
	if err != nil || got.GetString(s.FieldStatus) != s.StatusApproved {
		t.Errorf("after Approve: %v, %v", got.GetString(s.FieldStatus), err)
	}
}
