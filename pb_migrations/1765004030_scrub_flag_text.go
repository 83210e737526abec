package pb_migrations

import (
	"encoding/json"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
)

// scrubFlagText removes the matched text from every stored PHI finding:
// until this release `flags` kept each finding's text ("bed 12", the
// patient's name, the record number) next to its kind and position, and
// kept it after a moderator had removed it from the note itself. Kinds
// and character ranges stay, so the queue still says what was found.
func scrubFlagText(app core.App) error {
	for _, name := range []string{s.Notes, s.Stories} {
		var rows []struct {
			ID    string `db:"id"`
			Flags string `db:"flags"`
		}
		err := app.DB().Select("id", "flags").From(name).
			Where(dbx.NewExp("flags LIKE '%\"text\"%'")).All(&rows)
		if err != nil {
			return err
		}
		for _, row := range rows {
			var v any
			if err := json.Unmarshal([]byte(row.Flags), &v); err != nil {
				continue // not JSON: nothing a finding could be in
			}
			clean, err := json.Marshal(dropFindingText(v))
			if err != nil {
				return err
			}
			if _, err := app.DB().Update(name, dbx.Params{"flags": string(clean)}, dbx.HashExp{"id": row.ID}).Execute(); err != nil {
				return err
			}
		}
	}
	// the old text may still sit in free pages (this and the dropped log
	// summaries): VACUUM once at the next start
	storage.RequestVacuum(app)
	return nil
}

// dropFindingText deletes "text" from every object that names a "kind",
// wherever it sits in the flags document.
func dropFindingText(v any) any {
	switch t := v.(type) {
	case map[string]any:
		if _, ok := t["kind"]; ok {
			delete(t, "text")
		}
		for k, child := range t {
			t[k] = dropFindingText(child)
		}
	case []any:
		for i, child := range t {
			t[i] = dropFindingText(child)
		}
	}
	return v
}

func init() {
	m.Register(scrubFlagText, nil)
}
