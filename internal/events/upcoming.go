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

// Query says which upcoming events to list.
type Query struct {
	// Room, a room id, keeps the events aimed at that room or at every
	// room (a break-room screen); "" lists every event.
	Room string
	// Cancelled lists cancelled events too, marked so: people who planned
	// to go look for them. Screens leave them out.
	Cancelled bool
	// Limit caps the list (0 = 200).
	Limit int
	// Now is the moment to list for; zero means time.Now().
	Now time.Time
}

// Upcoming is the one answer to "which events are coming up": published
// events that have not ended yet, soonest first, as [View]s. An event
// stays listed until it ends, so a multi-day event is shown on every one
// of its days; one without an end is shown until an hour after its start.
// The start page, the event list and the break-room screens all call it
// (issue 11: each had its own copy and they disagreed).
func Upcoming(app core.App, q Query) ([]View, error) {
	now := q.Now
	if now.IsZero() {
		now = time.Now()
	}
	limit := q.Limit
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
	// the same moment endsAt computes, in SQL: ends, or starts + 1 h
	filter := "(ends > {:now} || (ends = '' && starts > {:since}))"
	if q.Cancelled {
		filter += " && (status = 'published' || status = 'cancelled')"
	} else {
		filter += " && status = 'published'"
	}
	params := dbx.Params{"now": nowDT.String(), "since": sinceDT.String()}
	if q.Room != "" {
		// NB! "rooms ?= {:room}" compares the whole stored JSON array with
		// the id and never matches (the screens missed every event aimed at
		// their room); "rooms.id" expands the relation
		filter += " && (rooms:length = 0 || rooms.id ?= {:room})"
		params["room"] = q.Room
	}
	recs, err := app.FindRecordsByFilter(s.Events, filter, "starts", limit, 0, params)
	if err != nil {
		return nil, err
	}
	counts, err := confirmedCounts(app, recs)
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
