package staff_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// Fixed ids of a pending sign-in made by withPending, so a scenario's
// Cookie header can name them.
const (
	pendingOTP  = "otp000000000001"
	pendingMFA  = "mfa000000000001"
	pendingCode = "31415926"
)

// mfaOn is what an admin does in /_/ (Collections > moderators > Options):
// MFA and one-time codes on; and SMTP set (Settings > Mail settings).
func mfaOn(t testing.TB, app *tests.TestApp) {
	withAccounts(t, app)
	c, err := app.FindCollectionByNameOrId(s.Moderators)
	if err != nil {
		t.Fatal(err)
	}
	c.MFA.Enabled = true
	c.OTP.Enabled = true
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	smtpOn(t, app)
}

func smtpOn(t testing.TB, app *tests.TestApp) {
	settings := app.Settings()
	settings.SMTP.Enabled, settings.SMTP.Host, settings.SMTP.Port = true, "smtp.hospital.example", 587
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
}

// codeOnlyOn: passwords off, one-time codes on, MFA off.
func codeOnlyOn(t testing.TB, app *tests.TestApp) {
	withAccounts(t, app)
	c, err := app.FindCollectionByNameOrId(s.Moderators)
	if err != nil {
		t.Fatal(err)
	}
	c.PasswordAuth.Enabled = false
	c.OTP.Enabled = true
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	smtpOn(t, app)
}

// withPending: the moderator passed the password step (a pending MFA) and
// was sent pendingCode (an OTP); age moves both back in time.
func withPending(age time.Duration, mfa bool) func(testing.TB, *tests.TestApp) {
	return func(t testing.TB, app *tests.TestApp) {
		if mfa {
			mfaOn(t, app)
		} else {
			codeOnlyOn(t, app)
		}
		addPending(t, app, age, mfa)
	}
}

// addPending makes the pending OTP (and MFA) of withPending.
func addPending(t testing.TB, app *tests.TestApp, age time.Duration, mfa bool) {
	{
		rec, err := app.FindAuthRecordByEmail(s.Moderators, modEmail)
		if err != nil {
			t.Fatal(err)
		}
		otp := core.NewOTP(app)
		otp.Id = pendingOTP
		otp.SetCollectionRef(rec.Collection().Id)
		otp.SetRecordRef(rec.Id)
		otp.SetPassword(pendingCode)
		if err := app.Save(otp); err != nil {
			t.Fatal(err)
		}
		then, _ := types.ParseDateTime(time.Now().Add(-age))
		if _, err := app.DB().NewQuery("UPDATE _otps SET created = {:t} WHERE id = {:id}").Bind(map[string]any{"t": then.String(), "id": pendingOTP}).Execute(); err != nil {
			t.Fatal(err)
		}
		if !mfa {
			return
		}
		m := core.NewMFA(app)
		m.Id = pendingMFA
		m.SetCollectionRef(rec.Collection().Id)
		m.SetRecordRef(rec.Id)
		m.SetMethod(core.MFAMethodPassword)
		if err := app.Save(m); err != nil {
			t.Fatal(err)
		}
		if _, err := app.DB().NewQuery("UPDATE _mfas SET created = {:t} WHERE id = {:id}").Bind(map[string]any{"t": then.String(), "id": pendingMFA}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
}

// pendingCookie is the cookie the password step sets, as a browser sends it back.
func pendingCookie(mfa bool, next string) string {
	v := url.Values{"otp": {pendingOTP}, "email": {modEmail}, "next": {next}}
	if mfa {
		v.Set("mfa", pendingMFA)
	}
	return "kk_staff_code=" + v.Encode()
}

func codeHeaders(mfa bool, next string) map[string]string {
	return map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Cookie": pendingCookie(mfa, next)}
}

// waitMail waits for n mails (PocketBase sends one-time codes in the
// background), as long as the test's -timeout allows; only after a
// response that sends mail, so a refusal fails at once.
func waitMail(t testing.TB, app *tests.TestApp, res *http.Response, n int) []*mailer.Message {
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d: no mail to wait for", res.StatusCode)
	}
	deadline := time.Now().Add(testwait.Left(t))
	for app.TestMailer.TotalSend() < n && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := app.TestMailer.TotalSend(); got != n {
		t.Fatalf("%d mails, want %d", got, n)
	}
	return app.TestMailer.Messages()
}

var codeInMail = regexp.MustCompile(`\b\d{8}\b`)

func TestLoginMFA(t *testing.T) {
	form := kktest.FormHeaders
	scenarios := []tests.ApiScenario{
		{Name: "MFA on: the right password leads to the code page and an e-mail, no session yet",
			Method: http.MethodPost, URL: "/moderate/login", Headers: form, TestAppFactory: kktest.Factory(mfaOn),
			Body: kktest.Form("email", modEmail, "password", stafftest.Password, "next", "/moderate?x=1"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(false)(t, app, res)
				if loc := res.Header.Get("Location"); loc != staff.CodePath {
					t.Errorf("Location = %q", loc)
				}
				var pending string
				for _, c := range res.Header.Values("Set-Cookie") {
					if strings.HasPrefix(c, "kk_staff_code=") {
						pending = c
					}
				}
				for _, a := range []string{"HttpOnly", "SameSite=Strict", "Path=/moderate/login", "next=%2Fmoderate%3Fx%3D1"} {
					if !strings.Contains(pending, a) {
						t.Errorf("pending cookie lacks %s: %q", a, pending)
					}
				}
				mails := waitMail(t, app, res, 1)
				if to := mails[0].To[0].Address; to != modEmail || !codeInMail.MatchString(mails[0].HTML) {
					t.Errorf("mail to %s: %s", to, mails[0].HTML)
				}
				rec, _ := app.FindAuthRecordByEmail(s.Moderators, modEmail)
				if mfas, _ := app.FindAllMFAsByRecord(rec); len(mfas) != 1 || mfas[0].Method() != core.MFAMethodPassword {
					t.Errorf("pending MFA: %v", mfas)
				}
			}},
		{Name: "MFA on: a wrong password sends nothing", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			TestAppFactory: kktest.Factory(mfaOn), Body: kktest.Form("email", modEmail, "password", "nope"), ExpectedStatus: 401,
			ExpectedContent: []string{"don&#39;t match a staff account", `value="mod@hospital.example"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(false)(t, app, res)
				time.Sleep(100 * time.Millisecond)
				if n := app.TestMailer.TotalSend(); n != 0 {
					t.Errorf("%d mails", n)
				}
			}},
		{Name: "MFA on without SMTP: says why, at the field", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				mfaOn(t, app)
				settings := app.Settings()
				settings.SMTP.Enabled = false
				if err := app.Save(settings); err != nil {
					t.Fatal(err)
				}
			}),
			Body: kktest.Form("email", modEmail, "password", stafftest.Password), ExpectedStatus: 503,
			ExpectedContent: []string{`id="err-password"`, "e-mail isn&#39;t set up"}, AfterTestFunc: expectSession(false)},
		{Name: "the code page", Method: http.MethodGet, URL: staff.CodePath, Headers: codeHeaders(true, ""),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 200,
			ExpectedContent: []string{"Check your e-mail", "mod@hospital.example", `autocomplete="one-time-code"`, "3 minutes",
				`action="/moderate/login/code"`, `action="/moderate/login/code/new"`}},
		{Name: "the code page in Spanish", Method: http.MethodGet, URL: staff.CodePath,
			Headers:        map[string]string{"Cookie": pendingCookie(true, ""), "Accept-Language": "es-MX,es;q=0.9"},
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 200,
			ExpectedContent: []string{"Mira tu correo", "Sirve durante 3 minutos", "Enviar un código nuevo"}},
		{Name: "the code page without a pending sign-in: back to sign in", Method: http.MethodGet, URL: staff.CodePath,
			TestAppFactory: kktest.Factory(mfaOn), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != staff.LoginPath {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "the right code: the session, to next; code and MFA used up", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, "/moderate?x=1"), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(withPending(time.Minute, true)), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(true, "!Secure")(t, app, res)
				if loc := res.Header.Get("Location"); loc != "/moderate?x=1" {
					t.Errorf("Location = %q", loc)
				}
				if _, err := app.FindOTPById(pendingOTP); err == nil {
					t.Error("the code still works")
				}
				if _, err := app.FindMFAById(pendingMFA); err == nil {
					t.Error("the MFA is still pending")
				}
			}},
		{Name: "the right code with spaces (as some mail apps show it)", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, ""), Body: kktest.Form("code", " 3141 5926 "),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 303, AfterTestFunc: expectSession(true)},
		{Name: "a wrong code: message at the field, the e-mail kept, no session", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, ""), Body: kktest.Form("code", "00000000"),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 401,
			ExpectedContent:    []string{`id="err-code"`, "That code isn&#39;t right", `aria-describedby="err-code"`, "mod@hospital.example"},
			NotExpectedContent: []string{"00000000"}, AfterTestFunc: expectSession(false)},
		{Name: "an empty code", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, ""), Body: kktest.Form("code", ""),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 422,
			ExpectedContent: []string{`id="err-code"`, "Please type the code"}, AfterTestFunc: expectSession(false)},
		{Name: "an expired code (PocketBase's 3 minutes)", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, ""), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(withPending(4*time.Minute, true)), ExpectedStatus: 410,
			ExpectedContent: []string{`id="err-code"`, "This code has expired"}, AfterTestFunc: expectSession(false)},
		{Name: "an expired MFA (the code itself fresh)", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, ""), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				withPending(0, true)(t, app)
				then, _ := types.ParseDateTime(time.Now().Add(-11 * time.Minute)) // PocketBase's MFA lasts 10 minutes
				if _, err := app.DB().NewQuery("UPDATE _mfas SET created = {:t}").Bind(map[string]any{"t": then.String()}).Execute(); err != nil {
					t.Fatal(err)
				}
			}),
			ExpectedStatus: 401, ExpectedContent: []string{"took too long"}, AfterTestFunc: expectSession(false)},
		{Name: "a code without the password step is not enough when MFA is on", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(false, ""), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 401,
			ExpectedContent: []string{"start again with your password"}, AfterTestFunc: expectSession(false)},
		{Name: "next stays local", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(true, "//evil.example/x"), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/moderate" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "cross-origin code post refused", Method: http.MethodPost, URL: staff.CodePath,
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Cookie": pendingCookie(true, ""),
				"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body: kktest.Form("code", pendingCode), TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 403,
			ExpectedContent: []string{"only be sent from this site"}, AfterTestFunc: expectSession(false)},
		{Name: "send a new code: another e-mail, the page says so", Method: http.MethodPost, URL: staff.CodePath + "/new",
			Headers: codeHeaders(true, ""), TestAppFactory: kktest.Factory(withPending(0, true)), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != staff.CodePath+"?m=sent" {
					t.Errorf("Location = %q", loc)
				}
				waitMail(t, app, res, 1)
			}},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestLoginCodeOnly: a hospital that turns passwords off and one-time
// codes on signs staff in with the e-mail and a code.
func TestLoginCodeOnly(t *testing.T) {
	form := kktest.FormHeaders
	scenarios := []tests.ApiScenario{
		{Name: "the sign-in page asks for the e-mail only", Method: http.MethodGet, URL: "/moderate/login",
			TestAppFactory: kktest.Factory(codeOnlyOn), ExpectedStatus: 200,
			ExpectedContent: []string{"E-mail me a code", `name="email"`}, NotExpectedContent: []string{`type="password"`}},
		{Name: "a moderator's e-mail: a code is sent", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			TestAppFactory: kktest.Factory(codeOnlyOn), Body: kktest.Form("email", modEmail), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(false)(t, app, res)
				if loc := res.Header.Get("Location"); loc != staff.CodePath {
					t.Errorf("Location = %q", loc)
				}
				waitMail(t, app, res, 1)
			}},
		{Name: "an unknown e-mail: the same answer, no mail", Method: http.MethodPost, URL: "/moderate/login", Headers: form,
			TestAppFactory: kktest.Factory(codeOnlyOn), Body: kktest.Form("email", "who@hospital.example"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != staff.CodePath {
					t.Errorf("Location = %q", loc)
				}
				time.Sleep(100 * time.Millisecond)
				if n := app.TestMailer.TotalSend(); n != 0 {
					t.Errorf("%d mails", n)
				}
			}},
		{Name: "the right code signs in", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(false, ""), Body: kktest.Form("code", pendingCode),
			TestAppFactory: kktest.Factory(withPending(0, false)), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectSession(true)(t, app, res)
				if loc := res.Header.Get("Location"); loc != "/moderate" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "a wrong code does not", Method: http.MethodPost, URL: staff.CodePath,
			Headers: codeHeaders(false, ""), Body: kktest.Form("code", "11111111"),
			TestAppFactory: kktest.Factory(withPending(0, false)), ExpectedStatus: 401,
			ExpectedContent: []string{"That code isn&#39;t right"}, AfterTestFunc: expectSession(false)},
	}
	for _, sc := range scenarios {
		sc.Test(t)
	}
}

// TestLoginCodeTries: a code survives five wrong tries (PocketBase's
// number), then it is deleted and even the right one fails.
func TestLoginCodeTries(t *testing.T) {
	app := kktest.NewApp(t)
	withPending(0, true)(t, app)
	h := kktest.Handler(t, app)
	post := func(addr, code string) int {
		req, _ := http.NewRequest(http.MethodPost, staff.CodePath, kktest.Form("code", code))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", pendingCookie(true, ""))
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 1; i <= 4; i++ {
		if code := post("10.0.0.1:1", "00000000"); code != http.StatusUnauthorized {
			t.Fatalf("wrong code %d: %d", i, code)
		}
	}
	// the fifth from another address still counts against the code
	if code := post("10.0.0.2:1", "00000000"); code != http.StatusTooManyRequests {
		t.Fatalf("fifth wrong code: %d, want 429", code)
	}
	if _, err := app.FindOTPById(pendingOTP); err == nil {
		t.Fatal("the code survived five wrong tries")
	}
	if code := post("10.0.0.3:1", pendingCode); code == http.StatusSeeOther {
		t.Fatal("the right code still signs in after five wrong ones")
	}
}
