package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// darkScreensQuery2 is darkScreensQuery (1765002000) without provisional
// screens: a phone that opened a room's screen page once is not a screen
// that went dark. The same rule as kiosk.DarkScreens
// (TestDarkScreensViewAgrees).
const darkScreensQuery2 = `SELECT
	sc.id AS id,
	sc.room AS room,
	r.name AS room_name,
	sc.screen_id AS screen_id,
	sc.last_seen AS last_seen,
	CAST((julianday('now') - julianday(sc.last_seen)) * 1440 AS INTEGER) AS minutes_dark,
	sc.user_agent AS user_agent,
	sc.dark_notified AS dark_notified
FROM screens sc
JOIN rooms r ON r.id = sc.room
WHERE r.active = TRUE
AND sc.provisional = FALSE
AND sc.last_seen < strftime('%Y-%m-%d %H:%M:%fZ', 'now',
	'-' || COALESCE((SELECT NULLIF(k.dark_after_minutes, 0) FROM kiosk_settings k LIMIT 1), 10) || ' minutes')
ORDER BY sc.last_seen`

// Screens count once they behave like one (issue 11, QA): a screens
// record made by a check-in is provisional until the screen has checked
// in for 15 minutes in a row (kiosk.ScreenSettle). Records already there
// stay counted, as before.
func init() {
	m.Register(func(app core.App) error {
		screens, err := app.FindCollectionByNameOrId(s.Screens)
		if err != nil {
			return err
		}
		screens.Fields.Add(
			&core.BoolField{Name: s.ScreenProvisional,
				Help: "Seen only briefly so far (e.g. a phone that opened the screen page once): not listed as dark until it has checked in for 15 minutes in a row."},
			&core.DateField{Name: s.ScreenRunStart, Help: "When its current unbroken run of check-ins began."},
		)
		if err := app.Save(screens); err != nil {
			return err
		}
		v, err := app.FindCollectionByNameOrId(s.DarkScreens)
		if err != nil {
			return err
		}
		v.ViewQuery = darkScreensQuery2
		return app.Save(v)
	}, func(app core.App) error {
		if v, err := app.FindCollectionByNameOrId(s.DarkScreens); err == nil {
			v.ViewQuery = darkScreensQuery
			if err := app.Save(v); err != nil {
				return err
			}
		}
		screens, err := app.FindCollectionByNameOrId(s.Screens)
		if err != nil {
			return nil
		}
		screens.Fields.RemoveByName(s.ScreenProvisional)
		screens.Fields.RemoveByName(s.ScreenRunStart)
		return app.Save(screens)
	})
}
