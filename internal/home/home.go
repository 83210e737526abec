// Package home serves the start page: rooms (with their screen and poster),
// upcoming events, recent approved notes and published stories.
package home

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/desk/pending"
	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Register binds GET /.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/{$}", h.show)
		return se.Next()
	})
}

type handler struct{ views *web.Views }

// maxEvents is how many upcoming events the start page shows; the rest are
// one tap away on /events.
const maxEvents = 5

// roomItem is a room's section of the start page: its screen, its poster,
// its huddle sheet and, once a note has arrived this month, its tally.
type roomItem struct {
	Name, Slug, Unit string
	Tally            i18n.Text // nil: nothing yet this month
}

type noteItem struct {
	To, Body string
	From     i18n.Text
}

type storyItem struct {
	ID, Title string
	Author    i18n.Text
}

type page struct {
	Moderator bool // signed in with the moderate role: Waiting is what waits at the desk
	Waiting   int
	Rooms     []roomItem
	Events    []events.View
	Notes     []noteItem
	Stories   []storyItem
}

func (h *handler) show(e *core.RequestEvent) error {
	var data page
	if staff.Has(e.Auth, s.RoleModerate) {
		n, err := pending.Count(e.App)
		data.Moderator, data.Waiting = err == nil, n
	}

	rooms, err := e.App.FindRecordsByFilter(s.Rooms, "active = true", "name", 200, 0)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, r := range rooms {
		tally, err := recognition.TallyText(e.App, r.Id, now)
		if err != nil {
			return err
		}
		data.Rooms = append(data.Rooms, roomItem{Name: r.GetString(s.RoomName), Slug: r.GetString(s.RoomSlug), Unit: r.GetString(s.RoomUnit), Tally: tally})
	}

	// the event list's own answer, cancelled ones marked: someone who
	// planned to go looks here first
	if data.Events, err = events.Upcoming(e.App, events.Query{Cancelled: true, Limit: maxEvents}); err != nil {
		return err
	}

	notes, err := e.App.FindRecordsByFilter(s.Notes, "status = 'approved'", "-created", 6, 0)
	if err != nil {
		return err
	}
	for _, n := range notes {
		data.Notes = append(data.Notes, noteItem{To: n.GetString(s.NoteTo), Body: n.GetString(s.NoteBody), From: web.Author(n.GetString(s.NoteFrom))})
	}

	stories, err := e.App.FindRecordsByFilter(s.Stories, "status = 'published'", "-created", 3, 0)
	if err != nil {
		return err
	}
	for _, st := range stories {
		data.Stories = append(data.Stories, storyItem{ID: st.Id, Title: st.GetString(s.StoryTitle), Author: web.Author(st.GetString(s.StoryAuthor))})
	}

	return h.views.Render(e, http.StatusOK, "home", data)
}
