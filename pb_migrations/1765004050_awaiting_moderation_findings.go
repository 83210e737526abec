package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// awaitingModerationFindingsQuery is the dashboard's queue with the PHI
// guard's findings in plain words (column `findings`, e.g. "patient name,
// room or bed (sent anyway)"; "none" when clean) instead of the raw
// `flags` JSON, which nobody reads and which used to hold the matched
// text. json_tree finds every "kind" wherever the scanner puts it; a kind
// this list doesn't know shows as its name with spaces.
//
// NB! Still the FULL OUTER JOIN of 1764001000_awaiting_moderation.go, so
// that `note` and `story` stay relations the dashboard opens.
const awaitingModerationFindingsQuery = `SELECT
	COALESCE(n.id, st.id) AS id,
	CAST(CASE WHEN n.id IS NULL THEN 'story' ELSE 'note' END AS TEXT) AS kind,
	CAST((SELECT COALESCE(group_concat(word, ', '), 'none') FROM (SELECT DISTINCT CASE j.value
			WHEN 'patient_name' THEN 'patient name'
			WHEN 'record_number' THEN 'record number'
			WHEN 'date_of_birth' THEN 'date of birth'
			WHEN 'room_bed' THEN 'room or bed'
			WHEN 'phone' THEN 'phone number'
			WHEN 'email' THEN 'e-mail address'
			WHEN 'ssn' THEN 'social security number'
			WHEN 'age' THEN 'age'
			ELSE replace(j.value, '_', ' ') END AS word
		FROM json_tree(CASE WHEN json_valid(COALESCE(n.flags, st.flags)) THEN COALESCE(n.flags, st.flags) ELSE '{}' END) j
		WHERE j.key = 'kind' AND j.type = 'text'))
		|| CASE WHEN json_valid(COALESCE(n.flags, st.flags)) AND json_extract(COALESCE(n.flags, st.flags), '$.sent_anyway') THEN ' (sent anyway)' ELSE '' END
		AS TEXT) AS findings,
	CAST(COALESCE('To ' || n."to" || ': ' || n.body, st.title) AS TEXT) AS summary,
	n.id AS note,
	st.id AS story,
	CAST(COALESCE(n.created, st.created) AS TEXT) AS created
FROM notes n
FULL OUTER JOIN stories st ON st.id = n.id
WHERE n.status = 'pending' OR st.status = 'pending'`

func init() {
	m.Register(func(app core.App) error {
		v, err := app.FindCollectionByNameOrId("awaiting_moderation")
		if err != nil {
			return err
		}
		v.ViewQuery = awaitingModerationFindingsQuery
		return app.Save(v)
	}, func(app core.App) error {
		v, err := app.FindCollectionByNameOrId("awaiting_moderation")
		if err != nil {
			return nil
		}
		v.ViewQuery = awaitingModerationQuery
		return app.Save(v)
	})
}
