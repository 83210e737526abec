// Package stories is the longer form: staff submit a story of empathy from
// a phone, moderators publish it in the dashboard, and /stories/{id}
// renders it for reading.
package stories

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/records"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Limits of a submitted story (runes).
const (
	TitleMax  = 140
	BodyMax   = 20000
	AuthorMax = 80
)

type handler struct{ views *web.Views }

// Register binds the story routes and the REST guard.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/stories/new", h.showForm)
		se.Router.GET("/stories/sent", h.showSent)
		se.Router.POST("/stories", h.create).Bind(apis.BodyLimit(forms.MaxBody))
		se.Router.GET("/stories/{id}", h.show)
		return se.Next()
	})
	app.OnRecordCreateRequest(s.Stories).BindFunc(func(e *core.RecordRequestEvent) error {
		switch {
		case e.HasSuperuserAuth():
		case forms.OverLimit(e.Record, s.StoryTitle, s.StoryBody, s.StoryAuthor):
			e.Record.Set(s.FieldStatus, s.StatusPending) // validation refuses it; don't scan megabytes first
		default:
			classify(e.Record, false)
		}
		return e.Next()
	})
}

var (
	// keys name each field in the catalogue (its label and its messages)
	keys  = map[string]string{s.StoryTitle: "story.title", s.StoryBody: "story.body", s.StoryAuthor: "story.author"}
	order = []string{s.StoryTitle, s.StoryBody, s.StoryAuthor}
)

// classify: stories always wait for a moderator; the guard's findings
// (records.Guard, what every save runs) go into flags so the moderator
// sees what to check.
func classify(rec *core.Record, sentAnyway bool) {
	found := records.Guard(rec)
	rec.Set(s.FieldStatus, s.StatusPending)
	if found != nil {
		rec.Set(s.StoryFlags, forms.Flags{Findings: found, SentAnyway: sentAnyway})
	} else {
		rec.Set(s.StoryFlags, nil)
	}
}
