package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestModerationQueueInDashboard: a moderator signs in to /_/ and opens
// awaiting_moderation: pending notes and stories in one list, each linked
// to its record, nothing already decided.
func TestModerationQueueInDashboard(t *testing.T) {
	srv := browsertest.StartServer(t)
	save := func(collection string, fields map[string]any) {
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
	}
	save(s.Notes, map[string]any{s.NoteTo: "Night team", s.NoteBody: "Thanks for sitting with Mrs Kowalski in bed 12", s.FieldStatus: s.StatusPending,
		s.NoteFlags: map[string]any{"findings": map[string]any{"body": []map[string]any{{"kind": "patient_name", "text": "Mrs Kowalski"}}}, "sent_anyway": true}})
	save(s.Notes, map[string]any{s.NoteTo: "Ana in pharmacy", s.NoteBody: "Thank you for the tea at 3am", s.FieldStatus: s.StatusPending})
	save(s.Notes, map[string]any{s.NoteTo: "Old news", s.NoteBody: "ALREADY APPROVED", s.FieldStatus: s.StatusApproved})
	save(s.Stories, map[string]any{s.StoryTitle: "The cup of tea", s.StoryBody: "x", s.FieldStatus: s.StatusPending})
	superuserLogin(t, srv) // creates the moderator

	ctx := browsertest.NewBrowser(t, 1280, 800)
	var table string
	browsertest.Run(t, ctx,
		chromedp.Navigate(srv.URL+"/_/"),
		chromedp.WaitVisible("#login_identity", chromedp.ByQuery),
		chromedp.SendKeys("#login_identity", "moderator@hospital.example", chromedp.ByQuery),
		chromedp.SendKeys("#login_pass", "a long passphrase\r", chromedp.ByQuery),
		chromedp.WaitNotPresent("#login_pass", chromedp.ByQuery),
		chromedp.Navigate(srv.URL+"/_/#/collections?collection=awaiting_moderation"),
		chromedp.WaitVisible(`//td[contains(., "The cup of tea")]`, chromedp.BySearch),
		chromedp.Text("table", &table, chromedp.ByQuery),
	)
	for _, want := range []string{"Ana in pharmacy", "Night team", "The cup of tea", "To Ana in pharmacy: Thank you for the tea at 3am"} {
		if !strings.Contains(table, want) {
			t.Errorf("queue lacks %q: %q", want, table)
		}
	}
	if strings.Contains(table, "ALREADY APPROVED") || strings.Count(table, "pending") != 3 {
		t.Errorf("queue should hold the 3 pending items only: %q", table)
	}
	browsertest.Screenshot(t, ctx, "notes-moderation-queue")
}
