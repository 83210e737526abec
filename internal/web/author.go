package web

import "github.com/kindness-coalition/kindness-kiosk/internal/i18n"

// Author is how an author appears in public: an empty name is "A
// colleague" (in the reader's language), never blank and never a hint at
// who wrote it. One rule for the start page, the screens, stories, cards,
// huddle sheets and e-mails.
func Author(name string) i18n.Text {
	if name == "" {
		return i18n.M("author.anonymous")
	}
	return i18n.Raw(name)
}
