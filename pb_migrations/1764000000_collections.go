// Package pb_migrations holds the schema, API rules and default settings as
// Go migrations compiled into the binary. main.go imports it for its side
// effects; tests import it through internal/kktest.
//
// NB! Never edit a migration that has shipped: add a new file instead, so
// that existing hospitals upgrade by replacing the binary.
package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func init() {
	m.Register(createCollections, dropCollections)
}

// createCollections creates the five product collections of PRODUCT.md plus
// the single-row kiosk_settings collection.
//
// Rule summary (nil = superusers only, "" = everyone):
//   - the public lists/views only approved notes, published stories,
//     published or cancelled events and active rooms;
//   - the public may create notes and stories over REST but never sets
//     status (the rule) or flags (hidden fields are dropped from public
//     request bodies); hooks set "pending" and run the PHI guard;
//   - signups are never listed or viewed by the public; their token is hidden.
func createCollections(app core.App) error {
	rooms := core.NewBaseCollection(s.Rooms)
	rooms.ListRule = types.Pointer("active = true")
	rooms.ViewRule = types.Pointer("active = true")
	rooms.Fields.Add(
		&core.TextField{Name: s.RoomName, Required: true, Max: 80, Presentable: true},
		&core.TextField{Name: s.RoomSlug, Required: true, Max: 60, Pattern: `^[a-z0-9-]+$`,
			Help: "Lower-case letters, digits and dashes; the screen opens /kiosk/{slug}."},
		&core.TextField{Name: s.RoomUnit, Max: 80},
		&core.SelectField{Name: s.RoomAudience, Values: []string{"staff", "public"}, MaxSelect: 1},
		&core.BoolField{Name: s.RoomActive},
		&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	rooms.AddIndex("idx_rooms_slug", true, s.RoomSlug, "")
	if err := app.Save(rooms); err != nil {
		return err
	}

	notes := core.NewBaseCollection(s.Notes)
	notes.ListRule = types.Pointer(`status = "approved"`)
	notes.ViewRule = types.Pointer(`status = "approved"`)
	notes.CreateRule = types.Pointer(`@request.body.status:isset = false`)
	notes.Fields.Add(
		&core.SelectField{Name: s.FieldStatus, Values: []string{s.StatusPending, s.StatusApproved, s.StatusRejected}, MaxSelect: 1, Presentable: true,
			Help: "Set to approved to show the note on the screens."},
		&core.TextField{Name: s.NoteTo, Required: true, Max: s.NoteToMax, Presentable: true},
		&core.TextField{Name: s.NoteBody, Required: true, Max: s.NoteBodyMax},
		&core.TextField{Name: s.NoteFrom, Max: s.NoteFromMax, Help: "Empty = anonymous (shown as \"A colleague\")."},
		&core.RelationField{Name: s.FieldRoom, CollectionId: rooms.Id, MaxSelect: 1},
		&core.JSONField{Name: s.NoteFlags, Hidden: true, MaxSize: 20000,
			Help: "What the PHI guard found; a flagged note is never auto-approved."},
		&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	notes.AddIndex("idx_notes_status_created", false, "status, created", "")
	if err := app.Save(notes); err != nil {
		return err
	}

	stories := core.NewBaseCollection(s.Stories)
	stories.ListRule = types.Pointer(`status = "published"`)
	stories.ViewRule = types.Pointer(`status = "published"`)
	stories.CreateRule = types.Pointer(`@request.body.status:isset = false`)
	stories.Fields.Add(
		&core.SelectField{Name: s.FieldStatus, Values: []string{s.StatusPending, s.StatusPublished, s.StatusRejected}, MaxSelect: 1, Presentable: true},
		&core.TextField{Name: s.StoryTitle, Required: true, Max: 140, Presentable: true},
		&core.TextField{Name: s.StoryBody, Max: 20000},
		&core.TextField{Name: s.StoryAuthor, Max: 80},
		&core.RelationField{Name: s.FieldRoom, CollectionId: rooms.Id, MaxSelect: 1},
		&core.JSONField{Name: s.StoryFlags, Hidden: true, MaxSize: 20000},
		&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	stories.AddIndex("idx_stories_status_created", false, "status, created", "")
	if err := app.Save(stories); err != nil {
		return err
	}

	events := core.NewBaseCollection(s.Events)
	events.ListRule = types.Pointer(`status = "published" || status = "cancelled"`)
	events.ViewRule = types.Pointer(`status = "published" || status = "cancelled"`)
	events.Fields.Add(
		&core.TextField{Name: s.EventTitle, Required: true, Max: 140, Presentable: true},
		&core.TextField{Name: s.EventDescription, Max: 20000, Help: "Markdown."},
		&core.DateField{Name: s.EventStarts, Required: true, Presentable: true},
		&core.DateField{Name: s.EventEnds},
		&core.TextField{Name: s.EventPlace, Max: 140},
		&core.NumberField{Name: s.EventCapacity, Min: types.Pointer(0.0), OnlyInt: true, Help: "0 = unlimited."},
		&core.SelectField{Name: s.FieldStatus, Values: []string{s.StatusDraft, s.StatusPublished, s.StatusCancelled}, MaxSelect: 1},
		&core.RelationField{Name: s.EventRooms, CollectionId: rooms.Id, MaxSelect: 999, Help: "Empty = every room."},
		&core.DateField{Name: s.EventSignupCloses},
		&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	events.AddIndex("idx_events_status_starts", false, "status, starts", "")
	if err := app.Save(events); err != nil {
		return err
	}

	signups := core.NewBaseCollection(s.Signups)
	// all rules nil: sign-ups go through POST /events/{id}/signup, which
	// counts and inserts in one write transaction.
	signups.Fields.Add(
		&core.RelationField{Name: s.SignupEvent, CollectionId: events.Id, MaxSelect: 1, Required: true, CascadeDelete: true},
		&core.TextField{Name: s.SignupName, Required: true, Max: 80, Presentable: true},
		&core.EmailField{Name: s.SignupEmail, Required: true},
		&core.TextField{Name: s.SignupUnit, Max: 80},
		&core.SelectField{Name: s.FieldStatus, Values: []string{s.StatusConfirmed, s.StatusWaitlisted, s.StatusCancelled}, MaxSelect: 1, Presentable: true},
		&core.TextField{Name: s.SignupToken, Hidden: true, Max: 100},
		&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	signups.AddIndex("idx_signups_token", true, s.SignupToken, "token != ''")
	// one live sign-up per (event, email); cancelled rows don't count.
	signups.AddIndex("idx_signups_live", true, "event, email", "status != 'cancelled'")
	if err := app.Save(signups); err != nil {
		return err
	}

	settings := core.NewBaseCollection(s.Settings)
	settings.Fields.Add(
		&core.TextField{Name: s.SettingTimezone, Max: 64, Presentable: true,
			Help: "IANA time zone for dates on pages and screens, e.g. Europe/London. Empty = the server's."},
		&core.TextField{Name: s.SettingQuietStart, Max: 5, Pattern: `^([01][0-9]|2[0-3]):[0-5][0-9]$`, Help: "Screens dim from this time (HH:MM)."},
		&core.TextField{Name: s.SettingQuietEnd, Max: 5, Pattern: `^([01][0-9]|2[0-3]):[0-5][0-9]$`, Help: "Screens brighten again at this time (HH:MM)."},
		&core.BoolField{Name: s.SettingAutoApproveClean, Help: "Publish notes the PHI guard found nothing in without waiting for a moderator."},
		&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
	)
	if err := app.Save(settings); err != nil {
		return err
	}
	row := core.NewRecord(settings)
	row.Set(s.SettingQuietStart, "22:00")
	row.Set(s.SettingQuietEnd, "06:00")
	if err := app.Save(row); err != nil {
		return err
	}

	room := core.NewRecord(rooms)
	room.Set(s.RoomName, "Staff break room")
	room.Set(s.RoomSlug, s.DefaultRoomSlug)
	room.Set(s.RoomAudience, "staff")
	room.Set(s.RoomActive, true)
	return app.Save(room)
}

func dropCollections(app core.App) error {
	for _, name := range []string{s.Settings, s.Signups, s.Events, s.Stories, s.Notes, s.Rooms} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	return nil
}
