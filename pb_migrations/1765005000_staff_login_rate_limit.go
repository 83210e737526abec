package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// staffLoginLabel limits password guesses at the desk's sign-in
// (internal/staff): 10 tries per 5 minutes per address, in PocketBase's own
// rate limiter like the phone forms. A person who mistypes a few times is
// never stopped; a script guessing passwords gets ~3,000 a day per address
// instead of thousands a minute.
const staffLoginLabel = "POST /moderate/login"

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		if slices.ContainsFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == staffLoginLabel }) {
			return nil // an admin already tuned it
		}
		settings.RateLimits.Rules = append(settings.RateLimits.Rules, core.RateLimitRule{Label: staffLoginLabel, MaxRequests: 10, Duration: 300})
		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		settings.RateLimits.Rules = slices.DeleteFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == staffLoginLabel })
		return app.Save(settings)
	})
}
