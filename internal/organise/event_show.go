package organise

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
)

type attendeeRow struct {
	events.Attendee
	When i18n.Text // signed up, hospital time
}

type eventPage struct {
	Who         string
	Event       events.View
	Description template.HTML
	Rooms       []string // names; empty = every room
	Attendees   []attendeeRow
	Done        string // "created", "saved", "cancelled": what just happened
	MailOn      bool   // SMTP is set: people are e-mailed on a cancellation
}

// RoomList is the rooms' names in one line.
func (p eventPage) RoomList() string { return strings.Join(p.Rooms, ", ") }

// showEvent renders GET /organise/events/{id}: the event as organisers see
// it (drafts too), its attendee list with e-mail addresses, the CSV
// download, edit and cancel.
func (h *handler) showEvent(e *core.RequestEvent) error {
	ev, err := h.findEvent(e)
	if ev == nil {
		return err
	}
	v, err := events.ViewOf(e.App, ev)
	if err != nil {
		return err
	}
	list, err := events.Attendees(e.App, ev)
	if err != nil {
		return err
	}
	p := prefs.Load(e.App)
	page := eventPage{
		Who: staff.Name(e.Auth), Event: v, Description: markdown.Story(ev.GetString(s.EventDescription)),
		MailOn: events.MailEnabled(e.App),
	}
	switch d := e.Request.URL.Query().Get("done"); d {
	case "created", "saved", "cancelled":
		page.Done = d
	}
	for _, a := range list {
		page.Attendees = append(page.Attendees, attendeeRow{Attendee: a, When: i18n.M("organise.day_time", "Day", i18n.Day(a.SignedUp.In(p.Location)), "Time", i18n.Clock(a.SignedUp.In(p.Location)))})
	}
	if len(v.Rooms) > 0 {
		rooms, err := e.App.FindRecordsByIds(s.Rooms, v.Rooms)
		if err != nil {
			return err
		}
		for _, r := range rooms {
			page.Rooms = append(page.Rooms, r.GetString(s.RoomName))
		}
	}
	// addresses: not for shared caches or the back button of a shared PC
	e.Response.Header().Set("Cache-Control", "no-store")
	return h.views.Render(e, http.StatusOK, "organise_event", page)
}
