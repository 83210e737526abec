package qr_test

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/qr"
)

func TestIsReachable(t *testing.T) {
	for base, want := range map[string]bool{
		"":                                 false,
		"http://localhost:8090":            false,
		"http://127.0.0.1:8090":            false,
		"http://[::1]:8090":                false,
		"http://0.0.0.0":                   false,
		"ftp://kindness.hospital.local":    false,
		"https://kindness.hospital.local":  true,
		"http://10.20.30.40:8090":          true,
		"https://kiosk.example.org/prefix": true,
	} {
		if got := qr.IsReachable(base); got != want {
			t.Errorf("IsReachable(%q) = %v, want %v", base, got, want)
		}
	}
}

func TestPNG(t *testing.T) {
	b, err := qr.PNG("https://kindness.hospital.local/notes/new?room=er-3")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != qr.Size {
		t.Errorf("size %d", img.Bounds().Dx())
	}
	if got := qr.Join("https://h.local/", "/events?room=x"); got != "https://h.local/events?room=x" {
		t.Errorf("Join = %q", got)
	}
}
