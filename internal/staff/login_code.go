package staff

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/mails"
	"github.com/pocketbase/pocketbase/tools/routine"
	"github.com/pocketbase/pocketbase/tools/security"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The one-time-code step, built from PocketBase's own pieces the way its
// REST endpoints use them (apis/record_auth_with_password.go,
// record_auth_otp_request.go, record_auth_with_otp.go, record_helpers.go
// checkMFA): a core.MFA remembers that the password was right, a core.OTP
// holds the code (bcrypt-hashed by PocketBase), mails.SendRecordOTP sends
// it with the collection's own "OTP" e-mail template, and both expire
// after the collection's durations. Nothing here is our own crypto.

// CodePath is the page where the e-mailed code is typed.
const CodePath = LoginPath + "/code"

// codePage is the code template (internal/web/templates/desk_code.html).
const codePage = "desk_code"

// pendingCookie carries the pending sign-in between the pages: the ids of
// the OTP and the MFA (useless without the code, as PocketBase's API hands
// them to any client), the e-mail and next. HttpOnly, SameSite=Strict,
// only sent to /moderate/login.
const pendingCookie = "kk_staff_code"

// codeTries is how many wrong codes one e-mailed code survives, PocketBase's
// own number (5 tries per code per address in 3 minutes in
// record_auth_with_otp.go); here per code from any address, after which the
// code is deleted and the person asks for a new one.
const codeTries = 5

// maxRecentCodes: as PocketBase's OTP request, an account with this many
// unexpired codes gets the newest again instead of another e-mail.
const maxRecentCodes = 10

type pending struct {
	OTP, MFA, Email, Next string
}

func (p pending) encode() string {
	return url.Values{"otp": {p.OTP}, "mfa": {p.MFA}, "email": {p.Email}, "next": {p.Next}}.Encode()
}

func readPending(e *core.RequestEvent) (pending, bool) {
	c, err := e.Request.Cookie(pendingCookie)
	if err != nil {
		return pending{}, false
	}
	v, err := url.ParseQuery(c.Value)
	if err != nil || v.Get("otp") == "" {
		return pending{}, false
	}
	return pending{OTP: v.Get("otp"), MFA: v.Get("mfa"), Email: v.Get("email"), Next: LocalPath(v.Get("next"))}, true
}

func setPending(e *core.RequestEvent, p pending, maxAge time.Duration) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: pendingCookie, Value: p.encode(), Path: LoginPath, MaxAge: int(maxAge / time.Second),
		HttpOnly: true, Secure: isHTTPS(e), SameSite: http.SameSiteStrictMode,
	})
}

func clearPending(e *core.RequestEvent) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: pendingCookie, Value: "", Path: LoginPath, MaxAge: -1,
		HttpOnly: true, Secure: isHTTPS(e), SameSite: http.SameSiteStrictMode,
	})
}

// codeForm is the code page's state.
type codeForm struct {
	Email   string
	Minutes int       // how long a code works
	Notice  i18n.Text // e.g. "a new code is on its way"
	Errors  forms.Errors
}

// wantsMFA reports whether the account must pass a second step: its
// collection has MFA on and the account matches the MFA rule (empty = all),
// as PocketBase's wantsMFA decides it (true on an error, the safer side).
func wantsMFA(e *core.RequestEvent, rec *core.Record) (bool, error) {
	c := rec.Collection()
	if !c.MFA.Enabled {
		return false, nil
	}
	if c.MFA.Rule == "" {
		return true, nil
	}
	info, err := e.RequestInfo()
	if err != nil {
		return true, err
	}
	guest := *info
	guest.Auth = nil // the rule is about the account, before it is signed in
	ok, err := e.App.CanAccessRecord(rec, &guest, &c.MFA.Rule)
	if err != nil {
		return true, nil
	}
	return ok, nil
}

// startMFA: the password was right and the account needs a second step.
// As PocketBase's checkMFA does on a first auth: a core.MFA with method
// "password"; then a code by e-mail and the code page.
func (h *handler) startMFA(e *core.RequestEvent, f *loginForm, rec *core.Record) error {
	c := rec.Collection()
	switch {
	case !c.OTP.Enabled:
		f.Errors["password"] = i18n.M("staff.err.mfa_unavailable")
		return h.views.Render(e, http.StatusForbidden, loginPage, f)
	case !e.App.Settings().SMTP.Enabled:
		f.Errors["password"] = i18n.M("staff.err.no_smtp")
		return h.views.Render(e, http.StatusServiceUnavailable, loginPage, f)
	}
	mfa := core.NewMFA(e.App)
	mfa.SetCollectionRef(c.Id)
	mfa.SetRecordRef(rec.Id)
	mfa.SetMethod(core.MFAMethodPassword)
	if err := e.App.Save(mfa); err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	otpID, err := issueCode(e.App, rec)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	setPending(e, pending{OTP: otpID, MFA: mfa.Id, Email: rec.Email(), Next: f.Next}, c.MFA.DurationTime())
	return e.Redirect(http.StatusSeeOther, CodePath)
}

// requestCode handles the e-mail-only form (code-only sign-in), as
// PocketBase's OTP request does: a code for an account that exists, and
// for one that doesn't the same page with an id that matches nothing, so
// the page tells a stranger nothing.
func (h *handler) requestCode(e *core.RequestEvent, f *loginForm) error {
	if f.Email == "" {
		f.Errors["email"] = i18n.M("staff.err.email_empty")
		return h.views.Render(e, http.StatusUnprocessableEntity, loginPage, f)
	}
	if !e.App.Settings().SMTP.Enabled {
		f.Errors["email"] = i18n.M("staff.err.no_smtp")
		return h.views.Render(e, http.StatusServiceUnavailable, loginPage, f)
	}
	otpID := core.GenerateDefaultRandomId()
	rec := codeAccount(e.App, f.Email)
	if rec != nil {
		id, err := issueCode(e.App, rec)
		if err != nil {
			return h.views.Error(e, http.StatusInternalServerError, "", err)
		}
		otpID = id
	}
	moderators, err := e.App.FindCachedCollectionByNameOrId(s.Moderators)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	setPending(e, pending{OTP: otpID, Email: f.Email, Next: f.Next}, moderators.MFA.DurationTime())
	return e.Redirect(http.StatusSeeOther, CodePath)
}

// codeAccount finds the account a code-only sign-in is for: a moderator,
// else a superuser whose collection has one-time codes on.
func codeAccount(app core.App, email string) *core.Record {
	for _, col := range []string{s.Moderators, core.CollectionNameSuperusers} {
		if rec, err := app.FindAuthRecordByEmail(col, email); err == nil && rec.Collection().OTP.Enabled {
			return rec
		}
	}
	return nil
}

// issueCode makes a one-time code for rec and e-mails it, as PocketBase's
// OTP request does: digits of the collection's length, stored hashed in
// _otps, sent in the background with the collection's template (a failed
// send deletes the code); an account with maxRecentCodes unexpired codes
// gets the newest again and no new e-mail.
func issueCode(app core.App, rec *core.Record) (string, error) {
	c := rec.Collection()
	otps, err := app.FindAllOTPsByRecord(rec)
	if err != nil {
		return "", err
	}
	recent := 0
	for _, o := range otps {
		if !o.HasExpired(c.OTP.DurationTime()) {
			recent++
		}
	}
	if recent >= maxRecentCodes {
		app.Logger().Warn("desk: too many one-time codes asked for; reusing the last", "recordId", rec.Id)
		return otps[0].Id, nil // newest first
	}
	code := security.RandomStringWithAlphabet(c.OTP.Length, "1234567890")
	otp := core.NewOTP(app)
	otp.SetCollectionRef(c.Id)
	otp.SetRecordRef(rec.Id)
	otp.SetPassword(code)
	if err := app.Save(otp); err != nil {
		return "", err
	}
	routine.FireAndForget(func() {
		if err := mails.SendRecordOTP(app, rec, otp.Id, code); err != nil {
			app.Logger().Error("desk: one-time code not sent", "error", errors.Join(err, app.Delete(otp)))
		}
	})
	return otp.Id, nil
}

// tries counts wrong codes per OTP id (in memory: a restart gives a code
// at most codeTries more, and it expires in minutes anyway).
type tries struct {
	mu sync.Mutex
	n  map[string]*try
}

type try struct {
	n     int
	first time.Time
}

// triesKeep is how long a code's count is kept: longer than any code lives
// (PocketBase's OTP duration is at most an hour).
const triesKeep = 2 * time.Hour

const triesKey = "kkStaffCodeTries"

func triesOf(app core.App) *tries {
	return app.Store().GetOrSet(triesKey, func() any { return &tries{n: map[string]*try{}} }).(*tries)
}

func (t *tries) add(id string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	if len(t.n) > 1000 { // codes that ended long ago
		for k, c := range t.n {
			if now.Sub(c.first) > triesKeep {
				delete(t.n, k)
			}
		}
	}
	c := t.n[id]
	if c == nil {
		c = &try{first: now}
		t.n[id] = c
	}
	c.n++
	return c.n
}

func (t *tries) forget(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.n, id)
}

// showCode renders GET /moderate/login/code.
func (h *handler) showCode(e *core.RequestEvent) error {
	p, ok := readPending(e)
	if !ok {
		return e.Redirect(http.StatusSeeOther, LoginPath)
	}
	f := &codeForm{Email: p.Email, Minutes: codeMinutes(e.App, p), Errors: forms.Errors{}}
	if e.Request.URL.Query().Get("m") == "sent" {
		f.Notice = i18n.M("staff.code.resent")
	}
	return h.views.Render(e, http.StatusOK, codePage, f)
}

// codeMinutes is how long the code works, from its collection's settings.
func codeMinutes(app core.App, p pending) int {
	d := 180 * time.Second
	if otp, err := app.FindOTPById(p.OTP); err == nil {
		if c, err := app.FindCachedCollectionByNameOrId(otp.CollectionRef()); err == nil {
			d = c.OTP.DurationTime()
		}
	} else if c, err := app.FindCachedCollectionByNameOrId(s.Moderators); err == nil {
		d = c.OTP.DurationTime()
	}
	return max(1, int((d+time.Minute-1)/time.Minute))
}

// verifyCode handles POST /moderate/login/code: the checks of PocketBase's
// auth-with-OTP (the code exists, is for a staff collection, has not
// expired, matches) and of checkMFA on a second auth (the pending MFA
// exists, has not expired, is the same account, was another method), then
// the session cookie. A wrong code keeps the page with the message at the
// field and counts against the code (codeTries) and the address
// (failures.go).
func (h *handler) verifyCode(e *core.RequestEvent) error {
	p, ok := readPending(e)
	if !ok {
		return e.Redirect(http.StatusSeeOther, LoginPath)
	}
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "staff.err.cant_read", err)
	}
	f := &codeForm{Email: p.Email, Minutes: codeMinutes(e.App, p), Errors: forms.Errors{}}
	refuse := func(status int, key string) error {
		f.Errors["code"] = i18n.M(key)
		return h.views.Render(e, status, codePage, f)
	}
	done, ok := reserve(e)
	if !ok {
		f.Notice = i18n.M("staff.err.too_many")
		return h.views.Render(e, http.StatusTooManyRequests, codePage, f)
	}
	wrong := false
	defer func() { done(wrong) }()
	code := strings.Join(strings.Fields(form.Get("code")), "") // "123 456" as some mail apps show it
	if code == "" {
		return refuse(http.StatusUnprocessableEntity, "staff.err.code_empty")
	}

	otp, err := e.App.FindOTPById(p.OTP)
	if err != nil {
		wrong = true // an id that matches nothing: a code-only sign-in for an unknown e-mail looks the same
		return refuse(http.StatusUnauthorized, "staff.err.code_wrong")
	}
	col, err := e.App.FindCachedCollectionByNameOrId(otp.CollectionRef())
	if err != nil || (col.Name != s.Moderators && col.Name != core.CollectionNameSuperusers) {
		wrong = true
		return refuse(http.StatusUnauthorized, "staff.err.code_wrong")
	}
	if otp.HasExpired(col.OTP.DurationTime()) {
		return refuse(http.StatusGone, "staff.err.code_expired")
	}
	rec, err := e.App.FindRecordById(col, otp.RecordRef())
	if err != nil {
		return refuse(http.StatusUnauthorized, "staff.err.code_wrong")
	}
	// the try is counted before the code is checked, so parallel guesses
	// can't all pass "fewer than codeTries so far"; a code used up stays
	// counted (never forgotten) until its entry ages out
	t := triesOf(e.App)
	n := t.add(otp.Id)
	if n > codeTries {
		return refuse(http.StatusTooManyRequests, "staff.err.code_too_many")
	}
	if !otp.ValidatePassword(code) {
		wrong = true
		if n >= codeTries {
			_ = e.App.Delete(otp)
			return refuse(http.StatusTooManyRequests, "staff.err.code_too_many")
		}
		return refuse(http.StatusUnauthorized, "staff.err.code_wrong")
	}

	// the second step of MFA, or the only step of a code-only sign-in
	mfaWanted, err := wantsMFA(e, rec)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	if mfaWanted {
		if msg := h.finishMFA(e, p, rec); msg != "" {
			return refuse(http.StatusUnauthorized, msg)
		}
	}
	t.forget(otp.Id)
	if err := e.App.Delete(otp); err != nil {
		e.App.Logger().Error("desk: used one-time code not deleted", "error", err, "otpId", otp.Id)
	}
	markVerified(e.App, rec, otp)
	clearPending(e)
	lf := &loginForm{Email: p.Email, Next: p.Next, CodeOnly: p.MFA == "", Errors: forms.Errors{}}
	return h.signIn(e, lf, rec)
}

// finishMFA checks the pending MFA as PocketBase's checkMFA does on a
// second auth, and deletes it; it returns a message key if it fails.
func (h *handler) finishMFA(e *core.RequestEvent, p pending, rec *core.Record) string {
	if p.MFA == "" {
		if rec.Collection().PasswordAuth.Enabled {
			return "staff.err.mfa_expired" // a code without the password step: start again
		}
		// a code-only sign-in for an account that also needs another
		// method (e.g. OAuth2): this page offers no second one
		return "staff.err.mfa_unavailable"
	}
	mfa, err := e.App.FindMFAById(p.MFA)
	if err != nil {
		return "staff.err.mfa_expired"
	}
	defer func() {
		if err := e.App.Delete(mfa); err != nil {
			e.App.Logger().Warn("desk: MFA not deleted", "error", err, "mfaId", mfa.Id)
		}
	}()
	switch {
	case mfa.HasExpired(rec.Collection().MFA.DurationTime()):
		return "staff.err.mfa_expired"
	case mfa.RecordRef() != rec.Id || mfa.CollectionRef() != rec.Collection().Id, mfa.Method() == core.MFAMethodOTP:
		return "staff.err.mfa_expired"
	}
	return ""
}

// markVerified: as PocketBase's auth-with-OTP, a code that reached the
// account's own address proves the address (and, used on its own, resets
// the password so nobody who set it before the owner keeps it).
func markVerified(app core.App, rec *core.Record, otp *core.OTP) {
	if rec.Verified() || otp.SentTo() == "" || otp.SentTo() != rec.Email() {
		return
	}
	rec.SetVerified(true)
	if !rec.Collection().MFA.Enabled {
		rec.SetRandomPassword()
	}
	if err := app.Save(rec); err != nil {
		app.Logger().Error("desk: verified state not saved after a one-time code", "error", err, "recordId", rec.Id)
	}
}

// resendCode handles POST /moderate/login/code/new: another code to the
// same account (the MFA's, or the e-mail's for a code-only sign-in).
func (h *handler) resendCode(e *core.RequestEvent) error {
	p, ok := readPending(e)
	if !ok {
		return e.Redirect(http.StatusSeeOther, LoginPath)
	}
	done, ok := reserve(e)
	if !ok {
		f := &codeForm{Email: p.Email, Minutes: codeMinutes(e.App, p), Notice: i18n.M("staff.err.too_many"), Errors: forms.Errors{}}
		return h.views.Render(e, http.StatusTooManyRequests, codePage, f)
	}
	defer done(false)
	var rec *core.Record
	if p.MFA != "" {
		mfa, err := e.App.FindMFAById(p.MFA)
		if err != nil || mfa.HasExpired(mfaDuration(e.App, mfa)) {
			clearPending(e)
			lf := &loginForm{Email: p.Email, Next: p.Next, Notice: i18n.M("staff.err.mfa_expired"), Errors: forms.Errors{}}
			return h.views.Render(e, http.StatusGone, loginPage, lf)
		}
		rec, _ = e.App.FindRecordById(mfa.CollectionRef(), mfa.RecordRef())
	} else if codeOnly(e.App) {
		rec = codeAccount(e.App, p.Email) // a hand-made pending cookie gets no code unless code-only sign-in is on
	}
	if rec != nil {
		id, err := issueCode(e.App, rec)
		if err != nil {
			return h.views.Error(e, http.StatusInternalServerError, "", err)
		}
		p.OTP = id
	} else {
		p.OTP = core.GenerateDefaultRandomId()
	}
	moderators, err := e.App.FindCachedCollectionByNameOrId(s.Moderators)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	setPending(e, p, moderators.MFA.DurationTime())
	return e.Redirect(http.StatusSeeOther, CodePath+"?m=sent")
}

func mfaDuration(app core.App, mfa *core.MFA) time.Duration {
	if c, err := app.FindCachedCollectionByNameOrId(mfa.CollectionRef()); err == nil {
		return c.MFA.DurationTime()
	}
	return 0
}
