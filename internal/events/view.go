package events

import (
	"html/template"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Day shift is 07:00–19:00 in the hospital's time zone; an event starting
// outside it suits people on nights.
const (
	dayStartHour = 7
	dayEndHour   = 19
)

// defaultLength is assumed when an event has no end (calendar, "upcoming").
const defaultLength = time.Hour

// State is where an event's sign-up stands, the one answer every page,
// card and screen shows.
type State string

// The sign-up states. "Full" always means "waitlist": a full event keeps
// taking sign-ups onto its waitlist until sign-up closes.
const (
	StateOpen      State = "open"      // seats left, or no limit
	StateWaitlist  State = "waitlist"  // full; new sign-ups join the waitlist
	StateClosed    State = "closed"    // past signup_closes, started or over
	StateCancelled State = "cancelled" // the organisers called it off
)

// View is what pages and screens show of an event, built in one place
// ([NewView], [ViewOf], [Upcoming]) so that the start page, the event list,
// the event page, the sign-up page and the break-room screens can never
// disagree about times or seats again (issue 11: a screen offered "10
// seats left" and a sign-up code while the event's page said "Sign-up
// closed"). It never carries sign-ups or addresses.
type View struct {
	ID, Title, Place string
	Rooms            []string  // room ids it is aimed at; empty = every room
	Starts, Ends     time.Time // Ends is the stored end, or Starts + 1 h
	Day, Time        i18n.Text // "Tue 3 Dec", "18:30–20:00", in the hospital's zone and the reader's language
	ISO              string    // <time datetime>, UTC

	Status              string // draft, published or cancelled (organisers see drafts)
	Capacity, Confirmed int    // capacity 0 = no limit
	Waitlisted          int
	State               State
	// Seats is the state in words: "3 seats left", "All welcome",
	// "Full · waitlist open", "Sign-up closed", "Happening now",
	// "This event has ended", "Cancelled".
	Seats      i18n.Text
	SignupOpen bool      // a sign-up form (and a screen's sign-up code) makes sense
	ClosesText i18n.Text // "Sign-up closes Mon 2 Dec 17:00", when before the start

	Full      bool // every seat confirmed (sign-ups join the waitlist)
	Closed    bool // no more sign-ups, whatever the reason
	Cancelled bool
	Running   bool // started, not ended
	Over      bool // ended
	Night     bool // starts outside 07:00–19:00 hospital time

	ForRoom     bool          // aimed at the room the visitor came from
	Description template.HTML // rendered Markdown; filled by the event page only
}

// NewView builds the view of an event with its seats taken, at time now.
// Callers with many events count in one query ([Upcoming]); one event goes
// through [ViewOf].
func NewView(p prefs.Prefs, ev *core.Record, seats Seats, now time.Time) View {
	confirmed := seats.Confirmed
	starts := ev.GetDateTime(s.EventStarts).Time()
	v := View{
		ID: ev.Id, Title: ev.GetString(s.EventTitle), Place: ev.GetString(s.EventPlace),
		Rooms:  ev.GetStringSlice(s.EventRooms),
		Starts: starts, Ends: endsAt(ev),
		Day: i18n.Day(starts.In(p.Location)), Time: timeRangeText(p, ev), ISO: starts.UTC().Format(time.RFC3339),
		Status:   ev.GetString(s.FieldStatus),
		Capacity: ev.GetInt(s.EventCapacity), Confirmed: confirmed, Waitlisted: seats.Waitlisted,
		Night:     IsNight(p.Location, starts),
		Cancelled: ev.GetString(s.FieldStatus) == s.StatusCancelled,
	}
	v.Full = v.Capacity > 0 && confirmed >= v.Capacity
	v.Over = !v.Ends.After(now)
	v.Running = !v.Over && !now.Before(starts)
	closes := ClosesAt(ev)
	// Open is the rule SignUp enforces; the view asks it, never a copy
	v.SignupOpen = Open(ev, now) == nil
	v.Closed = !v.SignupOpen
	switch {
	case v.Cancelled:
		v.State, v.Seats = StateCancelled, i18n.M("event.state.cancelled")
	case v.Over:
		v.State, v.Seats = StateClosed, i18n.M("event.state.ended")
	case v.Running:
		v.State, v.Seats = StateClosed, i18n.M("event.state.running")
	case v.Closed:
		v.State, v.Seats = StateClosed, i18n.M("event.state.closed")
	case v.Full:
		v.State, v.Seats = StateWaitlist, seatsLabel(v.Capacity, confirmed)
	default:
		v.State, v.Seats = StateOpen, seatsLabel(v.Capacity, confirmed)
	}
	if v.SignupOpen && closes.Before(starts) {
		local := closes.In(p.Location)
		v.ClosesText = i18n.M("event.signup_closes", "Day", i18n.Day(local), "Time", i18n.Clock(local))
	}
	return v
}

// ViewOf builds the view of one event now, counting its seats.
func ViewOf(app core.App, ev *core.Record) (View, error) {
	counts, err := countSeats(app, []*core.Record{ev})
	if err != nil {
		return View{}, err
	}
	return NewView(prefs.Load(app), ev, counts[ev.Id], time.Now()), nil
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

// timeRangeText is "18:30–20:00" (or "18:30" without an end) in the
// reader's language; an end on another day carries its day.
func timeRangeText(p prefs.Prefs, ev *core.Record) i18n.Text {
	starts := ev.GetDateTime(s.EventStarts).Time().In(p.Location)
	end := ev.GetDateTime(s.EventEnds)
	if end.IsZero() {
		return i18n.Clock(starts)
	}
	ends := end.Time().In(p.Location)
	if p.FormatDay(ends) != p.FormatDay(starts) {
		return i18n.M("time.range_days", "From", i18n.Clock(starts), "ToDay", i18n.Day(ends), "To", i18n.Clock(ends))
	}
	return i18n.M("time.range", "From", i18n.Clock(starts), "To", i18n.Clock(ends))
}

// whenText is the day and time in one line, for e-mails.
func whenText(p prefs.Prefs, ev *core.Record) i18n.Text {
	return i18n.M("mail.when", "Day", i18n.Day(ev.GetDateTime(s.EventStarts).Time().In(p.Location)), "Time", timeRangeText(p, ev))
}

// renderDescription renders an event's Markdown with the story profile
// (headings and safe links; never raw HTML).
func renderDescription(src string) template.HTML { return markdown.Story(src) }
