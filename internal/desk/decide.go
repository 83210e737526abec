package desk

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// approve handles POST /moderate/{collection}/{id}/approve: a note becomes
// approved, a story published; 303 back to the queue.
func (h *handler) approve(e *core.RequestEvent) error {
	return h.decide(e, func(collection string) string { return kinds[collection].Approved })
}

// reject handles POST /moderate/{collection}/{id}/reject.
func (h *handler) reject(e *core.RequestEvent) error {
	return h.decide(e, func(string) string { return s.StatusRejected })
}

// decide sets a pending item's status and logs it. An item someone else
// decided a moment earlier is left as it is, and the queue says so.
func (h *handler) decide(e *core.RequestEvent, status func(collection string) string) error {
	collection, id := e.Request.PathValue("collection"), e.Request.PathValue("id")
	if findRecord(e.App, collection, id) == nil {
		return h.views.Error(e, http.StatusNotFound, "desk.error.gone", nil)
	}
	err := transition(e.App, e.Auth, collection, id, s.StatusPending, status(collection))
	switch {
	case errors.Is(err, errMoved):
		return e.Redirect(http.StatusSeeOther, queueURL(msgDecided))
	case err != nil:
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	return e.Redirect(http.StatusSeeOther, queueURL(""))
}

// errMoved: the item is no longer in the status the decision expected
// (another moderator, or another tab, got there first).
var errMoved = errors.New("desk: status changed meanwhile")

// transition moves a record from one status to another and logs it, in
// one transaction, so two moderators tapping at once decide it once. The
// optional guards must hold for the record as it is inside the
// transaction (else errMoved).
func transition(app core.App, auth *core.Record, collection, id, from, to string, guards ...func(*core.Record) bool) error {
	return app.RunInTransaction(func(tx core.App) error {
		rec, err := tx.FindRecordById(collection, id)
		if err != nil {
			return err
		}
		if rec.GetString(s.FieldStatus) != from {
			return errMoved
		}
		for _, ok := range guards {
			if !ok(rec) {
				return errMoved
			}
		}
		rec.Set(s.FieldStatus, to)
		if err := tx.Save(rec); err != nil {
			return err
		}
		return logDecision(tx, auth, rec, from, to)
	})
}

// One-off messages on the queue (?m=…).
const (
	msgDecided     = "decided"
	msgUndone      = "undone"
	msgUndoExpired = "undo-expired"
	msgSaved       = "saved"
)

var messages = map[string]string{
	msgDecided:     "desk.msg.decided",
	msgUndone:      "desk.msg.undone",
	msgUndoExpired: "desk.msg.undo_expired",
}

// queueURL is the queue with an optional one-off message.
func queueURL(msg string) string {
	if msg == "" {
		return Path
	}
	return Path + "?m=" + msg
}
