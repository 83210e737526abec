// Package stafftest makes staff accounts and session cookies for tests of
// pages behind [staff.Require] (ApiScenario headers, browser tests).
package stafftest

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
)

// Password is every test account's password.
const Password = kktest.StaffPassword

// Account returns a `moderators` account with the given roles
// (schema.RoleModerate, schema.RoleOrganise; none is allowed), made by
// kktest.Staff (its name is its e-mail).
func Account(t testing.TB, app core.App, email string, roles ...string) *core.Record {
	t.Helper()
	return kktest.Staff(t, app, email, roles...)
}

// Cookie returns a Cookie header value that signs rec in, e.g.
// Headers: map[string]string{"Cookie": stafftest.Cookie(t, rec)}.
func Cookie(t testing.TB, rec *core.Record) string {
	t.Helper()
	token, err := rec.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return staff.CookieName + "=" + token
}

// Superuser returns the test app's superuser (kktest.SuperuserEmail).
func Superuser(t testing.TB, app core.App, email string) *core.Record {
	t.Helper()
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, email)
	if err != nil {
		t.Fatal(err)
	}
	return su
}

// SignedIn is an ApiScenario BeforeTestFunc: every request of the
// scenario carries the session cookie of the account with this e-mail
// (a `moderators` account, else a superuser), as a browser would send it.
// (The account is made by the scenario's app factory, so its token can't
// go into Headers beforehand.)
func SignedIn(email string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		rec, err := app.FindAuthRecordByEmail(s.Moderators, email)
		if err != nil {
			rec, err = app.FindAuthRecordByEmail(core.CollectionNameSuperusers, email)
		}
		if err != nil {
			t.Fatalf("no account %s: %v", email, err)
		}
		cookie := Cookie(t, rec)
		e.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id:       "stafftestCookie",
			Priority: -99999 - 1, // before every product middleware
			Func: func(re *core.RequestEvent) error {
				re.Request.Header.Add("Cookie", cookie)
				return re.Next()
			},
		})
	}
}
