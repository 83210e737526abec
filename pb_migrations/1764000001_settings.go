package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(applySettings, nil)
}

// applySettings sets the defaults hospital IT would otherwise have to
// remember: the app name, the rate limiter on, short request-log retention
// without IP addresses, and daily backups. All stay editable in /_/.
func applySettings(app core.App) error {
	settings := app.Settings()
	settings.Meta.AppName = "Kindness Kiosk"

	// Anonymous notes must be honestly anonymous: don't keep IPs in request logs.
	settings.Logs.MaxDays = 7
	settings.Logs.LogIP = false

	// Daily backup at 03:15 server time, keep a week.
	settings.Backups.Cron = "15 3 * * *"
	settings.Backups.CronMaxKeep = 7

	// Per-address limits. Behind a reverse proxy set Settings > Application >
	// "User IP proxy headers" (e.g. X-Forwarded-For), or every phone shares
	// the proxy's address and quota. See docs/operations.md.
	settings.RateLimits.Enabled = true
	settings.RateLimits.Rules = []core.RateLimitRule{
		{Label: "POST /notes", MaxRequests: 10, Duration: 60},
		{Label: "POST /stories", MaxRequests: 5, Duration: 60},
		{Label: "POST /events/", MaxRequests: 20, Duration: 60},
		{Label: "POST /signups/", MaxRequests: 20, Duration: 60},
		{Label: "*:auth", MaxRequests: 2, Duration: 3},
		{Label: "*:create", MaxRequests: 20, Duration: 5},
		{Label: "/api/batch", MaxRequests: 3, Duration: 1},
		{Label: "/api/", MaxRequests: 300, Duration: 10},
	}

	return app.Save(settings)
}
