// Package schema names the collections, fields and status values that the
// dashboard, the REST API, the HTML forms and the tests all share.
//
// The names are the product contract (see PRODUCT.md): change one here and
// you change the public API.
package schema

// Collection names.
const (
	Rooms    = "rooms"
	Notes    = "notes"
	Stories  = "stories"
	Events   = "events"
	Signups  = "signups"
	Settings = "kiosk_settings"
	Screens  = "screens"
)

// Screen (heartbeat) fields.
const (
	ScreenID        = "screen_id"
	ScreenLastSeen  = "last_seen"
	ScreenUserAgent = "user_agent"
	ScreenVersion   = "version"
)

// Shared field names.
const (
	FieldStatus  = "status"
	FieldRoom    = "room"
	FieldCreated = "created"
	FieldUpdated = "updated"
)

// Room fields.
const (
	RoomName     = "name"
	RoomSlug     = "slug"
	RoomUnit     = "unit"
	RoomAudience = "audience"
	RoomActive   = "active"
)

// Note fields.
const (
	NoteTo    = "to"
	NoteBody  = "body"
	NoteFrom  = "from"
	NoteFlags = "flags"
)

// Story fields.
const (
	StoryTitle  = "title"
	StoryBody   = "body"
	StoryAuthor = "author"
	StoryFlags  = "flags"
)

// Event fields.
const (
	EventTitle        = "title"
	EventDescription  = "description"
	EventStarts       = "starts"
	EventEnds         = "ends"
	EventPlace        = "place"
	EventCapacity     = "capacity"
	EventRooms        = "rooms"
	EventSignupCloses = "signup_closes"
)

// Signup fields.
const (
	SignupEvent = "event"
	SignupName  = "name"
	SignupEmail = "email"
	SignupUnit  = "unit"
	SignupToken = "token"
)

// Kiosk settings fields (a single-row collection editable in the dashboard).
const (
	SettingTimezone         = "timezone"
	SettingQuietStart       = "quiet_start"
	SettingQuietEnd         = "quiet_end"
	SettingAutoApproveClean = "auto_approve_clean_notes"
)

// Status values.
const (
	StatusPending    = "pending"
	StatusApproved   = "approved"
	StatusRejected   = "rejected"
	StatusPublished  = "published"
	StatusDraft      = "draft"
	StatusCancelled  = "cancelled"
	StatusConfirmed  = "confirmed"
	StatusWaitlisted = "waitlisted"
)

// Limits from the contract.
const (
	NoteToMax   = 80
	NoteBodyMax = 600
	NoteFromMax = 80
)

// DefaultRoomSlug is the room the first migration creates so that a fresh
// install has a screen to open at once.
const DefaultRoomSlug = "break-room"
