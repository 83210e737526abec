package schema

// The audit trail of moderation decisions. It holds who, what, the
// decision, when and the kinds of finding, never any text a person typed
// (PRODUCT.md: no patient details left behind).
const (
	ModerationLog     = "moderation_log"
	LogCollection     = "collection_name" // notes or stories
	LogRecord         = "record"          // the record's id
	LogFrom           = "from_status"
	LogTo             = "to_status"
	LogModerator      = "moderator"       // the deciding account's id; empty = the product itself (the purge job)
	LogAuthCollection = "auth_collection" // moderators or _superusers
	LogFlagKinds      = "flag_kinds"      // JSON list of PHI finding kinds, e.g. ["room_bed"]
	LogCreated        = "created"
)

// Decisions that are not a status value.
const (
	LogToDeleted = "deleted" // the record was deleted
	LogToWiped   = "wiped"   // the purge job wiped a rejected item's text
)

// SettingRejectKeepDays is the kiosk_settings field: how many days a
// rejected note or story keeps its text before the purge job wipes it.
const (
	SettingRejectKeepDays = "reject_keep_days"
	DefaultRejectKeepDays = 7
)
