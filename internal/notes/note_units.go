package notes

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/rooms"
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
// Only pages that show the form call it (GET, and a post sent back with a
// message or a warning); a post that succeeds redirects without it.
func unitGroups(app core.App) []unitGroup {
	var groups []unitGroup
	var other []unitOption
	for _, r := range rooms.Active(app) {
		opt := unitOption{Slug: r.Slug, Name: r.Name}
		unit := r.Unit
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

// lookupForRoom resolves the "Where do they work?" choice (from the rooms
// cache). Unlike the room from the QR code, an unknown choice is an error
// next to the field: the writer picked it and can pick again. It returns
// the room's id, "" for none.
func (f *noteForm) lookupForRoom(app core.App) string {
	if f.ForRoom == "" {
		return ""
	}
	room, ok := rooms.BySlug(app, f.ForRoom)
	if !ok || !room.Active {
		f.Errors[s.NoteForRoom] = i18n.M("note.for_room.unknown")
		return ""
	}
	return room.ID
}
