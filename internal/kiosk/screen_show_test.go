package kiosk

import (
	"slices"
	"testing"
	"time"
)

// TestQuietAt pins the quiet-hours rule the page is rendered with (kiosk.js
// isQuiet applies the same one each second).
func TestQuietAt(t *testing.T) {
	at := func(hm string) time.Time {
		v, err := time.Parse("15:04", hm)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		now, start, end string
		want            bool
	}{
		{"23:00", "22:00", "06:00", true}, // across midnight
		{"05:59", "22:00", "06:00", true},
		{"06:00", "22:00", "06:00", false}, // the end is day
		{"22:00", "22:00", "06:00", true},  // the start is night
		{"12:00", "22:00", "06:00", false},
		{"13:30", "13:00", "14:00", true}, // within one day
		{"14:00", "13:00", "14:00", false},
		{"03:00", "", "", false}, // no quiet hours
		{"03:00", "22:00", "", false},
		{"03:00", "bad", "06:00", false},
	} {
		if got := quietAt(at(c.now), c.start, c.end); got != c.want {
			t.Errorf("quietAt(%s, %q, %q) = %v, want %v", c.now, c.start, c.end, got, c.want)
		}
	}
}

// TestShortURL: the address printed beside a QR code reads as people
// type it, and wraps only between its parts.
func TestShortURL(t *testing.T) {
	for in, want := range map[string][]string{
		"https://kindness.hospital/notes/new?room=er-3":        {"kindness.hospital/", "notes/", "new", "?room=er-3"},
		"http://www.kindness.hospital.example/events?room=icu": {"kindness.hospital.example/", "events", "?room=icu"},
		"https://kiosk.example/events/abc123":                  {"kiosk.example/", "events/", "abc123"},
		"https://kiosk.example/a?x=1&y=2":                      {"kiosk.example/", "a", "?x=1", "&y=2"},
	} {
		if got := shortURL(in); !slices.Equal(got, want) {
			t.Errorf("shortURL(%q) = %q, want %q", in, got, want)
		}
	}
}
