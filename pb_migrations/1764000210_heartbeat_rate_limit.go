package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// heartbeatLabel limits anonymous screen check-ins: a screen checks in
// once a minute, so 30 a minute per address leaves room for 30 screens
// behind one address and stops a script from filling the screens list.
const heartbeatLabel = "POST /kiosk/"

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		if slices.ContainsFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == heartbeatLabel }) {
			return nil // an admin already tuned it
		}
		settings.RateLimits.Rules = append(settings.RateLimits.Rules, core.RateLimitRule{Label: heartbeatLabel, MaxRequests: 30, Duration: 60})
		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		settings.RateLimits.Rules = slices.DeleteFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == heartbeatLabel })
		return app.Save(settings)
	})
}
