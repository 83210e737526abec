package organise_test

import (
	"errors"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/organise"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestParseLocal: "7 PM" is 19:00 in the hospital's zone in winter and in
// summer, whatever the server's zone; skipped times are refused and
// repeated ones are the first.
func TestParseLocal(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	london := mustLoad(t, "Europe/London")
	cases := []struct {
		loc  *time.Location
		in   string
		want string // UTC, RFC 3339; "" = an error
		err  error
	}{
		{ny, "2026-12-03T19:00", "2026-12-04T00:00:00Z", nil},  // EST, UTC−5
		{ny, "2026-07-03T19:00", "2026-07-03T23:00:00Z", nil},  // EDT, UTC−4
		{ny, "2026-12-03 7 PM", "2026-12-04T00:00:00Z", nil},   // a text box
		{ny, "2026-12-03 7:30pm", "2026-12-04T00:30:00Z", nil}, // a text box
		{ny, "2026-12-03 12 AM", "2026-12-03T05:00:00Z", nil},  // midnight
		{ny, "2026-12-03 12 p.m.", "2026-12-03T17:00:00Z", nil},
		{ny, "2026-12-03T19:00:00", "2026-12-04T00:00:00Z", nil},
		{london, "2026-06-10T22:30", "2026-06-10T21:30:00Z", nil}, // BST
		{london, "2026-12-10T22:30", "2026-12-10T22:30:00Z", nil}, // GMT
		// clocks go forward 2026-03-08 02:00 in New York: 02:30 never happens
		{ny, "2026-03-08T02:30", "", organise.ErrNoSuchTime},
		{london, "2026-03-29T01:15", "", organise.ErrNoSuchTime},
		// clocks go back 2026-11-01 02:00 → 01:00: 01:30 happens twice; the first (EDT)
		{ny, "2026-11-01T01:30", "2026-11-01T05:30:00Z", nil},
		{london, "2026-10-25T01:30", "2026-10-25T00:30:00Z", nil},
		{ny, "2026-11-01T03:00", "2026-11-01T08:00:00Z", nil},
		{ny, "", "", organise.ErrTimeFormat},
		{ny, "tomorrow 7pm", "", organise.ErrTimeFormat},
		{ny, "2026-12-03", "", organise.ErrTimeFormat},
		{ny, "2026-12-03 19", "", organise.ErrTimeFormat},
		{ny, "2026-12-03 13 PM", "", organise.ErrTimeFormat},
		{ny, "2026-12-03T24:00", "", organise.ErrTimeFormat},
		{ny, "2026-02-30T10:00", "", organise.ErrTimeFormat},
	}
	for _, c := range cases {
		got, err := organise.ParseLocal(c.loc, c.in)
		if c.want == "" {
			if !errors.Is(err, c.err) {
				t.Errorf("ParseLocal(%s, %q) = %v, %v; want error %v", c.loc, c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got.UTC().Format(time.RFC3339) != c.want {
			t.Errorf("ParseLocal(%s, %q) = %v, %v; want %s", c.loc, c.in, got.UTC(), err, c.want)
		}
		// what the form shows again is what was typed (datetime-local form)
		if back := organise.FormatLocal(c.loc, got); c.in[10] == 'T' && back != c.in[:16] {
			t.Errorf("FormatLocal round trip of %q = %q", c.in, back)
		}
	}
}

// FuzzParseLocal: whatever is typed, no panic, and an accepted time shows
// again as the same wall-clock minute.
func FuzzParseLocal(f *testing.F) {
	for _, s := range []string{"2026-12-03T19:00", "2026-12-03 7 PM", "2026-03-08T02:30", "2026-11-01T01:30", "x T y", "2026-12-03 :", "2026-12-03 -1:00", "2026-12-03 1:-5pm"} {
		f.Add(s)
	}
	ny := mustLoad(f, "America/New_York")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := organise.ParseLocal(ny, s)
		if err != nil {
			return
		}
		again, err := organise.ParseLocal(ny, organise.FormatLocal(ny, got))
		if err != nil || !again.Equal(got) {
			t.Fatalf("%q → %v; shown as %q → %v, %v", s, got, organise.FormatLocal(ny, got), again, err)
		}
	})
}
