package moderation

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Log records one decision on rec in the audit trail: who (auth, nil for
// the product itself), what (collection and id), from which status to
// which, and the kinds of PHI finding the record carries now. It never
// copies text from the record: the log outlives the wipe of rejected text
// and goes into every backup.
//
// The REST API and the dashboard are logged by the hooks [Register]
// binds; the desk calls Log itself after saving a decision. A call with
// from == to logs nothing.
func Log(app core.App, auth *core.Record, rec *core.Record, from, to string) error {
	if from == to {
		return nil
	}
	col, err := app.FindCachedCollectionByNameOrId(s.ModerationLog)
	if err != nil {
		return fmt.Errorf("moderation: log: %w", err)
	}
	entry := core.NewRecord(col)
	entry.Set(s.LogCollection, rec.Collection().Name)
	entry.Set(s.LogRecord, rec.Id)
	entry.Set(s.LogFrom, from)
	entry.Set(s.LogTo, to)
	if auth != nil {
		entry.Set(s.LogModerator, auth.Id)
		entry.Set(s.LogAuthCollection, auth.Collection().Name)
	}
	entry.Set(s.LogFlagKinds, FlagKinds(rec))
	if err := app.Save(entry); err != nil {
		return fmt.Errorf("moderation: log %s/%s: %w", rec.Collection().Name, rec.Id, err)
	}
	return nil
}

// FlagKinds returns the distinct kinds of PHI finding in rec's flags,
// sorted, e.g. ["patient_name", "room_bed"]; never nil, so the log shows
// [] for a clean record. It reads every "kind" in the document, so it
// keeps working whatever shape the scanner gives its findings.
func FlagKinds(rec *core.Record) []string {
	kinds := []string{}
	raw := rec.GetString(s.NoteFlags) // notes and stories share the field name
	if raw == "" {
		return kinds
	}
	var doc any
	if json.Unmarshal([]byte(raw), &doc) != nil {
		return kinds
	}
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			if k, ok := t["kind"].(string); ok && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
			for _, child := range t {
				walk(child)
			}
		case []any:
			for _, child := range t {
				walk(child)
			}
		}
	}
	walk(doc)
	slices.Sort(kinds)
	return kinds
}

// logUpdate logs a status change made through the REST API, which is what
// the dashboard uses (superusers) and what a script with a moderator's
// token would use.
func logUpdate(e *core.RecordRequestEvent) error {
	before := e.Record.Original().GetString(s.FieldStatus)
	if err := e.Next(); err != nil {
		return err
	}
	if err := Log(e.App, e.Auth, e.Record, before, e.Record.GetString(s.FieldStatus)); err != nil {
		// the decision itself succeeded; don't fail the moderator's request
		e.App.Logger().Error("moderation log", "error", err, "record", e.Record.Id)
	}
	return nil
}

// logDelete logs a deletion through the REST API or the dashboard.
func logDelete(e *core.RecordRequestEvent) error {
	before := e.Record.GetString(s.FieldStatus)
	if err := e.Next(); err != nil {
		return err
	}
	if err := Log(e.App, e.Auth, e.Record, before, s.LogToDeleted); err != nil {
		e.App.Logger().Error("moderation log", "error", err, "record", e.Record.Id)
	}
	return nil
}
