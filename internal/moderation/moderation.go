// Package moderation keeps the audit trail of moderation decisions
// (collection moderation_log: who, what, the decision, when, the kinds of
// PHI finding; never text), wipes rejected text after its keep days, opens
// the dashboard on what waits, and gives moderators a short link to it:
// /moderate.
package moderation

import (
	"net/http"

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

// Register binds the audit hooks, the nightly wipe, the dashboard
// extension and /moderate.
func Register(app core.App) {
	app.OnRecordUpdateRequest(s.Notes, s.Stories, s.Events).BindFunc(logUpdate)
	app.OnRecordDeleteRequest(s.Notes, s.Stories).BindFunc(logDelete)
	registerPurge(app)
	registerDashboard(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/moderate", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, QueueURL)
		})
		return se.Next()
	})
}
