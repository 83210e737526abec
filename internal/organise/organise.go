// Package organise is the organisers' pages at /organise (issue 9): a
// `moderators` account with the `organise` role (or a superuser) lists
// events, creates and edits them in the hospital's time zone, reads the
// attendee list, downloads it as CSV and cancels an event. Plain HTML
// forms that work without JavaScript, in the phone pages' look.
//
// The rules that matter live elsewhere and are only called from here:
// capacity and the waitlist in the events record hooks, "cancelled" e-mails
// in events' mail hooks, the screens' push in kiosk. So an edit made here,
// in the dashboard or through the REST API behaves the same.
package organise

import (
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Path is the organisers' start page.
const Path = "/organise"

type handler struct{ views *web.Views }

// Register binds the organisers' routes, each behind staff.Require
// (guests are sent to sign in, accounts without the role get a 403).
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		g := se.Router.Group(Path)
		g.Bind(staff.Require(s.RoleOrganise))
		g.GET("", h.list)
		g.GET("/events/new", h.newEvent)
		g.POST("/events", h.createEvent).Bind(apis.BodyLimit(forms.MaxBody))
		g.GET("/events/{id}", h.showEvent)
		g.GET("/events/{id}/edit", h.editEvent)
		g.POST("/events/{id}", h.updateEvent).Bind(apis.BodyLimit(forms.MaxBody))
		g.POST("/events/{id}/cancel", h.cancelEvent).Bind(apis.BodyLimit(forms.MaxBody))
		g.GET("/events/{id}/attendees.csv", h.exportAttendees)
		return se.Next()
	})
}

// findEvent returns any event (drafts included: organisers make them).
func (h *handler) findEvent(e *core.RequestEvent) (*core.Record, error) {
	ev, err := e.App.FindRecordById(s.Events, e.Request.PathValue("id"))
	if err != nil {
		return nil, h.views.Error(e, http.StatusNotFound, "organise.error.not_found", nil)
	}
	return ev, nil
}

// eventURL is an event's page for organisers.
func eventURL(id string) string { return Path + "/events/" + id }
