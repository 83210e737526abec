package moderation_test

import (
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// age sets a record's updated time to days ago, as if it had last been
// decided then.
func age(t testing.TB, app core.App, col, id string, days int) {
	t.Helper()
	when, _ := types.ParseDateTime(time.Now().AddDate(0, 0, -days))
	if _, err := app.DB().Update(col, dbx.Params{s.FieldUpdated: when.String()}, dbx.HashExp{"id": id}).Execute(); err != nil {
		t.Fatal(err)
	}
}

// TestPurgeWipesRejectedText pins the keep-days rule: rejected notes and
// stories older than reject_keep_days (default 7) lose their text, once;
// nothing else is touched; each wipe is logged without text.
func TestPurgeWipesRejectedText(t *testing.T) {
	app := kktest.NewApp(t)
	if got := moderation.KeepDays(app); got != s.DefaultRejectKeepDays {
		t.Fatalf("KeepDays = %d, want the default %d", got, s.DefaultRejectKeepDays)
	}
	secret := "patient Zyxwbert Quill in bed 12"
	for id, st := range map[string]string{"noterejectold01": s.StatusRejected, "noterejectnew01": s.StatusRejected,
		"notependingold1": s.StatusPending, "noteapprovold01": s.StatusApproved} {
		kktest.Create(t, app, s.Notes, map[string]any{"id": id, s.NoteTo: "Ana", s.NoteBody: secret, s.NoteFrom: "Ben", s.FieldStatus: st})
	}
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storyrejectold1", s.StoryTitle: secret, s.StoryBody: secret, s.StoryAuthor: "Ben", s.FieldStatus: s.StatusRejected})
	age(t, app, s.Notes, "noterejectold01", 8)
	age(t, app, s.Notes, "noterejectnew01", 2)
	age(t, app, s.Notes, "notependingold1", 30)
	age(t, app, s.Notes, "noteapprovold01", 30)
	age(t, app, s.Stories, "storyrejectold1", 8)

	n, err := moderation.Purge(app, time.Now())
	if err != nil || n != 2 {
		t.Fatalf("Purge = %d, %v; want 2 wiped", n, err)
	}
	wiped := func(col, id string) bool {
		r, err := app.FindRecordById(col, id)
		if err != nil {
			t.Fatal(err)
		}
		if col == s.Notes {
			return r.GetString(s.NoteTo) == moderation.WipedText && r.GetString(s.NoteBody) == moderation.WipedText && r.GetString(s.NoteFrom) == ""
		}
		return r.GetString(s.StoryTitle) == moderation.WipedText && r.GetString(s.StoryBody) == "" && r.GetString(s.StoryAuthor) == ""
	}
	for col, ids := range map[string]map[string]bool{
		s.Notes:   {"noterejectold01": true, "noterejectnew01": false, "notependingold1": false, "noteapprovold01": false},
		s.Stories: {"storyrejectold1": true},
	} {
		for id, want := range ids {
			if got := wiped(col, id); got != want {
				t.Errorf("%s wiped = %v, want %v", id, got, want)
			}
		}
	}
	logs, err := app.FindAllRecords(moderation.Collection, dbx.HashExp{s.LogTo: s.LogToWiped})
	if err != nil || len(logs) != 2 {
		t.Fatalf("wipe log entries = %d (%v), want 2", len(logs), err)
	}
	for _, l := range logs {
		if l.GetString(s.LogModerator) != "" || l.GetString(s.LogFrom) != s.StatusRejected {
			t.Errorf("entry = %v", l.PublicExport())
		}
		assertNoText(t, l)
	}

	if n, err := moderation.Purge(app, time.Now()); err != nil || n != 0 {
		t.Errorf("second Purge = %d, %v; want nothing left to wipe", n, err)
	}

	// a shorter keep time, set in the dashboard, takes the 2-day-old one too
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingRejectKeepDays, 1)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	if n, err := moderation.Purge(app, time.Now()); err != nil || n != 1 || !wiped(s.Notes, "noterejectnew01") {
		t.Errorf("Purge with 1 keep day = %d, %v; want the 2-day-old note wiped", n, err)
	}
}

// TestPurgeIsScheduled pins the nightly job, listed in Settings > Crons.
func TestPurgeIsScheduled(t *testing.T) {
	app := kktest.NewApp(t)
	ids := []string{}
	for _, j := range app.Cron().Jobs() {
		ids = append(ids, j.Id())
	}
	if !slices.Contains(ids, moderation.PurgeJob) {
		t.Errorf("cron jobs = %v, want %s", ids, moderation.PurgeJob)
	}
}
