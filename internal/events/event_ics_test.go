package events_test

import (
	"bufio"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func TestCalendarRoute(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "ics of a published event", Method: http.MethodGet, URL: "/events/" + evOpen + "/ics", ExpectedStatus: 200,
			ExpectedContent: []string{"BEGIN:VCALENDAR\r\n", "SUMMARY:Open yoga\r\n", "UID:" + evOpen + "@", "LOCATION:Staff room\\, level 2\r\n", "STATUS:CONFIRMED"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct := res.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
					t.Errorf("Content-Type = %q", ct)
				}
				if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="open-yoga.ics"` {
					t.Errorf("Content-Disposition = %q", cd)
				}
			}},
		{Name: "ics of a cancelled event says so", Method: http.MethodGet, URL: "/events/" + evCancelled + "/ics", ExpectedStatus: 200,
			ExpectedContent: []string{"STATUS:CANCELLED"}},
		{Name: "draft: HTML 404", Method: http.MethodGet, URL: "/events/" + evDraft + "/ics", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}, NotExpectedContent: []string{"VCALENDAR"}},
		{Name: "unknown: HTML 404", Method: http.MethodGet, URL: "/events/nosuchevent0000/ics", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seedEvents)
		sc.Test(t)
	}
}

// TestCalendarFile checks the file against RFC 5545 by hand: CRLF only,
// no line over 75 octets, folding that unfolds to the escaped values,
// UTC times with Z on both sides of a clock change.
func TestCalendarFile(t *testing.T) {
	app := kktest.NewApp(t)
	setTimezone(t, app, "Europe/London")
	title := "Café, cake; and a \\ backslash — " + strings.Repeat("ünïcödé ", 12)
	desc := "Line one,\nline two; **bold**"
	ev := newEvent(t, app, map[string]any{s.EventTitle: title, s.EventDescription: desc, s.EventPlace: "Room 1, level 2",
		// 10:00 GMT on the Saturday, 10:00 BST on the Monday: 09:00Z
		s.EventStarts: "2030-03-30 10:00:00.000Z", s.EventEnds: "2030-04-01 09:00:00.000Z"})
	b := events.Calendar(ev, "https://kindness.hospital.example/", i18n.English, time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC))
	raw := string(b)

	if strings.Count(raw, "\n") != strings.Count(raw, "\r\n") || !strings.HasSuffix(raw, "END:VCALENDAR\r\n") {
		t.Fatalf("line ends are not all CRLF:\n%q", raw)
	}
	for _, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	// unfold (RFC 5545 §3.1) and index the properties
	props := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(strings.ReplaceAll(raw, "\r\n ", "")))
	for sc.Scan() {
		k, v, _ := strings.Cut(strings.TrimSuffix(sc.Text(), "\r"), ":")
		props[k] = v
	}
	want := map[string]string{
		"UID":      ev.Id + "@kindness.hospital.example",
		"DTSTAMP":  "20300102T030405Z",
		"DTSTART":  "20300330T100000Z",
		"DTEND":    "20300401T090000Z",
		"SUMMARY":  `Café\, cake\; and a \\ backslash — ` + strings.Repeat("ünïcödé ", 12)[:len(strings.Repeat("ünïcödé ", 12))],
		"LOCATION": `Room 1\, level 2`,
		"URL":      "https://kindness.hospital.example/events/" + ev.Id,
		"VERSION":  "2.0",
	}
	for k, v := range want {
		if props[k] != v {
			t.Errorf("%s = %q, want %q", k, props[k], v)
		}
	}
	if d := props["DESCRIPTION;LANGUAGE=en"]; !strings.HasPrefix(d, `Line one\, line two\; bold\n\nDetails and sign-up: https://`) {
		t.Errorf("DESCRIPTION = %q", d)
	}
	// in Spanish, the file's own words are Spanish and say so
	es := string(events.Calendar(ev, "https://kindness.hospital.example/", i18n.Spanish, time.Now()))
	if d := strings.ReplaceAll(es, "\r\n ", ""); !strings.Contains(d, "DESCRIPTION;LANGUAGE=es:Line one\\, line two\\; bold\\n\\nDetalles e inscripción: https://") {
		t.Errorf("Spanish calendar file:\n%s", es)
	}
	if !strings.Contains(raw, "BEGIN:VEVENT\r\n") || !strings.Contains(raw, "END:VEVENT\r\n") {
		t.Error("no VEVENT")
	}
}
