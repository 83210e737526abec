// Package moderation keeps the audit trail of moderation decisions
// (collection moderation_log: who, what, the decision, when, the kinds of
// PHI finding; never text) and wipes rejected text after its keep days.
// The desk itself, /moderate, is internal/desk.
package moderation

import (
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Collection is the audit-trail collection.
const Collection = s.ModerationLog

// QueueView is the dashboard's list of everything that waits: pending
// notes and stories, one row each, linked to the record (a view
// collection; pb_migrations/1764001000_awaiting_moderation.go, ADR 0011).
const QueueView = "awaiting_moderation"

// QueueURL opens the dashboard on the pending notes, oldest first.
const QueueURL = `/_/#/collections?collection=notes&filter=status%3D%22pending%22&sort=%2Bcreated`

// Register binds the audit hooks, the nightly wipe and the dashboard
// extension.
func Register(app core.App) {
	app.OnRecordUpdateRequest(s.Notes, s.Stories, s.Events).BindFunc(logUpdate)
	app.OnRecordDeleteRequest(s.Notes, s.Stories).BindFunc(logDelete)
	registerPurge(app)
	registerDashboard(app)
}
