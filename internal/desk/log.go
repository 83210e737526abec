package desk

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
)

// logDecision records a decision in the audit trail through
// internal/moderation (who by id, what, from/to, when, flag kinds; never
// text): the desk's single call into the log.
func logDecision(app core.App, auth, rec *core.Record, from, to string) error {
	return moderation.Log(app, auth, rec, from, to)
}
