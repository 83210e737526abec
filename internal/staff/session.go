package staff

import (
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// loadSession sets e.Auth from the session cookie on HTML pages. A bad or
// expired token is dropped (the cookie is cleared) and the request goes on
// as a guest: the page's guard then sends the person to sign in.
func loadSession(e *core.RequestEvent) error {
	if e.Auth != nil || !web.IsHTMLPath(e.Request.URL.Path) {
		return e.Next()
	}
	c, err := e.Request.Cookie(CookieName)
	if err != nil || c.Value == "" {
		return e.Next()
	}
	rec, err := e.App.FindAuthRecordByToken(c.Value, core.TokenTypeAuth)
	if err != nil || !isStaffCollection(rec) {
		clearCookie(e)
		return e.Next()
	}
	e.Auth = rec
	return e.Next()
}

// isStaffCollection: a moderators account without roles yet is still
// signed in (it sees "no role" rather than the sign-in page again).
func isStaffCollection(rec *core.Record) bool {
	return rec != nil && (rec.IsSuperuser() || rec.Collection().Name == s.Moderators)
}

// setCookie starts a session for rec: its PocketBase auth token, valid as
// long as the collection says tokens are.
func setCookie(e *core.RequestEvent, rec *core.Record) error {
	token, err := rec.NewAuthToken()
	if err != nil {
		return err
	}
	maxAge := int(rec.Collection().AuthToken.Duration)
	http.SetCookie(e.Response, &http.Cookie{
		Name:     CookieName,
		Value:    token,
		Path:     "/",
		MaxAge:   maxAge,
		Expires:  time.Now().Add(time.Duration(maxAge) * time.Second),
		HttpOnly: true,
		Secure:   isHTTPS(e),
		SameSite: http.SameSiteStrictMode,
	})
	return nil
}

func clearCookie(e *core.RequestEvent) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: isHTTPS(e), SameSite: http.SameSiteStrictMode,
	})
}

// isHTTPS reports whether the browser reached us over HTTPS: directly, or
// through the hospital's reverse proxy when the admin has told PocketBase
// to trust proxy headers (Settings > Application > User IP proxy headers).
// Without that setting a client could send X-Forwarded-Proto itself, so it
// is ignored.
func isHTTPS(e *core.RequestEvent) bool {
	if e.Request.TLS != nil {
		return true
	}
	if len(e.App.Settings().TrustedProxy.Headers) == 0 {
		return false
	}
	if p := e.Request.Header.Get("X-Forwarded-Proto"); p != "" {
		return strings.EqualFold(strings.TrimSpace(strings.Split(p, ",")[0]), "https")
	}
	// RFC 7239: Forwarded: for=…;proto=https
	for _, part := range strings.Split(strings.Split(e.Request.Header.Get("Forwarded"), ",")[0], ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(part), "="); ok && strings.EqualFold(k, "proto") {
			return strings.EqualFold(strings.Trim(v, `"`), "https")
		}
	}
	return false
}
