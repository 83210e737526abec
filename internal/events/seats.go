package events

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The one place that counts confirmed seats: the capacity hooks, every
// page and the screens ask here (internal/seats used to repeat it).

// confirmedCount counts the event's confirmed seats, leaving one sign-up
// out (the one being changed; "" leaves none out).
func confirmedCount(app core.App, eventID, exceptID string) (int, error) {
	var n int
	err := app.DB().Select("count(*)").From(s.Signups).
		Where(dbx.HashExp{s.SignupEvent: eventID, s.FieldStatus: s.StatusConfirmed}).
		AndWhere(dbx.Not(dbx.HashExp{"id": exceptID})).Row(&n)
	return n, err
}

// Seats is how many people hold a seat at an event and how many wait.
type Seats struct{ Confirmed, Waitlisted int }

// countSeats counts the seats of many events in one query.
func countSeats(app core.App, evs []*core.Record) (map[string]Seats, error) {
	counts := map[string]Seats{}
	if len(evs) == 0 {
		return counts, nil
	}
	ids := make([]any, len(evs))
	for i, ev := range evs {
		ids[i] = ev.Id
	}
	var rows []struct {
		Event  string `db:"event"`
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	err := app.DB().Select(s.SignupEvent, s.FieldStatus, "count(*) as n").From(s.Signups).
		Where(dbx.In(s.SignupEvent, ids...)).AndWhere(dbx.In(s.FieldStatus, s.StatusConfirmed, s.StatusWaitlisted)).
		GroupBy(s.SignupEvent, s.FieldStatus).All(&rows)
	for _, r := range rows {
		c := counts[r.Event]
		if r.Status == s.StatusConfirmed {
			c.Confirmed = r.N
		} else {
			c.Waitlisted = r.N
		}
		counts[r.Event] = c
	}
	return counts, err
}

// seatFree reports whether one more person can be confirmed.
func seatFree(app core.App, ev *core.Record, exceptID string) (bool, error) {
	capacity := ev.GetInt(s.EventCapacity)
	if capacity <= 0 {
		return true, nil
	}
	n, err := confirmedCount(app, ev.Id, exceptID)
	return n < capacity, err
}

// seatsLabel says what a person needs to know about places while sign-up
// is open: seats left, a waitlist, or no limit.
func seatsLabel(capacity, confirmed int) i18n.Text {
	switch left := capacity - confirmed; {
	case capacity <= 0:
		return i18n.M("seats.all_welcome")
	case left <= 0:
		return i18n.M("seats.full_waitlist")
	default:
		return i18n.M("seats.left", "Count", left)
	}
}
