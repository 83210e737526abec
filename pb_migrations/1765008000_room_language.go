package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// rooms.language: the language of a room's screen. Staff read English,
// Spanish, or both (the screen alternates). Existing rooms keep English.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		c.Fields.Add(&core.SelectField{Name: s.RoomLanguage, MaxSelect: 1,
			Values: []string{s.RoomLanguageEN, s.RoomLanguageES, s.RoomLanguageBoth},
			Help:   "The screen's language: en (English), es (Spanish) or en+es (alternating). Empty means English."})
		if err := app.Save(c); err != nil {
			return err
		}
		_, err = app.DB().NewQuery("UPDATE {{" + s.Rooms + "}} SET [[" + s.RoomLanguage + "]] = {:en} WHERE [[" + s.RoomLanguage + "]] = ''").
			Bind(map[string]any{"en": s.RoomLanguageEN}).Execute()
		return err
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return nil
		}
		c.Fields.RemoveByName(s.RoomLanguage)
		return app.Save(c)
	})
}
