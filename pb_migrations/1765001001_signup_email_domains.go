package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// kiosk_settings.signup_email_domains: which e-mail domains may sign up for
// events, and so receive the product's mails from the hospital's sender
// (internal/events/mail_guard.go, docs/adr/0106). Empty = any, as before.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		c.Fields.Add(&core.TextField{Name: s.SettingSignupEmailDomains, Max: 500,
			Help: "Only these e-mail domains may sign up for events (and get e-mails), comma-separated, e.g. stmary.nhs.uk, stmary.org. Subdomains count. Empty = any address."})
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		c.Fields.RemoveByName(s.SettingSignupEmailDomains)
		return app.Save(c)
	})
}
