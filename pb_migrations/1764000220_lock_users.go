package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// PocketBase creates a "users" auth collection that anyone may sign up to
// (create rule ""). The product has no user accounts: staff post without
// one and moderators are superusers. Left open, it is an account store a
// stranger on the hospital network can fill, so only superusers may use it.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return nil // already removed by an admin
		}
		users.ListRule, users.ViewRule, users.CreateRule, users.UpdateRule, users.DeleteRule = nil, nil, nil, nil, nil
		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return nil
		}
		own := "id = @request.auth.id"
		users.ListRule, users.ViewRule, users.UpdateRule, users.DeleteRule = &own, &own, &own, &own
		anyone := ""
		users.CreateRule = &anyone
		return app.Save(users)
	})
}
