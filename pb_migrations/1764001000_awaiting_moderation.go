package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// awaitingModerationQuery lists every pending note and story in one place.
//
// NB! It is a FULL OUTER JOIN on ids, not a UNION: PocketBase infers view
// fields from the query, and only a plain "table.id AS name" column becomes
// a relation the dashboard can open; its parser doesn't read UNION, and a
// UNION wrapped in a subquery loses that inference. Ids are random across
// collections, so the join never matches and each row is one note or one
// story. Cost: a scan of notes (~60 ms at 20,000 notes, see ADR 0011).
const awaitingModerationQuery = `SELECT
	COALESCE(n.id, st.id) AS id,
	CAST(CASE WHEN n.id IS NULL THEN 'story' ELSE 'note' END AS TEXT) AS kind,
	n.id AS note,
	st.id AS story,
	CAST(COALESCE('To ' || n."to" || ': ' || n.body, st.title) AS TEXT) AS summary,
	COALESCE(n.flags, st.flags) AS flags,
	CAST(COALESCE(n.created, st.created) AS TEXT) AS created
FROM notes n
FULL OUTER JOIN stories st ON st.id = n.id
WHERE n.status = 'pending' OR st.status = 'pending'`

func init() {
	m.Register(func(app core.App) error {
		v := core.NewViewCollection("awaiting_moderation")
		// nil rules: superusers (moderators) only
		v.ViewQuery = awaitingModerationQuery
		return app.Save(v)
	}, func(app core.App) error {
		v, err := app.FindCollectionByNameOrId("awaiting_moderation")
		if err != nil {
			return nil
		}
		return app.Delete(v)
	})
}
