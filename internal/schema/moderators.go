package schema

// Staff accounts: moderators and organisers sign in with a `moderators`
// auth record (e-mail + password); superusers stay in `_superusers`.
const (
	Moderators     = "moderators"
	ModeratorName  = "name"
	ModeratorRoles = "roles"
)

// Roles a `moderators` account can hold (multi-select).
const (
	RoleModerate = "moderate" // lists and decides notes and stories, posts announcements
	RoleOrganise = "organise" // runs events and reads their sign-ups
)
