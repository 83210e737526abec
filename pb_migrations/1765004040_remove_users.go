package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// removeUsers deletes PocketBase's default `users` auth collection. The
// product has no user accounts (staff post without one; moderators and
// organisers are `moderators`), and the dashboard opened on this empty
// collection, first in its sidebar, instead of on what waits.
//
// It stays if anyone made use of it: it has records, or another
// collection has a relation to it.
func removeUsers(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return nil // already removed by an admin
	}
	if n, err := app.CountRecords(users); err != nil || n > 0 {
		app.Logger().Info("kept the users collection: it has accounts", "records", n)
		return nil
	}
	all, err := app.FindAllCollections()
	if err != nil {
		return err
	}
	for _, c := range all {
		for _, f := range c.Fields {
			if rel, ok := f.(*core.RelationField); ok && rel.CollectionId == users.Id && c.Id != users.Id {
				app.Logger().Info("kept the users collection: a relation points at it", "collection", c.Name, "field", rel.Name)
				return nil
			}
		}
	}
	return app.Delete(users)
}

func init() {
	// no down: an empty users collection is not worth recreating
	m.Register(removeUsers, nil)
}
