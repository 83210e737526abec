package schema

// Announcements: an urgent notice shown above the rotation on the screens
// ("Vaccination clinic in the atrium today", a drill notice), posted by a
// moderator with the `moderate` role, shown from starts until ends.
const (
	Announcements      = "announcements"
	AnnouncementText   = "text"
	AnnouncementRooms  = "rooms" // empty = every room
	AnnouncementStarts = "starts"
	AnnouncementEnds   = "ends"
)

// AnnouncementTextMax keeps a notice to what can be read from 3 m in one
// glance above the rotation (PRODUCT.md).
const AnnouncementTextMax = 200
