package desk_test

import (
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

const (
	modEmail = "mod@hospital.example"
	orgEmail = "org@hospital.example"

	cleanNote    = "noteclean000000"
	flaggedNote  = "noteflagged0000"
	story        = "storypending000"
	doneNote     = "noteapproved000"
	announcement = "announce0000000"
	room4West    = "room4west000000"

	flaggedBody = "Thank you for staying late with Mrs Kowalski in bed 12 when she was scared."
)

// seed: a moderator, an organiser, a room, and what waits: a clean note,
// a note the PHI guard flagged (flags as the form stores them), a story,
// and one note already approved.
func seed(t testing.TB, app *tests.TestApp) {
	stafftest.Account(t, app, modEmail, s.RoleModerate)
	stafftest.Account(t, app, orgEmail, s.RoleOrganise)
	room := kktest.Create(t, app, s.Rooms, map[string]any{"id": room4West, s.RoomName: "4 West break room", s.RoomSlug: "4-west", s.RoomActive: true})
	icu := kktest.Create(t, app, s.Rooms, map[string]any{s.RoomName: "ICU family room", s.RoomSlug: "icu", s.RoomActive: true})
	kktest.Create(t, app, s.Notes, map[string]any{"id": cleanNote, s.NoteTo: "Ana in pharmacy", s.NoteBody: "Thank you for the tea at 3am.",
		s.FieldRoom: room.Id, s.NoteForRoom: icu.Id, s.FieldStatus: s.StatusPending})
	addNote(t, app, flaggedNote, "the night team", flaggedBody, room)
	kktest.Create(t, app, s.Stories, map[string]any{"id": story, s.StoryTitle: "The cup of tea", s.StoryBody: "It was a long night.",
		s.StoryAuthor: "Sam", s.FieldStatus: s.StatusPending})
	kktest.Create(t, app, s.Notes, map[string]any{"id": doneNote, s.NoteTo: "Old news", s.NoteBody: "ALREADY APPROVED", s.FieldStatus: s.StatusApproved})
	now := time.Now().UTC()
	kktest.Create(t, app, s.Announcements, map[string]any{"id": announcement, s.AnnouncementText: "Fire drill at 14:00",
		s.AnnouncementStarts: now.Add(-time.Hour), s.AnnouncementEnds: now.Add(3 * time.Hour)})
}

// addNote saves a pending note with the findings the phone form would
// store for it.
func addNote(t testing.TB, app core.App, id, to, body string, room *core.Record) *core.Record {
	t.Helper()
	found, _ := forms.Scan(map[string]string{s.NoteTo: to, s.NoteBody: body}, nil, []string{s.NoteTo, s.NoteBody})
	fields := map[string]any{"id": id, s.NoteTo: to, s.NoteBody: body, s.FieldStatus: s.StatusPending}
	if found != nil {
		fields[s.NoteFlags] = forms.Flags{Findings: found, SentAnyway: true}
	}
	if room != nil {
		fields[s.FieldRoom] = room.Id
	}
	return kktest.Create(t, app, s.Notes, fields)
}

func status(t testing.TB, app core.App, collection, id string) string {
	t.Helper()
	rec, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Fatal(err)
	}
	return rec.GetString(s.FieldStatus)
}
