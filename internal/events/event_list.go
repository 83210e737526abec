package events

import (
	"net/http"
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// maxListed bounds the list page; a hospital plans tens of events, not
// thousands.
const maxListed = 200

type listPage struct {
	Room     string // slug, kept in links
	RoomName string
	ForRoom  []eventView // aimed at the visitor's room
	Others   []eventView
}

// list renders GET /events: upcoming published (and cancelled, marked so)
// events by date. ?room={slug} is the kiosk QR code's target: that room's
// events come first.
func (h *handler) list(e *core.RequestEvent) error {
	p := prefs.Load(e.App)
	now := time.Now()
	data := listPage{}
	roomID := ""
	if slug := e.Request.URL.Query().Get("room"); slug != "" {
		if room, err := e.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, slug); err == nil && room.GetBool(s.RoomActive) {
			roomID, data.Room, data.RoomName = room.Id, slug, room.GetString(s.RoomName)
		}
	}

	// upcoming, or still running until it ends (a multi-day event stays
	// listed to its last day; one without an end, for a day)
	since, _ := types.ParseDateTime(now.Add(-24 * time.Hour))
	nowDT, _ := types.ParseDateTime(now)
	recs, err := e.App.FindRecordsByFilter(s.Events, "(status = 'published' || status = 'cancelled') && (ends >= {:now} || (ends = '' && starts >= {:since}))",
		"starts", maxListed, 0, dbx.Params{"since": since.String(), "now": nowDT.String()})
	if err != nil {
		return err
	}
	recs = slices.DeleteFunc(recs, func(ev *core.Record) bool { return !endsAt(ev).After(now) })
	counts, err := confirmedCounts(e.App, recs)
	if err != nil {
		return err
	}
	for _, ev := range recs {
		v := newEventView(p, ev, counts[ev.Id], now)
		if roomID != "" && slices.Contains(ev.GetStringSlice(s.EventRooms), roomID) {
			v.ForRoom = true
			data.ForRoom = append(data.ForRoom, v)
			continue
		}
		data.Others = append(data.Others, v)
	}
	return h.views.Render(e, http.StatusOK, "events", data)
}

// confirmedCounts counts confirmed seats of many events in one query.
func confirmedCounts(app core.App, evs []*core.Record) (map[string]int, error) {
	counts := map[string]int{}
	if len(evs) == 0 {
		return counts, nil
	}
	ids := make([]any, len(evs))
	for i, ev := range evs {
		ids[i] = ev.Id
	}
	var rows []struct {
		Event string `db:"event"`
		N     int    `db:"n"`
	}
	err := app.DB().Select(s.SignupEvent, "count(*) as n").From(s.Signups).
		Where(dbx.In(s.SignupEvent, ids...)).AndWhere(dbx.HashExp{s.FieldStatus: s.StatusConfirmed}).
		GroupBy(s.SignupEvent).All(&rows)
	for _, r := range rows {
		counts[r.Event] = r.N
	}
	return counts, err
}
