package schema

// Sign-up fields added for e-mails in the reader's language (ADR 0310).
const (
	// SignupLanguage (signups, select en|es): the language of the page the
	// person signed up on; their e-mails go out in it. Empty: English.
	SignupLanguage = "language"
)

// Moderator fields added for e-mails in the reader's language (ADR 0310).
const (
	// ModeratorLanguage (moderators, select en|es): the language the
	// person last used the desk in; their digest goes out in it. Empty:
	// English.
	ModeratorLanguage = "language"
)
