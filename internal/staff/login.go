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
	Next     string    // a local path to return to, or ""
	Notice   i18n.Text // why the page is shown (e.g. a missing role, too many tries)
	SignedIn string    // who is signed in now, if anyone
	Out      bool      // just signed out
	CodeOnly bool      // the hospital signs staff in with a one-time code alone (no password)
	Errors   forms.Errors
}

// showLogin renders GET /moderate/login.
func (h *handler) showLogin(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	f := &loginForm{Next: LocalPath(q.Get("next")), Out: q.Get("out") == "1", CodeOnly: codeOnly(e.App), Errors: forms.Errors{}}
	if e.Auth != nil {
		f.SignedIn = Name(e.Auth)
	}
	return h.views.Render(e, http.StatusOK, loginPage, f)
}

// login handles POST /moderate/login: check e-mail and password against
// `moderators`, then `_superusers`. Then, as PocketBase's
// auth-with-password does: an account whose collection wants MFA gets a
// pending MFA and a one-time code by e-mail (the code page, login_code.go);
// any other gets the session cookie and a 303 to `next`. Where the hospital
// turned password sign-in off and one-time codes on, the page asks for the
// e-mail only and sends a code. A wrong password re-renders the form with
// the e-mail kept and the message next to the password; it counts as a
// failed sign-in for the address (failures.go).
func (h *handler) login(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "staff.err.cant_read", err)
	}
	f := &loginForm{
		Email:    strings.TrimSpace(forms.Clean(form.Get("email"), false)),
		Next:     LocalPath(form.Get("next")),
		CodeOnly: codeOnly(e.App),
		Errors:   forms.Errors{},
	}
	done, ok := reserve(e)
	if !ok {
		f.Notice = i18n.M("staff.err.too_many")
		return h.views.Render(e, http.StatusTooManyRequests, loginPage, f)
	}
	wrong := false
	defer func() { done(wrong) }()
	if f.CodeOnly {
		return h.requestCode(e, f)
	}
	password := form.Get("password")
	if f.Email == "" {
		f.Errors["email"] = i18n.M("staff.err.email_empty")
	}
	if password == "" {
		f.Errors["password"] = i18n.M("staff.err.password_empty")
	}
	if len(f.Errors) > 0 {
		return h.views.Render(e, http.StatusUnprocessableEntity, loginPage, f)
	}

	rec, msg := authenticate(e.App, f.Email, password)
	if rec == nil {
		wrong = true
		f.Errors["password"] = msg
		return h.views.Render(e, http.StatusUnauthorized, loginPage, f)
	}
	mfa, err := wantsMFA(e, rec)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	if mfa {
		return h.startMFA(e, f, rec)
	}
	return h.signIn(e, f, rec)
}

// signIn ends a sign-in that passed every step: the same checks
// PocketBase's auth response makes (the collection's auth rule, the
// superuser IP allow-list), then the session cookie and a 303 to next.
func (h *handler) signIn(e *core.RequestEvent, f *loginForm, rec *core.Record) error {
	if msg := mayAuthenticate(e, rec); msg != nil {
		f.Errors["password"] = msg
		if f.CodeOnly {
			f.Errors = forms.Errors{"email": msg}
		}
		return h.views.Render(e, http.StatusForbidden, loginPage, f)
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

// mayAuthenticate applies what PocketBase's RecordAuthResponse checks
// before it issues a token: the collection's auth rule (e.g. "verified =
// true") and, for a superuser, Settings' superuser IP allow-list.
func mayAuthenticate(e *core.RequestEvent, rec *core.Record) *i18n.Msg {
	if rec.IsSuperuser() {
		if ips := e.App.Settings().SuperuserIPs; len(ips) > 0 && !excluded(ips, e.RealIP()) {
			return i18n.M("staff.err.not_here")
		}
	}
	info, err := e.RequestInfo()
	if err != nil {
		return i18n.M("staff.err.not_now")
	}
	if ok, _ := e.App.CanAccessRecord(rec, info, rec.Collection().AuthRule); !ok {
		return i18n.M("staff.err.not_now")
	}
	return nil
}

// dummyHash keeps an unknown e-mail as slow as a wrong password (bcrypt),
// so timing doesn't tell which addresses have accounts either.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("kindness-kiosk"), bcrypt.DefaultCost)

// authenticate finds a staff account by e-mail and checks its password.
// The message for an unknown e-mail and a wrong password is the same, so
// the page does not tell a stranger which addresses have accounts.
func authenticate(app core.App, email, password string) (*core.Record, *i18n.Msg) {
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
		if !rec.Collection().PasswordAuth.Enabled {
			return nil, i18n.M("staff.err.password_off")
		}
		return rec, nil
	}
	if !found {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
	}
	return nil, i18n.M("staff.err.wrong_password")
}

// codeOnly: the hospital turned password sign-in off for `moderators`
// and one-time codes on, so the page asks for the e-mail alone.
func codeOnly(app core.App) bool {
	c, err := app.FindCachedCollectionByNameOrId(s.Moderators)
	return err == nil && !c.PasswordAuth.Enabled && c.OTP.Enabled
}

// logout handles POST /moderate/logout: the session ends for real. The
// account's tokenKey is renewed, so this token (and every other one the
// account holds: another browser, a REST client) stops working at once,
// even if the cookie was copied; then the cookie goes and the person
// lands on the sign-in page (ADR 0300).
func (h *handler) logout(e *core.RequestEvent) error {
	if rec := e.Auth; rec != nil && isStaffCollection(rec) {
		rec.RefreshTokenKey()
		if err := e.App.Save(rec); err != nil {
			return h.views.Error(e, http.StatusInternalServerError, "", err)
		}
	}
	clearCookie(e)
	return e.Redirect(http.StatusSeeOther, LoginPath+"?out=1")
}
