package kiosk_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestFeedETagBeforeBuild: a screen's re-sync is answered from the ETag
// before the feed is built when nothing changed (it was built for every
// request: 112-144 ms per 304 with five long stories). A change that
// leaves the feed as it was still answers 304 (after one rebuild); an
// approval changes the ETag at once; so do the app's settings.
func TestFeedETagBeforeBuild(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	for i := 0; i < 5; i++ {
		kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "A long night", s.StoryBody: longBody(20000), s.FieldStatus: s.StatusPublished})
	}
	client := kktest.NewClient(t, app)
	get := func(tag string) (int, string) {
		res := client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, map[string]string{"If-None-Match": tag})
		res.Body.Close()
		return res.StatusCode, res.Header.Get("ETag")
	}
	// builds runs f and returns how many feeds it built, trying again if
	// a clock minute turned meanwhile (a new minute rebuilds once, on purpose)
	builds := func(f func()) int64 {
		for {
			minute, before := time.Now().Unix()/60, kiosk.FeedBuilds()
			f()
			if time.Now().Unix()/60 == minute {
				return kiosk.FeedBuilds() - before
			}
		}
	}

	var tag string
	if n := builds(func() {
		var code int
		if code, tag = get(""); code != 200 || tag == "" {
			t.Fatalf("first feed: %d %q", code, tag)
		}
	}); n != 1 {
		t.Fatalf("the first feed built %d times", n)
	}
	if n := builds(func() {
		for i := 0; i < 20; i++ {
			if code, got := get(tag); code != http.StatusNotModified || got != tag {
				t.Fatalf("re-sync %d: %d %q, want 304 %q", i, code, got, tag)
			}
		}
	}); n != 0 {
		t.Fatalf("20 re-syncs of an unchanged feed built it %d times, want 0", n)
	}

	// a screen's check-in changes nothing a feed shows
	if res := client.Do(http.MethodPost, "/kiosk/break-room/heartbeat", strings.NewReader("screen=screen-abcdef12&version=x"),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"}); res.StatusCode != http.StatusNoContent {
		t.Fatalf("heartbeat: %d", res.StatusCode)
	}
	if n := builds(func() { get(tag) }); n != 0 {
		t.Fatalf("a check-in made the feed rebuild %d times", n)
	}

	// a note waiting for a moderator: rebuilt once, same content, still 304
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Porters", s.NoteBody: "not yet", s.FieldStatus: s.StatusPending})
	if n := builds(func() {
		for i := 0; i < 3; i++ {
			if code, got := get(tag); code != http.StatusNotModified || got != tag {
				t.Fatalf("after a pending note: %d %q, want 304 %q", code, got, tag)
			}
		}
	}); n != 1 {
		t.Fatalf("a pending note: %d builds for 3 re-syncs, want 1", n)
	}

	// an approval changes the feed: the old ETag gets the new content
	kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Porters", s.NoteBody: "you were quick", s.FieldStatus: s.StatusApproved})
	code, newTag := get(tag)
	if code != 200 || newTag == tag {
		t.Fatalf("after an approval: %d %q (old %q)", code, newTag, tag)
	}

	// the base URL changes what screens show (QR codes or the hint)
	setAppURL(t, app, "http://localhost:8090")
	if code, got := get(newTag); code != 200 || got == newTag {
		t.Fatalf("after the base URL changed: %d %q", code, got)
	}
}

func longBody(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("She sat with the *family* for an hour,\nand **nobody** rushed her. ")
		b.WriteString("[The leaflet](https://intranet.example/leaflet) helped.\n\n")
	}
	return b.String()[:n] // the longest story the form allows
}

func BenchmarkFeedResync(b *testing.B) {
	app := kktest.NewApp(b)
	seed(b, app)
	for i := 0; i < 5; i++ {
		kktest.Create(b, app, s.Stories, map[string]any{s.StoryTitle: "A long night", s.StoryBody: longBody(20000), s.FieldStatus: s.StatusPublished})
	}
	client := kktest.NewClient(b, app)
	res := client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, nil)
	tag := res.Header.Get("ETag")
	b.Run("304", func(b *testing.B) {
		for b.Loop() {
			if res := client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, map[string]string{"If-None-Match": tag}); res.StatusCode != http.StatusNotModified {
				b.Fatal(res.StatusCode)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			if res := client.Do(http.MethodGet, "/kiosk/break-room/feed", nil, nil); res.StatusCode != http.StatusOK {
				b.Fatal(res.StatusCode)
			}
		}
	})
}
