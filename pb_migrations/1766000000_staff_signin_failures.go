package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// staffSignInFailuresLabel names the desk's sign-in limit in Settings >
// Rate limits: failed sign-ins (wrong password, wrong one-time code) per
// address. internal/staff counts them itself; PocketBase's own middleware
// never matches this label (no route or collection is called that), so a
// person who signs in and out all day is never stopped. It replaces the
// "POST /moderate/login" rule of 1765005000, which PocketBase applied to
// every sign-in, good or bad (ADR 0301).
const staffSignInFailuresLabel = s.StaffSignInFailures

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		rule := core.RateLimitRule{Label: staffSignInFailuresLabel, MaxRequests: 10, Duration: 300}
		replaced := false
		for i, r := range settings.RateLimits.Rules {
			switch r.Label {
			case staffSignInFailuresLabel:
				return nil // already there (an admin may have tuned it)
			case staffLoginLabel:
				// keep what an admin tuned, under the new label
				rule.MaxRequests, rule.Duration = r.MaxRequests, r.Duration
				settings.RateLimits.Rules[i] = rule
				replaced = true
			}
		}
		if !replaced {
			settings.RateLimits.Rules = append(settings.RateLimits.Rules, rule)
		}
		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		for i, r := range settings.RateLimits.Rules {
			if r.Label == staffSignInFailuresLabel {
				settings.RateLimits.Rules[i] = core.RateLimitRule{Label: staffLoginLabel, MaxRequests: r.MaxRequests, Duration: r.Duration}
			}
		}
		return app.Save(settings)
	})
}
