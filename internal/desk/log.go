package desk

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// logDecision records a decision in the audit trail (moderation_log): who
// (the account's id), what (collection and id), from which status to
// which, when; never any text. It is the desk's single call into the log,
// so switching to internal/moderation's own function is one line.
// TODO(lead): once moderation.Log exists on main, make this
// `return moderation.Log(app, auth, rec, from, to)`.
func logDecision(app core.App, auth, rec *core.Record, from, to string) error {
	if from == to {
		return nil
	}
	col, err := app.FindCachedCollectionByNameOrId("moderation_log")
	if err != nil {
		return fmt.Errorf("desk: log: %w", err)
	}
	entry := core.NewRecord(col)
	entry.Set("collection_name", rec.Collection().Name)
	entry.Set("record", rec.Id)
	entry.Set("from_status", from)
	entry.Set("to_status", to)
	if auth != nil {
		entry.Set("moderator", auth.Id)
	}
	if err := app.Save(entry); err != nil {
		return fmt.Errorf("desk: log %s/%s: %w", rec.Collection().Name, rec.Id, err)
	}
	return nil
}
