// Package events is issue 5: the events list, an event's page with the
// sign-up form, each person's own sign-up page (a long random token is the
// only key), the waitlist, calendar files, e-mails and the attendee export.
//
// Capacity is exact however a sign-up arrives: [SignUp] and the record
// hooks count and write in one transaction (see docs/events.md and
// docs/adr/0030).
package events

import (
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

type handler struct{ views *web.Views }

// Register binds the event and sign-up routes, the capacity hooks and the
// e-mails.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		// public pages
		se.Router.GET("/events", h.list)
		se.Router.GET("/events/{id}", h.show)
		se.Router.GET("/events/{id}/ics", h.calendar)
		se.Router.POST("/events/{id}/signup", h.createSignup).Bind(apis.BodyLimit(forms.MaxBody))
		se.Router.GET("/events/{id}/signed-up", h.showReceived)
		// the person's own page; the token is the key
		se.Router.GET("/signups/{token}", h.showSignup)
		se.Router.POST("/signups/{token}/cancel", h.cancelSignup).Bind(apis.BodyLimit(forms.MaxBody))
		// moderators
		se.Router.GET("/events/{id}/attendees.csv", h.exportAttendees).Bind(apis.RequireSuperuserAuth())
		return se.Next()
	})
	bindCapacity(app)
	bindMail(app)
}

// findPublic returns a published or cancelled event; drafts and unknown
// ids are the same 404 to the public.
func findPublic(app core.App, id string) (*core.Record, bool) {
	ev, err := app.FindRecordById(s.Events, id)
	if err != nil {
		return nil, false
	}
	switch ev.GetString(s.FieldStatus) {
	case s.StatusPublished, s.StatusCancelled:
		return ev, true
	}
	return nil, false
}

func (h *handler) notFound(e *core.RequestEvent) error {
	return h.views.Error(e, http.StatusNotFound, "error.event_not_found", nil)
}
