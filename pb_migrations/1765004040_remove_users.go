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
	// It has no records, so no files: drop the file field (avatar) from
	// this in-memory copy so the delete doesn't start PocketBase's
	// background file clean-up, which reads the settings unguarded while a
	// later migration saving the settings rewrites them (a data race under
	// -race, e.g. with 1765005000_staff_login_rate_limit.go).
	var files []string
	for _, f := range users.Fields {
		if f.Type() == core.FieldTypeFile {
			files = append(files, f.GetId())
		}
	}
	for _, id := range files {
		users.Fields.RemoveById(id)
	}
	return app.Delete(users)
}

func init() {
	// no down: an empty users collection is not worth recreating
	m.Register(removeUsers, nil)
}
