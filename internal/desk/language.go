package desk

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// rememberLanguage keeps the language a moderator reads the desk in
// (moderators.language), so their digest e-mail can be in it: an e-mail
// has no request to take a language from (ADR 0310). It writes only when
// the language changed, straight to the column: no record hooks, and the
// auth token stays valid.
func rememberLanguage(e *core.RequestEvent, lang i18n.Lang) {
	if e.Auth == nil || e.Auth.Collection().Name != s.Moderators || e.Auth.GetString(s.ModeratorLanguage) == string(lang) {
		return
	}
	if _, err := e.App.NonconcurrentDB().Update(s.Moderators, dbx.Params{s.ModeratorLanguage: string(lang)},
		dbx.HashExp{"id": e.Auth.Id}).Execute(); err != nil {
		e.App.Logger().Warn("desk: remember the moderator's language", "error", err)
	}
}

// staffLang is the language of a moderator's e-mails: the one they last
// used the desk in, else English.
func staffLang(rec *core.Record) i18n.Lang {
	if l, ok := i18n.Parse(rec.GetString(s.ModeratorLanguage)); ok {
		return l
	}
	return i18n.English
}
