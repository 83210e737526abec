package events

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// maxListed bounds any list of events; a hospital plans tens of events,
// not thousands.
const maxListed = 200

// notEnded is the SQL form of endsAt(ev).After(now): the stored end, or
// the start plus an hour ({:since} = now − 1 h) when there is none.
const notEnded = "(ends > {:now} || (ends = '' && starts > {:since}))"

// ended is its opposite (PocketBase filters have no "not" of a group).
const ended = "((ends != '' && ends <= {:now}) || (ends = '' && starts <= {:since}))"

// Query says which upcoming events to list.
type Query struct {
	// Room, a room id, keeps the events aimed at that room or at every
	// room (a break-room screen); "" lists every event.
	Room string
	// Cancelled lists cancelled events too, marked so: people who planned
	// to go look for them. Screens leave them out.
	Cancelled bool
	// Drafts lists drafts too: for organisers only, never the public.
	Drafts bool
	// Limit caps the list (0 = 200).
	Limit int
	// Now is the moment to list for; zero means time.Now().
	Now time.Time
}

// Upcoming is the one answer to "which events are coming up": published
// events that have not ended yet, soonest first, as [View]s. An event
// stays listed until it ends, so a multi-day event is shown on every one
// of its days; one without an end is shown until an hour after its start.
// The start page, the event list, the break-room screens and the
// organisers' page all call it (issue 11: each had its own copy and they
// disagreed).
func Upcoming(app core.App, q Query) ([]View, error) {
	statuses := "status = 'published'"
	switch {
	case q.Cancelled && q.Drafts:
		statuses = "(status = 'published' || status = 'cancelled' || status = 'draft')"
	case q.Cancelled:
		statuses = "(status = 'published' || status = 'cancelled')"
	case q.Drafts:
		statuses = "(status = 'published' || status = 'draft')"
	}
	filter := notEnded + " && " + statuses
	params := dbx.Params{}
	if q.Room != "" {
		// NB! "rooms ?= {:room}" compares the whole stored JSON array with
		// the id and never matches (the screens missed every event aimed at
		// their room); "rooms.id" expands the relation
		filter += " && (rooms:length = 0 || rooms.id ?= {:room})"
		params["room"] = q.Room
	}
	return find(app, filter, "starts", q.Limit, q.Now, params)
}

// Ended lists events that are over, the latest first, whatever their
// status: the organisers' "past events" with their attendee lists.
func Ended(app core.App, limit int) ([]View, error) {
	return find(app, ended, "-starts", limit, time.Time{}, dbx.Params{})
}

func find(app core.App, filter, sort string, limit int, now time.Time, params dbx.Params) ([]View, error) {
	if now.IsZero() {
		now = time.Now()
	}
	if limit <= 0 || limit > maxListed {
		limit = maxListed
	}
	nowDT, err := types.ParseDateTime(now)
	if err != nil {
		return nil, err
	}
	sinceDT, err := types.ParseDateTime(now.Add(-defaultLength))
	if err != nil {
		return nil, err
	}
	params["now"], params["since"] = nowDT.String(), sinceDT.String()
	recs, err := app.FindRecordsByFilter(s.Events, filter, sort, limit, 0, params)
	if err != nil {
		return nil, err
	}
	counts, err := countSeats(app, recs)
	if err != nil {
		return nil, err
	}
	p := prefs.Load(app)
	out := make([]View, 0, len(recs))
	for _, ev := range recs {
		out = append(out, NewView(p, ev, counts[ev.Id], now))
	}
	return out, nil
}
