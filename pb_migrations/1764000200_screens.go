package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func init() {
	m.Register(func(app core.App) error {
		rooms, err := app.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		c := core.NewBaseCollection(s.Screens)
		// nil rules: superusers only; written by POST /kiosk/{slug}/heartbeat
		c.Fields.Add(
			&core.RelationField{Name: s.FieldRoom, CollectionId: rooms.Id, MaxSelect: 1, CascadeDelete: true, Presentable: true},
			&core.TextField{Name: s.ScreenID, Max: 64, Required: true},
			&core.DateField{Name: s.ScreenLastSeen, Presentable: true, Help: "A screen checks in every minute; older than 5 minutes = look at the TV."},
			&core.TextField{Name: s.ScreenUserAgent, Max: 300},
			&core.TextField{Name: s.ScreenVersion, Max: 40, Help: "The build the screen runs; it reloads itself after an upgrade."},
			&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		)
		c.AddIndex("idx_screens_screen", true, s.ScreenID, "")
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Screens)
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}
