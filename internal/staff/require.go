package staff

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Require guards a route for a role (schema.RoleModerate or RoleOrganise):
// a guest is sent to sign in (303) and comes back to the page afterwards;
// a signed-in account without the role gets a 403 page that says so and
// offers to sign in as someone else. Superusers pass every guard.
//
// A form post from a guest (an expired session) returns to the section's
// page, e.g. /moderate, since the post itself cannot be replayed.
func Require(role string) *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: "kkStaffRequire" + role,
		Func: func(e *core.RequestEvent) error {
			if Has(e.Auth, role) {
				return e.Next()
			}
			if e.Auth == nil || !isStaffCollection(e.Auth) {
				next := e.Request.URL.RequestURI()
				if e.Request.Method != http.MethodGet && e.Request.Method != http.MethodHead {
					next = section(e.Request.URL.Path)
				}
				return e.Redirect(http.StatusSeeOther, LoginURL(next))
			}
			return forbidden(e, role)
		},
	}
}

// section is the first segment of a path: "/moderate/notes/x/approve" → "/moderate".
func section(p string) string {
	for i := 1; i < len(p); i++ {
		if p[i] == '/' {
			return p[:i]
		}
	}
	return p
}

// forbidden renders the sign-in page with a 403 for a signed-in account
// without the role: it says why, and lets the person sign in as someone
// else or sign out.
func forbidden(e *core.RequestEvent, role string) error {
	msg := i18n.M("staff.forbidden", "Name", Name(e.Auth), "Role", role)
	views, _ := e.App.Store().Get(viewsKey).(*web.Views)
	if views == nil {
		return e.ForbiddenError(msg.String(), nil)
	}
	next := ""
	if e.Request.Method == http.MethodGet {
		next = e.Request.URL.RequestURI()
	}
	f := &loginForm{Next: LocalPath(next), Notice: msg, SignedIn: Name(e.Auth), Errors: forms.Errors{}}
	if err := views.Render(e, http.StatusForbidden, loginPage, f); err != nil {
		return err
	}
	// the page is written; the error is for PocketBase's log only
	return router.NewForbiddenError(msg.String(), nil)
}
