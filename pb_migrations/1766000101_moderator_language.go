package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// moderators.language: the language a moderator last opened the desk in,
// so the "waiting for a moderator" digest reaches them in it (ADR 0310).
// Empty (accounts that haven't opened the desk since) means English.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Moderators)
		if err != nil {
			return err
		}
		c.Fields.Add(&core.SelectField{Name: s.ModeratorLanguage, MaxSelect: 1, Values: []string{"en", "es"},
			Help: "The language of this person's digest e-mail: the language they last used the desk in. Empty means English."})
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Moderators)
		if err != nil {
			return nil
		}
		c.Fields.RemoveByName(s.ModeratorLanguage)
		return app.Save(c)
	})
}
