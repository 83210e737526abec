package moderation

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
)

// WipedText replaces the required text fields of a rejected note or story
// once its keep days are over (the fields must not be empty); the others
// become empty.
const WipedText = "(removed)"

// PurgeJob is the id of the nightly wipe in Settings > Crons.
const PurgeJob = "kkWipeRejected"

// purgeSchedule runs the wipe at 02:40 server time, before the daily
// backup (03:15, pb_migrations/1764000001_settings.go), so that night's
// backup no longer holds what was wiped.
const purgeSchedule = "40 2 * * *"

// wipes says, per collection, what a wipe writes in each text field
// (required ones get [WipedText]) and which field marks a wiped record.
var wipes = []struct {
	collection, marker string
	fields             map[string]string
}{
	{s.Notes, s.NoteBody, map[string]string{s.NoteTo: WipedText, s.NoteBody: WipedText, s.NoteFrom: ""}},
	{s.Stories, s.StoryTitle, map[string]string{s.StoryTitle: WipedText, s.StoryBody: "", s.StoryAuthor: ""}},
}

// KeepDays is how long a rejected item keeps its text: the kiosk_settings
// field reject_keep_days, or 7 when it is empty or 0.
func KeepDays(app core.App) int {
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		return s.DefaultRejectKeepDays
	}
	if d := row.GetInt(s.SettingRejectKeepDays); d > 0 {
		return d
	}
	return s.DefaultRejectKeepDays
}

// Purge wipes the text of every note and story rejected (last changed)
// more than KeepDays before now, logs each wipe, and truncates the
// write-ahead logs so the old text leaves the disk too (secure_delete
// zeroes it in the database file). It returns how many items it wiped.
func Purge(app core.App, now time.Time) (int, error) {
	cutoff, err := types.ParseDateTime(now.AddDate(0, 0, -KeepDays(app)))
	if err != nil {
		return 0, err
	}
	wiped := 0
	for _, w := range wipes {
		name := w.collection
		recs, err := app.FindAllRecords(name,
			dbx.HashExp{s.FieldStatus: s.StatusRejected},
			dbx.NewExp("["+s.FieldUpdated+"] < {:cutoff}", dbx.Params{"cutoff": cutoff.String()}),
			dbx.Not(dbx.HashExp{w.marker: WipedText}),
		)
		if err != nil {
			return wiped, fmt.Errorf("moderation: purge %s: %w", name, err)
		}
		for _, rec := range recs {
			for f, v := range w.fields {
				rec.Set(f, v)
			}
			if err := app.Save(rec); err != nil {
				return wiped, fmt.Errorf("moderation: wipe %s/%s: %w", name, rec.Id, err)
			}
			wiped++
			if err := Log(app, nil, rec, s.StatusRejected, s.LogToWiped); err != nil {
				app.Logger().Error("moderation log", "error", err, "record", rec.Id)
			}
		}
	}
	if wiped > 0 {
		if err := storage.Checkpoint(app); err != nil {
			return wiped, err
		}
	}
	return wiped, nil
}

// registerPurge schedules [Purge] nightly (PocketBase's cron, listed in the
// dashboard under Settings > Crons, where it can also be run by hand).
func registerPurge(app core.App) {
	app.Cron().MustAdd(PurgeJob, purgeSchedule, func() {
		n, err := Purge(app, time.Now())
		if err != nil {
			app.Logger().Error("wipe rejected text", "error", err, "wiped", n)
			return
		}
		if n > 0 {
			app.Logger().Info("wiped rejected text", "items", n, "keep_days", KeepDays(app))
		}
	})
}
