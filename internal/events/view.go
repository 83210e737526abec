package events

import (
	"html/template"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/seats"
)

// Day shift is 07:00–19:00 in the hospital's time zone; an event starting
// outside it suits people on nights.
const (
	dayStartHour = 7
	dayEndHour   = 19
)

// defaultLength is assumed when an event has no end (calendar, "upcoming").
const defaultLength = time.Hour

// eventView is what the templates show of an event. It never carries
// sign-ups or addresses.
type eventView struct {
	ID, Title, Place string
	Day, Time        string // "Tue 3 Dec", "18:30–20:00"
	ISO              string // <time datetime>
	Seats            string // "3 seats left", "Full · waitlist open", "All welcome"
	Full             bool
	Night            bool
	Cancelled        bool
	Closed           bool   // no more sign-ups (past closing time)
	ClosesText       string // "Sign-up closes Mon 2 Dec 17:00", when before the start
	ForRoom          bool   // aimed at the room the visitor came from
	Description      template.HTML
}

func newEventView(p prefs.Prefs, ev *core.Record, confirmed int, now time.Time) eventView {
	starts := ev.GetDateTime(s.EventStarts).Time()
	v := eventView{
		ID: ev.Id, Title: ev.GetString(s.EventTitle), Place: ev.GetString(s.EventPlace),
		Day: p.FormatDay(starts), Time: timeRange(p, ev), ISO: starts.UTC().Format(time.RFC3339),
		Night:     IsNight(p.Location, starts),
		Cancelled: ev.GetString(s.FieldStatus) == s.StatusCancelled,
	}
	capacity := ev.GetInt(s.EventCapacity)
	v.Seats = seats.Label(capacity, confirmed)
	v.Full = capacity > 0 && confirmed >= capacity
	closes := ClosesAt(ev)
	v.Closed = !now.Before(closes)
	if !v.Closed && closes.Before(starts) {
		v.ClosesText = "Sign-up closes " + p.FormatDay(closes) + " " + p.FormatTime(closes)
	}
	return v
}

// IsNight reports whether an event starting at t suits the night shift:
// it starts before 07:00 or from 19:00 on, in the hospital's time zone.
func IsNight(loc *time.Location, t time.Time) bool {
	h := t.In(loc).Hour()
	return h < dayStartHour || h >= dayEndHour
}

// endsAt is the event's end, or its start plus an hour when it has none.
func endsAt(ev *core.Record) time.Time {
	if end := ev.GetDateTime(s.EventEnds); !end.IsZero() {
		return end.Time()
	}
	return ev.GetDateTime(s.EventStarts).Time().Add(defaultLength)
}

// timeRange is "18:30–20:00" (or "18:30" without an end); an end on
// another day carries its day.
func timeRange(p prefs.Prefs, ev *core.Record) string {
	starts := ev.GetDateTime(s.EventStarts).Time()
	out := p.FormatTime(starts)
	end := ev.GetDateTime(s.EventEnds)
	if end.IsZero() {
		return out
	}
	if p.FormatDay(end.Time()) != p.FormatDay(starts) {
		return out + " – " + p.FormatDay(end.Time()) + " " + p.FormatTime(end.Time())
	}
	return out + "–" + p.FormatTime(end.Time())
}

// whenText is the day and time in one line, for e-mails.
func whenText(p prefs.Prefs, ev *core.Record) string {
	return p.FormatDay(ev.GetDateTime(s.EventStarts).Time()) + " · " + timeRange(p, ev)
}

// renderDescription renders an event's Markdown with the story profile
// (headings and safe links; never raw HTML).
func renderDescription(src string) template.HTML { return markdown.Story(src) }
