package schema

// Recognition: a thank-you reaches the unit of the person thanked
// (issue 13). Names are the contract (PRODUCT.md).
const (
	// NoteForRoom is where the person thanked works: an approved note
	// shows on its own room's screen and on this room's.
	NoteForRoom = "for_room"
	// RoomManagerEmail receives the weekly unit digest; never public.
	RoomManagerEmail = "manager_email"

	Nominations     = "nominations"
	NominationNote  = "note"
	NominationAward = "award"
	NominationName  = "nominee"
	NominationUnit  = "unit"
	NominationWhy   = "reason"

	// SettingAwards lists the award names moderators nominate for,
	// comma-separated (e.g. "DAISY, BEE, Kindness award").
	SettingAwards = "award_names"
	// SettingUnitDigest turns on the weekly e-mail to unit managers.
	SettingUnitDigest = "unit_digest"
)
