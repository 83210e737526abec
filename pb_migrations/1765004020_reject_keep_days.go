package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// rejectKeepDays adds the setting the purge job reads: a rejected note or
// story keeps its text this many days (for an appeal, or an undo), then
// the text is wiped (internal/moderation/purge.go).
func rejectKeepDays(app core.App) error {
	c, err := app.FindCollectionByNameOrId(s.Settings)
	if err != nil {
		return err
	}
	// not required: a settings row made by hand (or by another test) without
	// it still saves; 0 reads as the default.
	c.Fields.Add(&core.NumberField{Name: s.SettingRejectKeepDays, OnlyInt: true,
		Min: types.Pointer(0.0), Max: types.Pointer(365.0),
		Help: "Days a rejected note or story keeps its text before it is wiped for good (1-365; 0 or empty = 7)."})
	if err := app.Save(c); err != nil {
		return err
	}
	rows, err := app.FindAllRecords(c)
	if err != nil {
		return err
	}
	for _, row := range rows {
		row.Set(s.SettingRejectKeepDays, s.DefaultRejectKeepDays)
		if err := app.Save(row); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	m.Register(rejectKeepDays, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		c.Fields.RemoveByName(s.SettingRejectKeepDays)
		return app.Save(c)
	})
}
