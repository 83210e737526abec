package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(func(app core.App) error {
		c := core.NewBaseCollection("moderation_log")
		// nil rules: superusers only; written by internal/moderation
		c.Fields.Add(
			&core.TextField{Name: "collection_name", Max: 40},
			&core.TextField{Name: "record", Max: 40},
			&core.TextField{Name: "summary", Max: 200, Presentable: true},
			&core.TextField{Name: "from_status", Max: 20},
			&core.TextField{Name: "to_status", Max: 20, Presentable: true},
			&core.TextField{Name: "moderator", Max: 200, Presentable: true},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		c.AddIndex("idx_moderation_log_record", false, "record", "")
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("moderation_log")
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}
