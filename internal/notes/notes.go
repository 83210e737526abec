// Package notes is the gratitude-note flow: the phone form, server-side
// validation, the PHI guard, and the REST hook that applies the same guard
// to notes created over the API.
package notes

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/rooms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

type handler struct{ views *web.Views }

// Register binds the note routes and hooks.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	rooms.Register(app) // the form reads rooms on every post
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/notes/new", h.showForm)
		se.Router.POST("/notes", h.create).Bind(apis.BodyLimit(forms.MaxBody))
		se.Router.GET("/notes/sent", h.showSent)
		return se.Next()
	})
	// the same guard for notes posted over the REST API
	app.OnRecordCreateRequest(s.Notes).BindFunc(guardRESTCreate)
}

// guardRESTCreate runs the PHI guard on a public REST create: flags are
// set server-side and the status is pending unless auto-approval applies.
// Superusers (the dashboard) are trusted as they are.
func guardRESTCreate(e *core.RecordRequestEvent) error {
	if e.HasSuperuserAuth() {
		return e.Next()
	}
	if forms.OverLimit(e.Record, s.NoteTo, s.NoteBody, s.NoteFrom) {
		// validation refuses it; don't spend seconds scanning megabytes first
		e.Record.Set(s.FieldStatus, s.StatusPending)
		return e.Next()
	}
	classify(e.App, e.Record, scanRecord(e.Record), false)
	return e.Next()
}
