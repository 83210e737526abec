package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// usersCollection is PocketBase's default auth collection. The product has
// no accounts (moderators are superusers), but the collection ships with a
// public create rule: anyone on the network could register accounts, and
// with SMTP on, have the hospital's mail server send verification mail to
// any address they typed.
const usersCollection = "users"

// restCreateLimits give the REST API the same per-address pace as the phone
// forms (POST /notes, POST /stories), which "*:create" (20 per 5 s) is not.
var restCreateLimits = []core.RateLimitRule{
	{Label: s.Notes + ":create", MaxRequests: 10, Duration: 60},
	{Label: s.Stories + ":create", MaxRequests: 5, Duration: 60},
}

func init() {
	m.Register(lockPublicAPI, unlockPublicAPI)
}

// lockPublicAPI closes public sign-up to the unused users collection and
// rate-limits anonymous REST creates of notes and stories like the forms.
func lockPublicAPI(app core.App) error {
	if users, err := app.FindCollectionByNameOrId(usersCollection); err == nil && users.IsAuth() {
		users.CreateRule = nil
		users.PasswordAuth.Enabled = false
		if err := app.Save(users); err != nil {
			return err
		}
	}
	settings := app.Settings()
	for _, rule := range restCreateLimits {
		if slices.ContainsFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == rule.Label }) {
			continue // an admin already tuned it
		}
		settings.RateLimits.Rules = append(settings.RateLimits.Rules, rule)
	}
	return app.Save(settings)
}

func unlockPublicAPI(app core.App) error {
	if users, err := app.FindCollectionByNameOrId(usersCollection); err == nil && users.IsAuth() {
		users.CreateRule = new(string)
		users.PasswordAuth.Enabled = true
		if err := app.Save(users); err != nil {
			return err
		}
	}
	settings := app.Settings()
	settings.RateLimits.Rules = slices.DeleteFunc(settings.RateLimits.Rules, func(r core.RateLimitRule) bool {
		return slices.ContainsFunc(restCreateLimits, func(l core.RateLimitRule) bool { return l.Label == r.Label })
	})
	return app.Save(settings)
}
