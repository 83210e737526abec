package kiosk

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// screenRetention is how long a screen that stopped checking in stays in
// the dashboard's list: long enough for IT to notice a dead TV, short
// enough that a retired one (or rows made by a script: check-ins are
// anonymous) doesn't clutter it for ever.
const screenRetention = 30 * 24 * time.Hour

// PruneScreens deletes screens not seen for 30 days and returns
// how many went.
func PruneScreens(app core.App, now time.Time) (int, error) {
	cutoff, err := types.ParseDateTime(now.Add(-screenRetention))
	if err != nil {
		return 0, err
	}
	old, err := app.FindRecordsByFilter(s.Screens, s.ScreenLastSeen+" < {:cutoff}", "", 0, 0, dbx.Params{"cutoff": cutoff.String()})
	if err != nil {
		return 0, err
	}
	for _, r := range old {
		if err := app.Delete(r); err != nil {
			return 0, err
		}
	}
	return len(old), nil
}

// bindPrune runs PruneScreens every night at 04:10 (server time), after
// the 03:15 backup.
func bindPrune(app core.App) {
	app.Cron().MustAdd("kkPruneScreens", "10 4 * * *", func() {
		if n, err := PruneScreens(app, time.Now()); err != nil {
			app.Logger().Error("prune screens", "error", err)
		} else if n > 0 {
			app.Logger().Info("pruned screens not seen for 30 days", "count", n)
		}
	})
}
