package events

import (
	"net/http"
	"slices"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

type listPage struct {
	Room     string // slug, kept in links
	RoomName string
	ForRoom  []View // aimed at the visitor's room
	Others   []View
}

// list renders GET /events: [Upcoming] published (and cancelled, marked so)
// events by date. ?room={slug} is the kiosk QR code's target: that room's
// events come first.
func (h *handler) list(e *core.RequestEvent) error {
	data := listPage{}
	roomID := ""
	if slug := e.Request.URL.Query().Get("room"); slug != "" {
		if room, err := e.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, slug); err == nil && room.GetBool(s.RoomActive) {
			roomID, data.Room, data.RoomName = room.Id, slug, room.GetString(s.RoomName)
		}
	}
	views, err := Upcoming(e.App, Query{Cancelled: true})
	if err != nil {
		return err
	}
	for _, v := range views {
		if roomID != "" && slices.Contains(v.Rooms, roomID) {
			v.ForRoom = true
			data.ForRoom = append(data.ForRoom, v)
			continue
		}
		data.Others = append(data.Others, v)
	}
	return h.views.Render(e, http.StatusOK, "events", data)
}
