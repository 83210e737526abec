package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// restCreateLimits give the REST API the same per-address pace as the phone
// forms (POST /notes 10, POST /stories 5 a minute), which "*:create" (20
// per 5 s, 240 a minute) is not: without them the API is a back door
// around the forms' limit for anyone scripting notes.
var restCreateLimits = []core.RateLimitRule{
	{Label: s.Notes + ":create", MaxRequests: 10, Duration: 60},
	{Label: s.Stories + ":create", MaxRequests: 5, Duration: 60},
}

func init() {
	m.Register(addRESTCreateLimits, dropRESTCreateLimits)
}

func addRESTCreateLimits(app core.App) error {
	settings := app.Settings()
	for _, rule := range restCreateLimits {
		if slices.ContainsFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == rule.Label }) {
			continue // an admin already tuned it
		}
		settings.RateLimits.Rules = append(settings.RateLimits.Rules, rule)
	}
	return app.Save(settings)
}

func dropRESTCreateLimits(app core.App) error {
	settings := app.Settings()
	settings.RateLimits.Rules = slices.DeleteFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool {
		return slices.ContainsFunc(restCreateLimits, func(l core.RateLimitRule) bool { return l.Label == r.Label })
	})
	return app.Save(settings)
}
