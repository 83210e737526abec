package organise

import (
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// activeRooms are the rooms an event can be aimed at (their screens).
func activeRooms(app core.App) ([]roomChoice, error) {
	recs, err := app.FindRecordsByFilter(s.Rooms, "active = true", "name", 500, 0)
	if err != nil {
		return nil, err
	}
	out := make([]roomChoice, len(recs))
	for i, r := range recs {
		out[i] = roomChoice{ID: r.Id, Name: r.GetString(s.RoomName)}
	}
	return out, nil
}
