package browsertest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestDeskHeldNoteAndDeleteAsks at 390×844: the approve-all button counts
// in words ("Approve the 1 note without findings"); a note with strong
// language shows why it is not in it and stays after approve-all; deleting
// an announcement asks on a page of its own, then says it is deleted.
func TestDeskHeldNoteAndDeleteAsks(t *testing.T) {
	srv := browsertest.StartServer(t)
	app := srv.App
	seedDesk(t, app, 1, false)
	col, err := app.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	swear := core.NewRecord(col)
	swear.Set(s.NoteTo, "Luis")
	swear.Set(s.NoteBody, "Eres un CABRÓN genial, gracias por el café de las 3.")
	swear.Set(s.FieldStatus, s.StatusPending)
	if err := app.Save(swear); err != nil {
		t.Fatal(err)
	}
	ann, err := app.FindCollectionByNameOrId(s.Announcements)
	if err != nil {
		t.Fatal(err)
	}
	notice := core.NewRecord(ann)
	notice.Set(s.AnnouncementText, "Fire drill at 14:00")
	notice.Set(s.AnnouncementStarts, time.Now().UTC().Add(-time.Hour))
	notice.Set(s.AnnouncementEnds, time.Now().UTC().Add(3*time.Hour))
	if err := app.Save(notice); err != nil {
		t.Fatal(err)
	}

	ctx := browsertest.NewBrowser(t, browsertest.PhoneWidth, 844)
	signIn(t, ctx, srv)
	var button, held string
	browsertest.Run(t, ctx,
		waitCount(3),
		chromedp.Text(".desk-bulk button", &button, chromedp.ByQuery),
		chromedp.Evaluate(`(document.querySelector('#item-`+swear.Id+` .desk-held') || {}).textContent || ''`, &held),
	)
	if button != "Approve the 1 note without findings" {
		t.Errorf("approve-all button: %q", button)
	}
	if !strings.Contains(held, "strong language") {
		t.Errorf("the held note says %q", held)
	}
	browsertest.Run(t, ctx, chromedp.ScrollIntoView("#item-"+swear.Id, chromedp.ByQuery))
	browsertest.Screenshot(t, ctx, "desk-held-390")
	// 2 left (the flagged and the held one); 1 would mean the held one went too: fail, don't hang
	browsertest.Run(t, ctx, chromedp.Click(".desk-bulk button", chromedp.ByQuery),
		chromedp.WaitVisible(`//h1[@id="desk-count" and (normalize-space()="2 waiting" or normalize-space()="1 waiting")]`, chromedp.BySearch))
	if rec, _ := app.FindRecordById(s.Notes, swear.Id); rec.GetString(s.FieldStatus) != s.StatusPending {
		t.Errorf("the note with strong language was approved by approve-all")
	}

	// delete the announcement: a page asks first
	var asks, done string
	browsertest.Run(t, ctx,
		chromedp.Click(`#announcements form button`, chromedp.ByQuery),
		chromedp.WaitVisible("#delete-title, body.desk-ann-page", chromedp.ByQuery), // deleted at once fails fast
		chromedp.Text("main", &asks, chromedp.ByQuery),
	)
	if !strings.Contains(asks, "Delete this announcement?") || !strings.Contains(asks, "Fire drill at 14:00") {
		t.Fatalf("the confirm page: %q", asks)
	}
	if _, err := app.FindRecordById(s.Announcements, notice.Id); err != nil {
		t.Error("deleted before it was confirmed")
	}
	browsertest.CheckPhoneLayout(t, ctx)
	browsertest.Screenshot(t, ctx, "desk-announcement-delete-390")
	browsertest.Run(t, ctx,
		chromedp.Click(`main form button`, chromedp.ByQuery),
		chromedp.WaitVisible("p.success", chromedp.ByQuery),
		chromedp.Text("p.success", &done, chromedp.ByQuery),
	)
	if !strings.Contains(done, "The announcement is deleted") {
		t.Errorf("after deleting: %q", done)
	}
	if _, err := app.FindRecordById(s.Announcements, notice.Id); err == nil {
		t.Error("not deleted")
	}
}
