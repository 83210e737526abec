package records_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func TestDefaults(t *testing.T) {
	app := kktest.NewApp(t)
	note := kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Ana", s.NoteBody: "thanks"})
	story := kktest.Create(t, app, s.Stories, map[string]any{s.StoryTitle: "A story"})
	event := kktest.Create(t, app, s.Events, map[string]any{s.EventTitle: "Walk", s.EventStarts: "2030-01-01 10:00:00.000Z"})
	room := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU", s.RoomSlug: "icu"})
	for _, c := range []struct{ got, want string }{
		{note.GetString(s.FieldStatus), s.StatusPending},
		{story.GetString(s.FieldStatus), s.StatusPending},
		{event.GetString(s.FieldStatus), s.StatusDraft},
		{room.GetString(s.RoomAudience), "staff"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// an explicit value from a moderator is kept
	approved := kktest.Create(t, app, s.Notes, map[string]any{s.NoteTo: "Bo", s.NoteBody: "x", s.FieldStatus: s.StatusApproved})
	if approved.GetString(s.FieldStatus) != s.StatusApproved {
		t.Errorf("explicit status overwritten: %q", approved.GetString(s.FieldStatus))
	}
}
