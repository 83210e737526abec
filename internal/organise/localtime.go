package organise

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

// inputLayout is what <input type="datetime-local"> sends and shows:
// a wall-clock time with no zone, which we read in the hospital's zone.
const inputLayout = "2006-01-02T15:04"

// Errors of [ParseLocal]; the form turns them into sentences.
var (
	// ErrTimeFormat: not a date and time we can read.
	ErrTimeFormat = errors.New("organise: not a date and time")
	// ErrNoSuchTime: the wall-clock time is skipped when the clocks go
	// forward (e.g. 02:30 on the last Sunday of March in London).
	ErrNoSuchTime = errors.New("organise: that local time does not exist (clocks go forward)")
)

// ParseLocal reads a date and time typed by an organiser as a wall-clock
// time in loc (the hospital's zone, never the server's or the browser's)
// and returns the instant, so "19:00" is 19:00 there whatever the season.
//
// It accepts what datetime-local inputs send ("2026-12-03T19:00") and, for
// browsers that show a plain text box, "2026-12-03 19:00", "2026-12-03 7 PM"
// and "2026-12-03 7:30pm". A time that doesn't exist because the clocks go
// forward is [ErrNoSuchTime]; a time that happens twice when they go back
// is the first of the two (still summer time), which is what a person
// planning "01:30 that night" means by the earlier one.
func ParseLocal(loc *time.Location, v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	datePart, timePart, ok := strings.Cut(v, "T")
	if !ok {
		datePart, timePart, ok = strings.Cut(v, " ")
	}
	if !ok {
		return time.Time{}, ErrTimeFormat
	}
	d, err := time.Parse("2006-01-02", strings.TrimSpace(datePart))
	if err != nil {
		return time.Time{}, ErrTimeFormat
	}
	h, m, err := parseClock(timePart)
	if err != nil {
		return time.Time{}, err
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc)
	if lt := t.In(loc); lt.Hour() != h || lt.Minute() != m || lt.Day() != d.Day() {
		return time.Time{}, ErrNoSuchTime
	}
	// Go may pick either instant of a repeated hour; take the earlier.
	// Shifts are 30 minutes to 2 hours wherever clocks change.
	earliest := t
	for _, back := range []time.Duration{30 * time.Minute, time.Hour, 2 * time.Hour} {
		c := t.Add(-back)
		if e := c.In(loc); e.Hour() == h && e.Minute() == m && e.Day() == d.Day() && c.Before(earliest) {
			earliest = c
		}
	}
	return earliest, nil
}

// parseClock reads "19:00", "19:00:00", "7 PM", "7pm", "7:30 p.m.".
func parseClock(v string) (h, m int, err error) {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.ReplaceAll(v, ".", "")
	pm, am := strings.HasSuffix(v, "pm"), strings.HasSuffix(v, "am")
	if pm || am {
		v = strings.TrimSpace(v[:len(v)-2])
	}
	hs, ms, hasMin := strings.Cut(v, ":")
	if hasMin {
		// seconds, if a browser sends them, must be zero-ish: ignore them
		ms, _, _ = strings.Cut(ms, ":")
	}
	if h, err = strconv.Atoi(hs); err != nil || len(hs) > 2 {
		return 0, 0, ErrTimeFormat
	}
	if hasMin {
		if m, err = strconv.Atoi(ms); err != nil || len(ms) != 2 {
			return 0, 0, ErrTimeFormat
		}
	}
	switch {
	case pm || am:
		if h < 1 || h > 12 {
			return 0, 0, ErrTimeFormat
		}
		h %= 12
		if pm {
			h += 12
		}
	case !hasMin:
		return 0, 0, ErrTimeFormat // "19" alone is too easy to misread
	}
	if h > 23 || m > 59 || m < 0 {
		return 0, 0, ErrTimeFormat
	}
	return h, m, nil
}

// FormatLocal is the value a datetime-local input shows for t: the
// wall-clock time in loc. The zero time is "".
func FormatLocal(loc *time.Location, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(inputLayout)
}

// describeLocal is "Thu 3 Dec 2026, 19:00" for messages, in the reader's
// language (the catalogue's "organise.format.moment" pattern).
func describeLocal(loc *time.Location, t time.Time) i18n.Text {
	return i18n.Pattern{Key: "organise.format.moment", T: t.In(loc)}
}

// zoneNote says which zone form times are in, e.g.
// "America/New_York (EST, UTC−5 now)".
func zoneNote(loc *time.Location, now time.Time) i18n.Text {
	name, off := now.In(loc).Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	utc := fmt.Sprintf("UTC%s%d", sign, off/3600)
	if rem := off % 3600 / 60; rem != 0 {
		utc += fmt.Sprintf(":%02d", rem)
	}
	if name == "" || strings.HasPrefix(name, "+") || strings.HasPrefix(name, "-") {
		return i18n.M("organise.zone", "Zone", loc.String(), "Offset", utc)
	}
	return i18n.M("organise.zone_named", "Zone", loc.String(), "Abbr", name, "Offset", utc)
}
