package notes

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// unitOption is one room in the "Where do they work?" select.
type unitOption struct{ Slug, Name string }

// unitGroup is the rooms of one unit: the select groups them so that a
// person scanning a list of twenty rooms finds "4 West" under Medicine.
type unitGroup struct {
	Unit  string // empty for the rooms without a unit ("Other", in the reader's language)
	Rooms []unitOption
}

// unitGroups lists the active rooms grouped by unit (rooms without a unit
// last, under "Other"), for the select that works without JavaScript.
func unitGroups(app core.App) []unitGroup {
	rooms, err := app.FindRecordsByFilter(s.Rooms, "active = true", "unit,name", 500, 0)
	if err != nil {
		return nil
	}
	var groups []unitGroup
	var other []unitOption
	for _, r := range rooms {
		opt := unitOption{Slug: r.GetString(s.RoomSlug), Name: r.GetString(s.RoomName)}
		unit := r.GetString(s.RoomUnit)
		if unit == "" {
			other = append(other, opt)
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].Unit == unit {
			groups[n-1].Rooms = append(groups[n-1].Rooms, opt)
			continue
		}
		groups = append(groups, unitGroup{Unit: unit, Rooms: []unitOption{opt}})
	}
	if len(other) > 0 {
		groups = append(groups, unitGroup{Rooms: other}) // no unit: the page says "Other"
	}
	return groups
}

// lookupForRoom resolves the "Where do they work?" choice. Unlike the room
// from the QR code, an unknown choice is an error next to the field: the
// writer picked it and can pick again.
func (f *noteForm) lookupForRoom(app core.App) *core.Record {
	if f.ForRoom == "" {
		return nil
	}
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, f.ForRoom)
	if err != nil || !room.GetBool(s.RoomActive) {
		f.Errors[s.NoteForRoom] = i18n.M("note.for_room.unknown")
		return nil
	}
	return room
}
