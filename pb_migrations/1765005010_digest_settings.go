package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The moderators' digest e-mail (internal/desk): after how many minutes of
// waiting an item is worth an e-mail (default 30, 0 = never), and when the
// last digest went out (hidden; at most one an hour, across restarts).
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		c.Fields.Add(
			&core.NumberField{Name: s.SettingDigestAfter, Min: types.Pointer(0.0), OnlyInt: true,
				Help: "E-mail the moderators (with SMTP set) when a note or story has waited this many minutes; at most one e-mail an hour. 0 = never."},
			&core.DateField{Name: s.SettingDigestSent, Hidden: true},
		)
		if err := app.Save(c); err != nil {
			return err
		}
		rows, err := app.FindAllRecords(s.Settings)
		if err != nil {
			return err
		}
		for _, row := range rows {
			row.Set(s.SettingDigestAfter, s.DefaultDigestAfter)
			if err := app.SaveNoValidate(row); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return nil
		}
		c.Fields.RemoveByName(s.SettingDigestAfter)
		c.Fields.RemoveByName(s.SettingDigestSent)
		return app.Save(c)
	})
}
