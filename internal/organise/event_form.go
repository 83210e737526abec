package organise

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Limits of the event fields; they match the events collection.
const (
	TitleMax       = 140
	PlaceMax       = 140
	DescriptionMax = 20000
	// CapacityMax is far beyond any hall; a bigger number is a typo.
	CapacityMax = 100000
)

// eventForm is the create/edit form: what was typed (kept as typed, so a
// refused form comes back with every character) and what is wrong with it.
// Inputs are named after the collection's fields.
type eventForm struct {
	ID                         string // "" while creating
	Title, Description, Place  string
	Starts, Ends, SignupCloses string // "2026-12-03T19:00", wall-clock time in the hospital zone
	Capacity                   string
	Status                     string
	Rooms                      []string // room ids
	Errors                     forms.Errors
	starts, ends, closes       time.Time
	capacity                   int
	stored                     map[string]time.Time // an edit's times as stored, to the second
	loc                        *time.Location
	roomChoices                []roomChoice
	Zone                       i18n.Text // "America/New_York (EST, UTC−5 now)"
	Notice                     i18n.Text // a problem that belongs to no single field
	Cancelled                  bool      // the stored event is cancelled
	HasSignups                 bool      // some people signed up (edit page hint)
}

// roomChoice is one checkbox of the rooms field.
type roomChoice struct {
	ID, Name string
	Checked  bool
	Retired  bool // chosen before, no longer active: shown as "a room no longer in use"
}

// RoomChoices lists every active room, ticked when the event is aimed at it.
func (f *eventForm) RoomChoices() []roomChoice {
	out := make([]roomChoice, len(f.roomChoices))
	for i, r := range f.roomChoices {
		r.Checked = slices.Contains(f.Rooms, r.ID)
		out[i] = r
	}
	return out
}

// Statuses are the choices of the status field, with what each means.
func (f *eventForm) Statuses() [][2]string {
	return [][2]string{
		{s.StatusPublished, "organise.form.status_published"},
		{s.StatusDraft, "organise.form.status_draft"},
		{s.StatusCancelled, "organise.form.status_cancelled"},
	}
}

// keys name the fields in the catalogue (their messages: key+".required", key+".too_long").
var keys = map[string]string{
	s.EventTitle: "organise.title", s.EventDescription: "organise.description", s.EventPlace: "organise.place",
}

// newForm is an empty form for a new event, published by default (a draft
// is one choice away, and a new event is usually meant to be seen).
func newForm(loc *time.Location, rooms []roomChoice, now time.Time) *eventForm {
	return &eventForm{Status: s.StatusPublished, Capacity: "0", Errors: forms.Errors{}, loc: loc, roomChoices: rooms, Zone: zoneNote(loc, now)}
}

// formFromRecord fills the form with a stored event, times shown in the
// hospital's zone.
func formFromRecord(loc *time.Location, rooms []roomChoice, ev *core.Record, now time.Time) *eventForm {
	f := newForm(loc, rooms, now)
	f.ID = ev.Id
	f.Title, f.Description, f.Place = ev.GetString(s.EventTitle), ev.GetString(s.EventDescription), ev.GetString(s.EventPlace)
	f.stored = map[string]time.Time{}
	for _, field := range []string{s.EventStarts, s.EventEnds, s.EventSignupCloses} {
		f.stored[field] = ev.GetDateTime(field).Time()
	}
	f.Starts = FormatLocal(loc, f.stored[s.EventStarts])
	f.Ends = FormatLocal(loc, f.stored[s.EventEnds])
	f.SignupCloses = FormatLocal(loc, f.stored[s.EventSignupCloses])
	f.Capacity = strconv.Itoa(ev.GetInt(s.EventCapacity))
	f.Status = ev.GetString(s.FieldStatus)
	f.Rooms = ev.GetStringSlice(s.EventRooms)
	// a room deactivated since stays a choice, so an unrelated edit
	// neither fails on it nor drops it silently
	for _, id := range f.Rooms {
		if !slices.ContainsFunc(f.roomChoices, func(r roomChoice) bool { return r.ID == id }) {
			f.roomChoices = append(f.roomChoices, roomChoice{ID: id, Retired: true})
		}
	}
	f.Cancelled = f.Status == s.StatusCancelled
	return f
}

// read takes the posted values; nothing else in the post is read.
func (f *eventForm) read(v url.Values) {
	f.Title, f.Description, f.Place = v.Get(s.EventTitle), v.Get(s.EventDescription), v.Get(s.EventPlace)
	f.Starts, f.Ends, f.SignupCloses = v.Get(s.EventStarts), v.Get(s.EventEnds), v.Get(s.EventSignupCloses)
	f.Capacity, f.Status, f.Rooms = v.Get(s.EventCapacity), v.Get(s.FieldStatus), v[s.EventRooms]
}

// validate cleans the fields and fills Errors with sentences an organiser
// can act on, next to the field. now is the moment of the post.
func (f *eventForm) validate(now time.Time) {
	f.Errors = forms.Errors{}
	f.Title = forms.Clean(f.Title, false)
	f.Place = forms.Clean(f.Place, false)
	f.Description = forms.Clean(f.Description, true)
	f.Errors.Check(s.EventTitle, keys[s.EventTitle], f.Title, true, TitleMax)
	f.Errors.Check(s.EventPlace, keys[s.EventPlace], f.Place, false, PlaceMax)
	f.Errors.Check(s.EventDescription, keys[s.EventDescription], f.Description, false, DescriptionMax)

	f.starts = f.time(s.EventStarts, f.Starts, true)
	f.ends = f.time(s.EventEnds, f.Ends, false)
	f.closes = f.time(s.EventSignupCloses, f.SignupCloses, false)
	if !f.starts.IsZero() {
		// a typo in the year is the usual way to make an event in the past;
		// an edit keeps a start that has already passed (a running event)
		if f.starts.Before(now) && !f.starts.Equal(f.stored[s.EventStarts]) {
			f.Errors[s.EventStarts] = i18n.M("organise.err.starts_past", "When", describeLocal(f.loc, f.starts))
		}
		if !f.ends.IsZero() && !f.ends.After(f.starts) {
			f.Errors[s.EventEnds] = i18n.M("organise.err.ends_before", "Start", describeLocal(f.loc, f.starts))
		}
		if !f.closes.IsZero() && f.closes.After(f.starts) {
			f.Errors[s.EventSignupCloses] = i18n.M("organise.err.closes_after", "Start", describeLocal(f.loc, f.starts))
		}
	}

	f.Capacity = strings.TrimSpace(f.Capacity)
	if f.Capacity == "" {
		f.Capacity = "0"
	}
	n, err := strconv.Atoi(f.Capacity)
	switch {
	case err != nil || n < 0:
		f.Errors[s.EventCapacity] = i18n.M("organise.err.capacity_number")
	case n > CapacityMax:
		f.Errors[s.EventCapacity] = i18n.M("organise.err.capacity_max", "Seats", n, "Max", CapacityMax)
	default:
		f.capacity = n
	}

	if !slices.ContainsFunc(f.Statuses(), func(c [2]string) bool { return c[0] == f.Status }) {
		f.Errors[s.FieldStatus] = i18n.M("organise.err.status")
	}
	for _, id := range f.Rooms {
		if !slices.ContainsFunc(f.roomChoices, func(r roomChoice) bool { return r.ID == id }) {
			f.Errors[s.EventRooms] = i18n.M("organise.err.room_inactive")
			break
		}
	}
}

// time reads one date-time field, recording a message when it can't.
func (f *eventForm) time(field, v string, required bool) time.Time {
	v = strings.TrimSpace(v)
	// an untouched field keeps the stored instant exactly (the form shows
	// minutes; a time set elsewhere may carry seconds)
	if stored := f.stored[field]; !stored.IsZero() && v == FormatLocal(f.loc, stored) {
		return stored
	}
	if v == "" {
		if required {
			f.Errors[field] = i18n.M("organise.err.starts_required")
		}
		return time.Time{}
	}
	t, err := ParseLocal(f.loc, v)
	switch {
	case errors.Is(err, ErrNoSuchTime):
		f.Errors[field] = i18n.M("organise.err.no_such_time")
	case err != nil:
		f.Errors[field] = i18n.M("organise.err.time_format")
	}
	return t
}

// apply writes the validated form into the record.
func (f *eventForm) apply(ev *core.Record) {
	ev.Set(s.EventTitle, f.Title)
	ev.Set(s.EventDescription, f.Description)
	ev.Set(s.EventPlace, f.Place)
	ev.Set(s.EventStarts, f.starts.UTC())
	setTime(ev, s.EventEnds, f.ends)
	setTime(ev, s.EventSignupCloses, f.closes)
	ev.Set(s.EventCapacity, f.capacity)
	ev.Set(s.FieldStatus, f.Status)
	rooms := f.Rooms
	if rooms == nil {
		rooms = []string{}
	}
	ev.Set(s.EventRooms, rooms)
}

func setTime(ev *core.Record, field string, t time.Time) {
	if t.IsZero() {
		ev.Set(field, "")
		return
	}
	ev.Set(field, t.UTC())
}

// saveError puts a refused save next to the field it is about: the
// capacity hook's "people are already confirmed", or a field validator's
// message. It reports false when the error is about no field.
func (f *eventForm) saveError(app core.App, err error) bool {
	var verrs validation.Errors
	if errors.As(err, &verrs) {
		for field, e := range verrs {
			// PocketBase's validator messages are English only (ADR 0310)
			f.Errors[field] = i18n.M("organise.err.refused", "Reason", i18n.Raw(fieldSentence(e)))
		}
		return len(verrs) > 0
	}
	var apiErr *router.ApiError
	if errors.As(err, &apiErr) && apiErr.Status == 400 {
		// the only 400 an event save makes with a message for people is
		// the capacity check (events/hooks.go onEventUpdate); its words
		// are the API's, in English, so the page says it again from the count
		n, cerr := app.CountRecords(s.Signups, dbx.HashExp{s.SignupEvent: f.ID, s.FieldStatus: s.StatusConfirmed})
		if cerr != nil || f.ID == "" {
			f.Errors[s.EventCapacity] = i18n.M("organise.err.refused", "Reason", i18n.Raw(apiErr.Message))
			return true
		}
		f.Errors[s.EventCapacity] = i18n.M("organise.err.capacity_below", "Count", int(n))
		return true
	}
	return false
}

// fieldSentence turns a collection validator's error into a sentence.
func fieldSentence(err error) string {
	msg := err.Error()
	if msg == "" {
		return "-"
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}
