package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// _kk_health holds one row that GET /api/health rewrites (at most every
// few seconds) to prove the database can still be written: a full disk, a
// file system remounted read-only or an I/O error fails that write, and the
// health check with it (internal/site/health.go, docs/adr/0103). A plain
// table, not a collection: nothing to show in the dashboard.
func init() {
	m.Register(func(app core.App) error {
		_, err := app.DB().NewQuery(`CREATE TABLE IF NOT EXISTS _kk_health (
			id INTEGER PRIMARY KEY CHECK (id = 1),
			probed TEXT NOT NULL
		)`).Execute()
		return err
	}, func(app core.App) error {
		_, err := app.DB().NewQuery(`DROP TABLE IF EXISTS _kk_health`).Execute()
		return err
	})
}
