// Package staff is the sign-in for the product's own staff pages (the
// moderation desk at /moderate, the organisers' pages at /organise):
// a `moderators` account or a superuser signs in with e-mail and password at
// /moderate/login and gets a session cookie. When an admin turns on MFA for
// the collection (PocketBase's own option in /_/), a one-time code by
// e-mail follows the password (login_code.go); with passwords off and
// one-time codes on, the code alone signs in.
//
// The session is PocketBase's own auth token (record.NewAuthToken()) in an
// HttpOnly, SameSite=Strict cookie, so PocketBase decides how long it lives
// (the collection's auth token duration) and a password change or signing
// out (a new tokenKey, ADR 0300) ends it. The cookie is read on the
// HTML site only, never on /api/ or /_/: the REST API keeps its bearer
// tokens, and a cookie can never make a cross-site API call count as
// signed in.
//
// To use it on a page:
//
//	se.Router.GET("/organise", h.list).Bind(staff.Require(s.RoleOrganise))
//
// and inside the handler e.Auth is the signed-in account ([Has] tells the
// roles, [Name] how to greet them). [Register] must have run (internal/site
// calls it).
package staff

import (
	"net/url"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// CookieName is the session cookie.
const CookieName = "kk_staff"

// URLs of the sign-in pages.
const (
	LoginPath  = "/moderate/login"
	LogoutPath = "/moderate/logout"
)

// viewsKey is where Register leaves the views for [Require]'s 403 page.
const viewsKey = "kkStaffViews"

type handler struct{ views *web.Views }

// Register binds the sign-in routes and the middleware that loads e.Auth
// from the session cookie on every HTML page.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.Store().Set(viewsKey, views)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id:   "kkStaffSession",
			Func: loadSession,
			// right after PocketBase's own token loader and before its
			// superuser IP allow-list, so a superuser's cookie meets the
			// same allow-list as their bearer token
			Priority: apis.DefaultLoadAuthTokenMiddlewarePriority + 1,
		})
		se.Router.GET(LoginPath, h.showLogin)
		se.Router.POST(LoginPath, h.login).Bind(apis.BodyLimit(loginBodyLimit))
		se.Router.GET(CodePath, h.showCode)
		se.Router.POST(CodePath, h.verifyCode).Bind(apis.BodyLimit(loginBodyLimit))
		se.Router.POST(CodePath+"/new", h.resendCode).Bind(apis.BodyLimit(loginBodyLimit))
		se.Router.POST(LogoutPath, h.logout)
		return se.Next()
	})
}

// Has reports whether an account may act in a role: a superuser may do
// everything; a `moderators` account needs the role in its `roles`.
func Has(auth *core.Record, role string) bool {
	if auth == nil {
		return false
	}
	if auth.IsSuperuser() {
		return true
	}
	return auth.Collection().Name == s.Moderators && slices.Contains(auth.GetStringSlice(s.ModeratorRoles), role)
}

// Name is how the pages greet an account: its name, else its e-mail.
func Name(auth *core.Record) string {
	if auth == nil {
		return ""
	}
	if n := auth.GetString(s.ModeratorName); n != "" && !auth.IsSuperuser() {
		return n
	}
	return auth.Email()
}

// LoginURL is the sign-in page that returns to next afterwards (only a
// local path; anything else returns to the account's home page).
func LoginURL(next string) string {
	if next = LocalPath(next); next == "" {
		return LoginPath
	}
	return LoginPath + "?next=" + url.QueryEscape(next)
}

// LocalPath returns p if it is a path on this site ("/moderate?x=1"),
// else "". It is what keeps `next` from being an open redirect:
// "//evil.example", "/\evil.example", "https://…" and control characters
// are all refused.
func LocalPath(p string) string {
	if p == "" || p[0] != '/' || len(p) > 2000 {
		return ""
	}
	if len(p) > 1 && (p[1] == '/' || p[1] == '\\') {
		return ""
	}
	if strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return ""
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return p
}

// Home is where an account lands after sign-in when no `next` was given.
func Home(auth *core.Record) string {
	switch {
	case Has(auth, s.RoleModerate):
		return "/moderate"
	case Has(auth, s.RoleOrganise):
		return "/organise"
	}
	return "/"
}
