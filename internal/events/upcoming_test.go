package events_test

import (
	"slices"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestUpcoming pins the one "upcoming" rule every page and screen uses:
// listed until the event ends (without an end, an hour after its start),
// drafts never, cancelled only when asked, a room's screen gets its own
// events and the every-room ones.
func TestUpcoming(t *testing.T) {
	app := kktest.NewApp(t)
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	other := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU", s.RoomSlug: "icu", s.RoomActive: true})
	newEvent(t, app, map[string]any{s.EventTitle: "next week"})
	newEvent(t, app, map[string]any{s.EventTitle: "multi-day, started 3 h ago", s.EventStarts: in(-3 * time.Hour), s.EventEnds: in(48 * time.Hour)})
	newEvent(t, app, map[string]any{s.EventTitle: "no end, started 50 min ago", s.EventStarts: in(-50 * time.Minute), s.EventEnds: ""})
	newEvent(t, app, map[string]any{s.EventTitle: "no end, started 70 min ago", s.EventStarts: in(-70 * time.Minute), s.EventEnds: ""})
	newEvent(t, app, map[string]any{s.EventTitle: "ended a minute ago", s.EventStarts: in(-2 * time.Hour), s.EventEnds: in(-time.Minute)})
	newEvent(t, app, map[string]any{s.EventTitle: "draft", s.FieldStatus: s.StatusDraft})
	newEvent(t, app, map[string]any{s.EventTitle: "cancelled", s.FieldStatus: s.StatusCancelled})
	newEvent(t, app, map[string]any{s.EventTitle: "for the break room", s.EventRooms: []string{room.Id}})
	newEvent(t, app, map[string]any{s.EventTitle: "for the ICU", s.EventRooms: []string{other.Id}})

	titles := func(q events.Query) []string {
		views, err := events.Upcoming(app, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range views {
			out = append(out, v.Title)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(v ...string) []string { slices.Sort(v); return v }
	base := []string{"next week", "multi-day, started 3 h ago", "no end, started 50 min ago"}
	for _, c := range []struct {
		name string
		q    events.Query
		want []string
	}{
		{"everyone (start page, event list)", events.Query{Cancelled: true}, sorted(append(base, "cancelled", "for the break room", "for the ICU")...)},
		{"published only", events.Query{}, sorted(append(base, "for the break room", "for the ICU")...)},
		{"a room's screen", events.Query{Room: room.Id}, sorted(append(base, "for the break room")...)},
		{"limit", events.Query{Limit: 2}, sorted("multi-day, started 3 h ago", "no end, started 50 min ago")},
	} {
		if got := titles(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestViewStates: the sign-up state is decided once, by the same rule
// SignUp enforces, and said the same way everywhere.
func TestViewStates(t *testing.T) {
	app := kktest.NewApp(t)
	now := time.Now()
	cases := []struct {
		name      string
		fields    map[string]any
		signups   int
		state     events.State
		seats     string
		open      bool
		closesSet bool
	}{
		{"open with seats", map[string]any{s.EventCapacity: 3}, 1, events.StateOpen, "2 seats left", true, false},
		{"no limit", map[string]any{s.EventCapacity: 0}, 1, events.StateOpen, "All welcome", true, false},
		{"full: waitlist", map[string]any{s.EventCapacity: 1}, 1, events.StateWaitlist, "Full · waitlist open", true, false},
		{"closes tomorrow", map[string]any{s.EventSignupCloses: in(24 * time.Hour)}, 0, events.StateOpen, "20 seats left", true, true},
		{"closed yesterday", map[string]any{s.EventSignupCloses: in(-24 * time.Hour)}, 0, events.StateClosed, "Sign-up closed", false, false},
		{"full and closed", map[string]any{s.EventCapacity: 1, s.EventSignupCloses: in(-time.Hour)}, 1, events.StateClosed, "Sign-up closed", false, false},
		{"running", map[string]any{s.EventStarts: in(-time.Hour), s.EventEnds: in(time.Hour)}, 0, events.StateClosed, "Happening now", false, false},
		{"over", map[string]any{s.EventStarts: in(-3 * time.Hour), s.EventEnds: in(-time.Hour)}, 0, events.StateClosed, "This event has ended", false, false},
		{"cancelled", map[string]any{s.FieldStatus: s.StatusCancelled}, 0, events.StateCancelled, "Cancelled", false, false},
	}
	for _, c := range cases {
		ev := newEvent(t, app, c.fields)
		if c.fields[s.FieldStatus] == nil {
			// sign up before any closing: the rule under test is the view's
			for i := range c.signups {
				kktest.Create(t, app, s.Signups, map[string]any{s.SignupEvent: ev.Id, s.SignupName: "P", s.SignupEmail: email(i, len(c.name))})
			}
		}
		v, err := events.ViewOf(app, ev)
		if err != nil {
			t.Fatal(err)
		}
		if v.State != c.state || v.Seats.In(i18n.English) != c.seats || v.SignupOpen != c.open || (v.ClosesText != nil) != c.closesSet {
			t.Errorf("%s: state %q seats %q open %v closes %q; want %q %q %v closes set %v",
				c.name, v.State, v.Seats, v.SignupOpen, v.ClosesText, c.state, c.seats, c.open, c.closesSet)
		}
		if open := events.Open(ev, now) == nil; open != v.SignupOpen {
			t.Errorf("%s: view says open=%v, SignUp's rule says %v", c.name, v.SignupOpen, open)
		}
	}
}

// TestEnded: the organisers' past events are exactly the ones Upcoming
// (with drafts and cancelled) leaves out.
func TestEnded(t *testing.T) {
	app := kktest.NewApp(t)
	newEvent(t, app, map[string]any{s.EventTitle: "next week"})
	newEvent(t, app, map[string]any{s.EventTitle: "draft next week", s.FieldStatus: s.StatusDraft})
	newEvent(t, app, map[string]any{s.EventTitle: "no end, started 50 min ago", s.EventStarts: in(-50 * time.Minute), s.EventEnds: ""})
	newEvent(t, app, map[string]any{s.EventTitle: "no end, started 70 min ago", s.EventStarts: in(-70 * time.Minute), s.EventEnds: ""})
	newEvent(t, app, map[string]any{s.EventTitle: "ended a minute ago", s.EventStarts: in(-2 * time.Hour), s.EventEnds: in(-time.Minute)})
	newEvent(t, app, map[string]any{s.EventTitle: "cancelled last week", s.FieldStatus: s.StatusCancelled, s.EventStarts: in(-7 * 24 * time.Hour), s.EventEnds: in(-7*24*time.Hour + time.Hour)})
	up, err := events.Upcoming(app, events.Query{Cancelled: true, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	past, err := events.Ended(app, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range up {
		got = append(got, "up:"+v.Title)
	}
	for _, v := range past {
		got = append(got, "past:"+v.Title)
	}
	want := []string{"up:no end, started 50 min ago", "up:next week", "up:draft next week",
		"past:no end, started 70 min ago", "past:ended a minute ago", "past:cancelled last week"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
