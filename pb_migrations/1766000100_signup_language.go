package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// signups.language: the language of the page a person signed up on, so
// their confirmation, promotion, reminder and cancellation e-mails go out
// in it (ADR 0310). Existing sign-ups stay empty, which means English.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Signups)
		if err != nil {
			return err
		}
		c.Fields.Add(&core.SelectField{Name: s.SignupLanguage, MaxSelect: 1, Values: []string{"en", "es"},
			Help: "The language of this person's e-mails: the page they signed up on. Empty means English."})
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Signups)
		if err != nil {
			return nil
		}
		c.Fields.RemoveByName(s.SignupLanguage)
		return app.Save(c)
	})
}
