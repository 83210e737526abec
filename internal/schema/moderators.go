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

// API rules for staff roles. Use these, not `@request.auth.roles ?= "x"`:
// in PocketBase v0.40.4 `?=` on the caller's multi-select field matches
// nothing (checked: every role was refused); `:each ?=` means "any item
// equals" and works.
const (
	RuleModerate = `@request.auth.collectionName = "` + Moderators + `" && @request.auth.` + ModeratorRoles + `:each ?= "` + RoleModerate + `"`
	RuleOrganise = `@request.auth.collectionName = "` + Moderators + `" && @request.auth.` + ModeratorRoles + `:each ?= "` + RoleOrganise + `"`
)
