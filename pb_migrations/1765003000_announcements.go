package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The `announcements` collection (PRODUCT.md): urgent notices shown above
// the screens' rotation between starts and ends, on chosen rooms (empty =
// every room).
//
// Rules: moderators with the `moderate` role do everything; superusers
// everything (as always); the public nothing over REST — screens get
// announcements through the kiosk feed and the "kiosk" realtime topic,
// like every other card.
func init() {
	m.Register(func(app core.App) error {
		rooms, err := app.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		c := core.NewBaseCollection(s.Announcements)
		moderate := s.RuleModerate
		c.ListRule = types.Pointer(moderate)
		c.ViewRule = types.Pointer(moderate)
		c.CreateRule = types.Pointer(moderate)
		c.UpdateRule = types.Pointer(moderate)
		c.DeleteRule = types.Pointer(moderate)
		c.Fields.Add(
			&core.TextField{Name: s.AnnouncementText, Required: true, Max: s.AnnouncementTextMax, Presentable: true,
				Help: "One line staff can read from across the room, e.g. \"Vaccination clinic in the atrium today, 10:00-16:00\"."},
			&core.RelationField{Name: s.AnnouncementRooms, CollectionId: rooms.Id, MaxSelect: 999, Help: "Empty = every room."},
			&core.DateField{Name: s.AnnouncementStarts, Required: true, Help: "Not shown before this moment."},
			&core.DateField{Name: s.AnnouncementEnds, Required: true, Help: "Gone from the screens at this moment."},
			&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
			&core.AutodateField{Name: s.FieldUpdated, OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_announcements_ends", false, s.AnnouncementEnds, "")
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(s.Announcements)
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}
