package events

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// icsTime is the UTC form of DATE-TIME (RFC 5545 §3.3.5, form #2): with the
// Z there is no time zone to get wrong, so daylight-saving changes between
// now and the event can't move it.
const icsTime = "20060102T150405Z"

// Calendar returns an event as an iCalendar file (RFC 5545): CRLF line
// ends, lines folded at 75 octets, TEXT values escaped. appURL (the public
// base URL) gives the UID's domain and the event's link; lang is the
// language of the file's own words (the link's label), marked with
// LANGUAGE on the description.
func Calendar(ev *core.Record, appURL string, lang i18n.Lang, now time.Time) []byte {
	base := strings.TrimRight(appURL, "/")
	host := "kindness-kiosk"
	if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	link := base + "/events/" + ev.Id
	desc := markdown.Plain(ev.GetString(s.EventDescription))
	if desc != "" {
		desc += "\n\n"
	}
	desc += lang.T("ics.details", "Link", link)
	status := "CONFIRMED"
	if ev.GetString(s.FieldStatus) == s.StatusCancelled {
		status = "CANCELLED"
	}

	var b strings.Builder
	line := func(name, value string) { b.WriteString(foldLine(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Kindness Coalition//Kindness Kiosk//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("BEGIN", "VEVENT")
	line("UID", ev.Id+"@"+host)
	line("DTSTAMP", now.UTC().Format(icsTime))
	line("DTSTART", ev.GetDateTime(s.EventStarts).Time().UTC().Format(icsTime))
	line("DTEND", endsAt(ev).UTC().Format(icsTime))
	if updated := ev.GetDateTime(s.FieldUpdated); !updated.IsZero() {
		line("LAST-MODIFIED", updated.Time().UTC().Format(icsTime))
	}
	line("SUMMARY", escapeText(ev.GetString(s.EventTitle)))
	if place := ev.GetString(s.EventPlace); place != "" {
		line("LOCATION", escapeText(place))
	}
	line("DESCRIPTION;LANGUAGE="+string(lang), escapeText(desc))
	line("URL", link)
	line("STATUS", status)
	line("END", "VEVENT")
	line("END", "VCALENDAR")
	return []byte(b.String())
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, ; and ,
// get a backslash, a line break becomes \n.
func escapeText(v string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(v)
}

// foldLine ends a content line with CRLF, folding it so that no line is
// longer than 75 octets (RFC 5545 §3.1); a continuation starts with one
// space, and a UTF-8 character is never split.
func foldLine(l string) string {
	const limit = 75
	var b strings.Builder
	width := limit
	for len(l) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		width = limit - 1 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
	return b.String()
}
