// Package moderation keeps the audit trail of approvals and rejections
// (collection moderation_log, readable in the dashboard). The desk itself,
// /moderate, is internal/desk.
package moderation

import (
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Collection is the audit-trail collection.
const Collection = "moderation_log"

// QueueView is the dashboard's list of everything that waits: pending
// notes and stories, one row each, linked to the record (a view
// collection; pb_migrations/1764001000_awaiting_moderation.go, ADR 0011).
const QueueView = "awaiting_moderation"

// QueueURL opens the dashboard on the pending notes, oldest first.
const QueueURL = `/_/#/collections?collection=notes&filter=status%3D%22pending%22&sort=%2Bcreated`

// Register binds the audit hook.
func Register(app core.App) {
	app.OnRecordUpdateRequest(s.Notes, s.Stories, s.Events).BindFunc(logStatusChange)
}

// logStatusChange records who changed a status, from what to what, and when.
// It runs for updates through the REST API, which is what the dashboard uses.
func logStatusChange(e *core.RecordRequestEvent) error {
	before := e.Record.Original().GetString(s.FieldStatus)
	if err := e.Next(); err != nil {
		return err
	}
	after := e.Record.GetString(s.FieldStatus)
	if before == after {
		return nil
	}
	col, err := e.App.FindCachedCollectionByNameOrId(Collection)
	if err != nil {
		return err
	}
	entry := core.NewRecord(col)
	entry.Set("collection_name", e.Record.Collection().Name)
	entry.Set("record", e.Record.Id)
	entry.Set("summary", summary(e.Record))
	entry.Set("from_status", before)
	entry.Set("to_status", after)
	if e.Auth != nil {
		entry.Set("moderator", e.Auth.Email())
	}
	if err := e.App.Save(entry); err != nil {
		// the status change itself succeeded; don't fail the moderator's request
		e.App.Logger().Error("moderation log", "error", err, "record", e.Record.Id)
	}
	return nil
}

func summary(r *core.Record) string {
	var text string
	switch r.Collection().Name {
	case s.Notes:
		text = "To " + r.GetString(s.NoteTo) + ": " + r.GetString(s.NoteBody)
	default:
		text = r.GetString(s.StoryTitle)
	}
	if utf8.RuneCountInString(text) > 190 {
		text = string([]rune(text)[:190]) + "…"
	}
	return text
}
