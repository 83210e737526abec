package staff

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// loginPage is the sign-in template (internal/web/templates/desk_login.html).
const loginPage = "desk_login"

// loginBodyLimit: an e-mail, a password and a path need far less.
const loginBodyLimit = 16 << 10

// loginForm is the sign-in page's state.
type loginForm struct {
	Email    string
	Next     string // a local path to return to, or ""
	Notice   string // why the page is shown (e.g. a missing role)
	SignedIn string // who is signed in now, if anyone
	Out      bool   // just signed out
	Errors   forms.Errors
}

// showLogin renders GET /moderate/login.
func (h *handler) showLogin(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	f := &loginForm{Next: LocalPath(q.Get("next")), Out: q.Get("out") == "1", Errors: forms.Errors{}}
	if e.Auth != nil {
		f.SignedIn = Name(e.Auth)
	}
	return h.views.Render(e, http.StatusOK, loginPage, f)
}

// login handles POST /moderate/login: check e-mail and password against
// `moderators`, then `_superusers`; on success set the session cookie and
// 303 to `next`. A wrong password re-renders the form with the e-mail kept
// and the message next to the password.
func (h *handler) login(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "We couldn't read that form. Please open the page again.", err)
	}
	f := &loginForm{
		Email:  strings.TrimSpace(forms.Clean(form.Get("email"), false)),
		Next:   LocalPath(form.Get("next")),
		Errors: forms.Errors{},
	}
	password := form.Get("password")
	if f.Email == "" {
		f.Errors["email"] = i18n.Untranslated("Please fill in your e-mail.")
	}
	if password == "" {
		f.Errors["password"] = i18n.Untranslated("Please fill in your password.")
	}
	if len(f.Errors) > 0 {
		return h.views.Render(e, http.StatusUnprocessableEntity, loginPage, f)
	}

	rec, msg := authenticate(e.App, f.Email, password)
	if rec == nil {
		f.Errors["password"] = i18n.Untranslated(msg)
		return h.views.Render(e, http.StatusUnauthorized, loginPage, f)
	}
	if err := setCookie(e, rec); err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	next := f.Next
	if next == "" {
		next = Home(rec)
	}
	return e.Redirect(http.StatusSeeOther, next)
}

// wrongPassword is the same for an unknown e-mail and a wrong password, so
// the page does not tell a stranger which addresses have accounts.
const wrongPassword = "That e-mail and password don't match a staff account. Check both and try again."

// dummyHash keeps an unknown e-mail as slow as a wrong password (bcrypt),
// so timing doesn't tell which addresses have accounts either.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("kindness-kiosk"), bcrypt.DefaultCost)

// authenticate finds a staff account by e-mail and checks its password.
// Accounts whose collection requires MFA are refused here: the desk has no
// second step yet, and a password alone must not get around it.
func authenticate(app core.App, email, password string) (*core.Record, string) {
	found := false
	for _, col := range []string{s.Moderators, core.CollectionNameSuperusers} {
		rec, err := app.FindAuthRecordByEmail(col, email)
		if err != nil {
			continue
		}
		found = true
		if !rec.ValidatePassword(password) {
			continue // the same person may have both kinds of account
		}
		c := rec.Collection()
		if !c.PasswordAuth.Enabled {
			return nil, "Password sign-in is turned off for this account. Ask an admin."
		}
		if c.MFA.Enabled {
			return nil, "This account needs two-step sign-in, which this page does not offer yet. Ask an admin."
		}
		return rec, ""
	}
	if !found {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
	}
	return nil, wrongPassword
}

// logout handles POST /moderate/logout: the cookie goes, and the person
// lands on the sign-in page. (The token itself stays valid until it
// expires; it was only ever in this browser's HttpOnly cookie.)
func (h *handler) logout(e *core.RequestEvent) error {
	clearCookie(e)
	return e.Redirect(http.StatusSeeOther, LoginPath+"?out=1")
}
