package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Dates and times follow each catalogue's CLDR patterns ("format.day":
// "EEE, d MMM", "format.time": "h:mm a") and its month, weekday and
// AM/PM names, so a language changes both the words and the clock (12- or
// 24-hour) without code. The time passed in must already be in the
// hospital's zone (prefs.Prefs.Location).

// Day is a short day, "Tue 3 Dec" / "mar, 3 dic".
type Day time.Time

// In formats the day in l.
func (d Day) In(l Lang) string { return Format(l, "format.day", time.Time(d)) }

// String formats the day in English (a template that forgets t).
func (d Day) String() string { return d.In(English) }

// Clock is a time of day, "18:30" / "6:30 p. m.".
type Clock time.Time

// In formats the time in l.
func (c Clock) In(l Lang) string { return Format(l, "format.time", time.Time(c)) }

// String formats the time in English.
func (c Clock) String() string { return c.In(English) }

// LongDate is a full date, "Tuesday 3 December" / "martes, 3 de diciembre".
type LongDate time.Time

// In formats the date in l.
func (d LongDate) In(l Lang) string { return Format(l, "format.date_long", time.Time(d)) }

// String formats the date in English.
func (d LongDate) String() string { return d.In(English) }

// Pattern is a time formatted with the CLDR pattern under a catalogue key
// of an area's own ("organise.format.moment": "EEE d MMM y, HH:mm"), for
// the few places that need a form [Day], [Clock] and [LongDate] don't give.
type Pattern struct {
	Key string
	T   time.Time
}

// In formats the time in l.
func (p Pattern) In(l Lang) string { return Format(l, p.Key, p.T) }

// String formats the time in English.
func (p Pattern) String() string { return p.In(English) }

// Format formats t with the CLDR pattern under a catalogue key.
func Format(l Lang, patternKey string, t time.Time) string {
	return FormatPattern(l, l.T(patternKey), t)
}

// FormatPattern formats t with a subset of CLDR date patterns: EEEE/EEE
// (weekday), d/dd, MMMM/MMM/MM/M, y/yyyy, H/HH, h/hh, mm, a and 'quoted'
// literals; anything else is copied.
func FormatPattern(l Lang, pattern string, t time.Time) string {
	var b strings.Builder
	r := []rune(pattern)
	for i := 0; i < len(r); {
		c := r[i]
		if c == '\'' {
			j := i + 1
			for j < len(r) && r[j] != '\'' {
				j++
			}
			if j == i+1 && j < len(r) { // '' is a quote
				b.WriteRune('\'')
			} else {
				b.WriteString(string(r[i+1 : min(j, len(r))]))
			}
			i = j + 1
			continue
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteRune(c)
			i++
			continue
		}
		n := 1
		for i+n < len(r) && r[i+n] == c {
			n++
		}
		b.WriteString(field(l, c, n, t))
		i += n
	}
	return b.String()
}

func field(l Lang, c rune, n int, t time.Time) string {
	pad := func(v int) string {
		s := strconv.Itoa(v)
		if n >= 2 && len(s) < 2 {
			s = "0" + s
		}
		return s
	}
	switch c {
	case 'E':
		if n >= 4 {
			return l.T("date.weekday.wide." + strconv.Itoa(int(t.Weekday())))
		}
		return l.T("date.weekday.abbr." + strconv.Itoa(int(t.Weekday())))
	case 'd':
		return pad(t.Day())
	case 'M', 'L':
		switch {
		case n >= 4:
			return l.T("date.month.wide." + strconv.Itoa(int(t.Month())))
		case n == 3:
			return l.T("date.month.abbr." + strconv.Itoa(int(t.Month())))
		}
		return pad(int(t.Month()))
	case 'y':
		return strconv.Itoa(t.Year())
	case 'H':
		return pad(t.Hour())
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		return pad(h)
	case 'm':
		s := strconv.Itoa(t.Minute())
		if len(s) < 2 {
			s = "0" + s
		}
		return s
	case 'a':
		if t.Hour() < 12 {
			return l.T("date.am")
		}
		return l.T("date.pm")
	}
	return strings.Repeat(string(c), n)
}
