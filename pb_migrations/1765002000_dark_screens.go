package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// darkScreensQuery lists the screens of active rooms that have not checked
// in for kiosk_settings.dark_after_minutes (10 when unset), longest dark
// first. The same rule as kiosk.DarkScreens (TestDarkScreensViewAgrees).
// Dates are PocketBase's text format ("2006-01-02 15:04:05.000Z"), which
// strftime reproduces, so the comparison is a plain string one.
const darkScreensQuery = `SELECT
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
AND sc.last_seen < strftime('%Y-%m-%d %H:%M:%fZ', 'now',
	'-' || COALESCE((SELECT NULLIF(k.dark_after_minutes, 0) FROM kiosk_settings k LIMIT 1), 10) || ' minutes')
ORDER BY sc.last_seen`

// Dark screens noticed (issue 11): how long without a check-in makes a
// screen dark (a product setting, default 10 minutes), when IT was told,
// and a dashboard view of the dark ones for moderators and IT.
func init() {
	m.Register(func(app core.App) error {
		settings, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		settings.Fields.Add(&core.NumberField{Name: s.SettingDarkAfter, OnlyInt: true, Min: types.Pointer(1.0), Max: types.Pointer(1440.0),
			Help: "A screen that has not checked in for this many minutes is listed as dark (dark_screens) and, with mail set up, IT gets one e-mail. Empty = 10."})
		if err := app.Save(settings); err != nil {
			return err
		}
		if row, err := app.FindFirstRecordByFilter(s.Settings, ""); err == nil && row.GetInt(s.SettingDarkAfter) == 0 {
			row.Set(s.SettingDarkAfter, 10)
			if err := app.Save(row); err != nil {
				return err
			}
		}

		screens, err := app.FindCollectionByNameOrId(s.Screens)
		if err != nil {
			return err
		}
		screens.Fields.Add(&core.DateField{Name: s.ScreenDarkNotified,
			Help: "When IT was e-mailed that this screen went dark; it is told again only after the screen came back and went dark again."})
		screens.AddIndex("idx_screens_last_seen", false, s.ScreenLastSeen, "")
		if err := app.Save(screens); err != nil {
			return err
		}

		v := core.NewViewCollection(s.DarkScreens)
		v.ViewQuery = darkScreensQuery
		// moderators see it (the desk shows it too); superusers always do
		rule := s.RuleModerate
		v.ListRule, v.ViewRule = &rule, &rule
		return app.Save(v)
	}, func(app core.App) error {
		if v, err := app.FindCollectionByNameOrId(s.DarkScreens); err == nil {
			if err := app.Delete(v); err != nil {
				return err
			}
		}
		if screens, err := app.FindCollectionByNameOrId(s.Screens); err == nil {
			screens.Fields.RemoveByName(s.ScreenDarkNotified)
			screens.RemoveIndex("idx_screens_last_seen")
			if err := app.Save(screens); err != nil {
				return err
			}
		}
		settings, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return nil
		}
		settings.Fields.RemoveByName(s.SettingDarkAfter)
		return app.Save(settings)
	})
}
