package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The `moderators` auth collection: staff who moderate or organise without
// being PocketBase superusers. Accounts are created by a superuser (the
// dashboard or `kindness-kiosk moderator add`); nobody can sign up, and an
// account sees only itself. What each role may do on other collections is
// set by the rules migrations that follow.
func init() {
	m.Register(func(app core.App) error {
		c := core.NewAuthCollection(s.Moderators)
		self := "id = @request.auth.id"
		c.ListRule, c.ViewRule = &self, &self
		c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil
		c.Fields.Add(
			&core.TextField{Name: s.ModeratorName, Max: 80, Presentable: true},
			&core.SelectField{Name: s.ModeratorRoles, MaxSelect: 2, Values: []string{s.RoleModerate, s.RoleOrganise},
				Help: "moderate: decide notes, stories and announcements. organise: run events and read their sign-ups."},
		)
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Moderators)
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}
