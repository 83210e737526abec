package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func init() {
	m.Register(addSignupsQueueIndex, dropSignupsQueueIndex)
}

// addSignupsQueueIndex indexes what every sign-up, cancellation and page
// asks inside the one write transaction: "how many confirmed for this
// event" and "who is next on its waitlist" (created order). Without it each
// of those scans every sign-up of every event while all writers wait.
func addSignupsQueueIndex(app core.App) error {
	c, err := app.FindCollectionByNameOrId(s.Signups)
	if err != nil {
		return err
	}
	c.AddIndex("idx_signups_event_status_created", false, "event, status, created", "")
	return app.Save(c)
}

func dropSignupsQueueIndex(app core.App) error {
	c, err := app.FindCollectionByNameOrId(s.Signups)
	if err != nil {
		return err
	}
	c.RemoveIndex("idx_signups_event_status_created")
	return app.Save(c)
}
