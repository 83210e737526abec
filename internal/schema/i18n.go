package schema

// A room's screen language (issue 14): its screen (and poster) speak it;
// "en+es" alternates the two. Empty (rooms from before the field) is
// English.
const (
	RoomLanguage     = "language"
	RoomLanguageEN   = "en"
	RoomLanguageES   = "es"
	RoomLanguageBoth = "en+es"
)
