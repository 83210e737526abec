package i18n

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/text/language"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// CookieName is the cookie the language switch sets.
const CookieName = "lang"

// matcher picks the closest supported language from Accept-Language:
// es-MX, es-419 and es-US are Spanish; anything it can't place is English.
var matcher = language.NewMatcher([]language.Tag{language.English, language.Spanish})

// Match returns the language an Accept-Language header asks for.
func Match(acceptLanguage string) Lang {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return English
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return English
	}
	return Langs[i]
}

// FromRequest is the language of a page: the switch's cookie when set,
// else the browser's Accept-Language.
func FromRequest(r *http.Request) Lang {
	if c, err := r.Cookie(CookieName); err == nil {
		if l, ok := Parse(c.Value); ok {
			return l
		}
	}
	return Match(r.Header.Get("Accept-Language"))
}

// SwitchURL is the address of the switch to l that comes back to next.
func SwitchURL(l Lang, next string) string {
	return "/lang/" + string(l) + "?next=" + url.QueryEscape(next)
}

// Register binds GET /lang/{lang}: the language switch. It is a plain link
// (no script, no form) that sets the cookie for a year and returns to the
// page it came from.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/lang/{lang}", switchLanguage)
		return se.Next()
	})
}

func switchLanguage(e *core.RequestEvent) error {
	l, ok := Parse(e.Request.PathValue("lang"))
	if !ok {
		l = English
	}
	http.SetCookie(e.Response, &http.Cookie{
		Name: CookieName, Value: string(l), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: e.Request.TLS != nil,
	})
	return e.Redirect(http.StatusSeeOther, LocalPath(e.Request.URL.Query().Get("next")))
}

// LocalPath returns next when it is a path on this site, else "/": the
// switch must not become an open redirect.
func LocalPath(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/"
	}
	return u.RequestURI()
}

// RoomLangs is what a room's language field (schema.RoomLanguage) asks its
// screen to speak, in order: "es" → Spanish; "en+es" → English and
// Spanish, alternating; anything else (empty, from before the field) →
// English.
func RoomLangs(value string) []Lang {
	switch value {
	case s.RoomLanguageES:
		return []Lang{Spanish}
	case s.RoomLanguageBoth:
		return []Lang{English, Spanish}
	}
	return []Lang{English}
}
