package browsertest_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestKioskStoryExcerpt: a story written the way people write on a phone
// (a bold first line as its heading, then paragraphs and a heading) reads
// as sentences on the screen. QA saw "Night shiftWe had…": blocks ran
// together. Screenshot: docs/screenshots/kiosk-story-excerpt-1920.png.
func TestKioskStoryExcerpt(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	kktest.Create(t, srv.App, s.Stories, map[string]any{s.StoryTitle: "A night to remember", s.StoryAuthor: "Priya, 5 West",
		s.StoryBody:   "**Night shift**\nWe had eleven admissions before midnight\n\n## Then\n\nEveryone stayed until the last patient was settled",
		s.FieldStatus: s.StatusPublished})
	ctx := browsertest.NewBrowser(t, 1920, 1080)
	openKiosk(t, ctx, srv.URL+"/kiosk/break-room?dwell=3")
	waitFor(t, ctx, "the story's excerpt in sentences", activeCard("story",
		"Night shift: We had eleven admissions before midnight. Then: Everyone stayed until the last patient was settled"))
	settle(t, ctx)
	browsertest.Screenshot(t, ctx, "kiosk-story-excerpt-1920")
}
