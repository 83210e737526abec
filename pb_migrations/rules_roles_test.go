package pb_migrations_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The people a rule is tested against.
const (
	anon  = "anonymous"
	mod   = "moderator"  // roles: moderate
	org   = "organiser"  // roles: organise
	both  = "both roles" // roles: moderate, organise
	super = "superuser"
)

var personas = []string{anon, mod, org, both, super}

// staffEmails are the `moderators` accounts of each persona; "other" is a
// colleague whose account nobody else may see.
var staffEmails = map[string]string{
	mod: "mod@hospital.example", org: "org@hospital.example", both: "both@hospital.example", "other": "other@hospital.example",
}

var staffRoles = map[string][]string{
	mod: {s.RoleModerate}, org: {s.RoleOrganise}, both: {s.RoleModerate, s.RoleOrganise}, "other": {s.RoleModerate},
}

func seedRoles(t testing.TB, app *tests.TestApp) {
	seed(t, app)
	for p, email := range staffEmails {
		kktest.Staff(t, app, email, staffRoles[p]...)
	}
}

// token is the Authorization header of a persona ("" = anonymous).
func token(t testing.TB, app core.App, persona string) string {
	switch persona {
	case anon:
		return ""
	case super:
		return kktest.SuperuserToken(t, app)
	}
	return kktest.StaffToken(t, app, staffEmails[persona], staffRoles[persona]...)
}

// want is what one persona gets: a status, and text that must and must
// not be in the answer.
type want struct {
	status int
	has    []string
	hasNot []string
	after  func(t testing.TB, app *tests.TestApp)
}

type ruleCase struct {
	name, method, url, body string
	want                    map[string]want
}

// ok and the variables below are shorthands for the common answers.
func ok(has ...string) want { return want{status: 200, has: has} }

var (
	forbidden = want{status: 403}
	notFound  = want{status: 404}
	// authRequired is PocketBase's answer to a guest on a superuser-only
	// API (settings, collections, logs, backups, crons).
	authRequired = want{status: 401}
)

// all gives every persona the same answer, with exceptions.
func all(w want, except map[string]want) map[string]want {
	m := map[string]want{}
	for _, p := range personas {
		m[p] = w
	}
	for p, e := range except {
		m[p] = e
	}
	return m
}

func storyFlagsUnforged(t testing.TB, app *tests.TestApp) {
	st, _ := app.FindRecordById(s.Stories, "storypending000")
	if strings.Contains(st.GetString(s.StoryFlags), "forged") {
		t.Errorf("flags set through the API: %s", st.GetString(s.StoryFlags))
	}
}

func noteStatus(id, status string) func(t testing.TB, app *tests.TestApp) {
	return func(t testing.TB, app *tests.TestApp) {
		n, err := app.FindRecordById(s.Notes, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.GetString(s.FieldStatus); got != status {
			t.Errorf("%s status = %q, want %q", id, got, status)
		}
	}
}

// TestRoleRules pins every rule a staff role opens or keeps shut, for an
// anonymous caller, a moderator, an organiser, an account with both roles
// and a superuser (PRODUCT.md, Rules; pb_migrations/1765004000_role_rules.go).
func TestRoleRules(t *testing.T) {
	pending := "/api/collections/notes/records/notepending0000"
	flagsUnchanged := func(t testing.TB, app *tests.TestApp) {
		n, _ := app.FindRecordById(s.Notes, "notepending0000")
		if !strings.Contains(n.GetString(s.NoteFlags), "SECRETFLAG") {
			t.Errorf("flags changed: %s", n.GetString(s.NoteFlags))
		}
	}
	allNotes := ok(`"totalItems":3`, "notepending0000", "noterejected000")
	approvedOnly := want{status: 200, has: []string{`"totalItems":1`, "noteapproved000"}, hasNot: []string{"notepending0000"}}
	cases := []ruleCase{
		// notes: moderators see every status and decide; nobody else does
		{"notes list", "GET", "/api/collections/notes/records", "",
			map[string]want{anon: approvedOnly, mod: allNotes, org: approvedOnly, both: allNotes, super: allNotes}},
		{"notes view pending", "GET", pending, "",
			map[string]want{anon: notFound, mod: ok("notepending0000"), org: notFound, both: ok("notepending0000"), super: ok("notepending0000")}},
		{"notes view rejected", "GET", "/api/collections/notes/records/noterejected000", "",
			map[string]want{anon: notFound, mod: ok("noterejected000"), org: notFound, both: ok("noterejected000"), super: ok("noterejected000")}},
		{"notes flags stay hidden from staff", "GET", pending, "",
			map[string]want{anon: notFound, mod: {status: 200, hasNot: []string{"SECRETFLAG"}}, org: notFound,
				both: {status: 200, hasNot: []string{"SECRETFLAG"}}, super: ok("SECRETFLAG")}},
		{"notes approve", "PATCH", pending, `{"status":"approved"}`,
			map[string]want{
				anon: {status: 404, after: noteStatus("notepending0000", s.StatusPending)},
				mod:  {status: 200, has: []string{`"status":"approved"`}, after: noteStatus("notepending0000", s.StatusApproved)},
				org:  {status: 404, after: noteStatus("notepending0000", s.StatusPending)},
				both: ok(`"status":"approved"`), super: ok(`"status":"approved"`)}},
		{"notes reject", "PATCH", pending, `{"status":"rejected"}`,
			all(ok(`"status":"rejected"`), map[string]want{anon: notFound, org: notFound})},
		{"notes edit text", "PATCH", pending, `{"body":"Thank you for the tea."}`,
			all(ok(`"body":"Thank you for the tea."`), map[string]want{anon: notFound, org: notFound})},
		// flags is a hidden field: PocketBase drops it from a non-superuser's
		// body before the rule sees it, so the update goes through without it
		{"notes set flags ignored", "PATCH", pending, `{"flags":{"findings":{}}}`,
			map[string]want{anon: notFound, org: notFound, mod: {status: 200, after: flagsUnchanged},
				both: {status: 200, after: flagsUnchanged}, super: ok()}},
		{"notes set flags with a decision ignored", "PATCH", pending, `{"status":"approved","flags":null}`,
			map[string]want{anon: notFound, org: notFound, mod: {status: 200, has: []string{`"status":"approved"`}, after: flagsUnchanged},
				both: {status: 200, after: flagsUnchanged}, super: ok()}},
		{"notes move room refused", "PATCH", pending, `{"room":""}`,
			all(notFound, map[string]want{super: ok()})},
		{"notes delete", "DELETE", pending, "",
			all(forbidden, map[string]want{super: {status: 204}})},

		// stories: the same for moderators
		{"stories list", "GET", "/api/collections/stories/records", "",
			map[string]want{anon: ok(`"totalItems":1`), mod: ok(`"totalItems":3`), org: ok(`"totalItems":1`), both: ok(`"totalItems":3`), super: ok(`"totalItems":3`)}},
		{"stories publish", "PATCH", "/api/collections/stories/records/storypending000", `{"status":"published"}`,
			all(ok(`"status":"published"`), map[string]want{anon: notFound, org: notFound})},
		{"stories set flags ignored", "PATCH", "/api/collections/stories/records/storypending000", `{"flags":{"forged":1}}`,
			map[string]want{anon: notFound, org: notFound, mod: {status: 200, hasNot: []string{"forged"}, after: storyFlagsUnforged},
				both: {status: 200, after: storyFlagsUnforged}, super: ok()}},
		{"stories delete", "DELETE", "/api/collections/stories/records/storypending000", "",
			all(forbidden, map[string]want{super: {status: 204}})},

		// events: organisers run them; no delete (cancel instead)
		{"events list", "GET", "/api/collections/events/records", "",
			map[string]want{anon: ok(`"totalItems":2`), mod: ok(`"totalItems":2`), org: ok(`"totalItems":3`, "eventdraft00000"),
				both: ok(`"totalItems":3`), super: ok(`"totalItems":3`)}},
		{"events view draft", "GET", "/api/collections/events/records/eventdraft00000", "",
			map[string]want{anon: notFound, mod: notFound, org: ok("eventdraft00000"), both: ok("eventdraft00000"), super: ok("eventdraft00000")}},
		{"events create", "POST", "/api/collections/events/records", `{"title":"Walk","starts":"2030-02-01 10:00:00.000Z","status":"published"}`,
			map[string]want{anon: {status: 400}, mod: {status: 400}, org: ok(`"title":"Walk"`), both: ok(`"title":"Walk"`), super: ok(`"title":"Walk"`)}},
		{"events cancel", "PATCH", "/api/collections/events/records/eventpublished0", `{"status":"cancelled"}`,
			map[string]want{anon: notFound, mod: notFound, org: ok(`"status":"cancelled"`), both: ok(`"status":"cancelled"`), super: ok(`"status":"cancelled"`)}},
		{"events delete", "DELETE", "/api/collections/events/records/eventpublished0", "",
			all(forbidden, map[string]want{super: {status: 204}})},

		// sign-ups: organisers read them with addresses, never the token
		{"signups list", "GET", "/api/collections/signups/records", "",
			map[string]want{
				anon:  {status: 200, has: []string{`"totalItems":0`}, hasNot: []string{"ana.secret"}},
				mod:   {status: 200, has: []string{`"totalItems":0`}, hasNot: []string{"ana.secret"}},
				org:   {status: 200, has: []string{"ana.secret@hospital.example"}, hasNot: []string{"SECRETTOKEN"}},
				both:  {status: 200, has: []string{"ana.secret@hospital.example"}, hasNot: []string{"SECRETTOKEN"}},
				super: ok("ana.secret@hospital.example", "SECRETTOKEN")}},
		{"signups view", "GET", "/api/collections/signups/records/signup000000000", "",
			map[string]want{anon: notFound, mod: notFound,
				org:  {status: 200, has: []string{"ana.secret@hospital.example"}, hasNot: []string{"SECRETTOKEN"}},
				both: {status: 200, hasNot: []string{"SECRETTOKEN"}}, super: ok("SECRETTOKEN")}},
		{"signups update", "PATCH", "/api/collections/signups/records/signup000000000", `{"status":"cancelled"}`,
			all(forbidden, map[string]want{super: ok(`"status":"cancelled"`)})},
		{"signups create", "POST", "/api/collections/signups/records", `{"event":"eventpublished0","name":"x","email":"x@y.z","status":"confirmed"}`,
			all(forbidden, map[string]want{super: ok()})},

		// nobody but superusers reaches the rest
		{"settings", "GET", "/api/settings", "", all(forbidden, map[string]want{anon: authRequired, super: ok(`"meta"`)})},
		{"settings change", "PATCH", "/api/settings", `{"meta":{"appName":"x"}}`, all(forbidden, map[string]want{anon: authRequired, super: ok(`"appName":"x"`)})},
		{"collections", "GET", "/api/collections", "", all(forbidden, map[string]want{anon: authRequired, super: ok(`"name":"notes"`)})},
		{"collection change", "PATCH", "/api/collections/notes", `{"listRule":""}`, all(forbidden, map[string]want{anon: authRequired, super: ok()})},
		{"logs", "GET", "/api/logs", "", all(forbidden, map[string]want{anon: authRequired, super: ok()})},
		{"backups list", "GET", "/api/backups", "", all(forbidden, map[string]want{anon: authRequired, super: ok("[")})},
		{"backups create", "POST", "/api/backups", `{"name":"x.zip"}`, all(forbidden, map[string]want{anon: authRequired, super: {status: 204}})},
		{"crons", "GET", "/api/crons", "", all(forbidden, map[string]want{anon: authRequired, super: ok("kkWipeRejected")})},
		{"superusers list", "GET", "/api/collections/_superusers/records", "", all(forbidden, map[string]want{super: ok(kktest.SuperuserEmail)})},
		{"kiosk_settings", "GET", "/api/collections/kiosk_settings/records", "", all(forbidden, map[string]want{super: ok()})},
		{"moderation_log", "GET", "/api/collections/moderation_log/records", "", all(forbidden, map[string]want{super: ok()})},
		{"awaiting_moderation (dashboard view)", "GET", "/api/collections/awaiting_moderation/records", "", all(forbidden, map[string]want{super: ok()})},
		{"rooms create", "POST", "/api/collections/rooms/records", `{"name":"x","slug":"x","active":true}`, all(forbidden, map[string]want{super: ok()})},

		// staff accounts: each sees and changes only itself, never its roles
		{"moderators list", "GET", "/api/collections/moderators/records", "",
			map[string]want{
				anon:  {status: 200, has: []string{`"totalItems":0`}},
				mod:   {status: 200, has: []string{`"totalItems":1`, "mod@hospital.example"}, hasNot: []string{"other@", "org@"}},
				org:   {status: 200, has: []string{`"totalItems":1`, "org@hospital.example"}, hasNot: []string{"other@", "mod@"}},
				both:  {status: 200, has: []string{`"totalItems":1`}, hasNot: []string{"other@"}},
				super: ok(`"totalItems":4`)}},
		{"moderators create", "POST", "/api/collections/moderators/records",
			`{"email":"new@hospital.example","password":"1234567890","passwordConfirm":"1234567890","roles":["moderate"]}`,
			all(forbidden, map[string]want{super: ok("new@hospital.example")})},
	}
	for _, c := range cases {
		for _, p := range personas {
			w, ok := c.want[p]
			if !ok {
				t.Fatalf("%s: no answer for %s", c.name, p)
			}
			runRule(t, c, p, w)
		}
	}
}

// TestStaffAccountRules pins what a staff account may do to accounts:
// its own name and password, nobody else's record, never its roles.
func TestStaffAccountRules(t *testing.T) {
	otherURL := func(app core.App) string {
		return "/api/collections/moderators/records/" + kktest.Staff(t, app, staffEmails["other"]).Id
	}
	ownURL := func(app core.App) string {
		return "/api/collections/moderators/records/" + kktest.Staff(t, app, staffEmails[mod]).Id
	}
	rolesOf := func(email, want string) func(t testing.TB, app *tests.TestApp) {
		return func(t testing.TB, app *tests.TestApp) {
			if got := strings.Join(kktest.Staff(t, app, email).GetStringSlice(s.ModeratorRoles), ","); got != want {
				t.Errorf("%s roles = %s, want %s", email, got, want)
			}
		}
	}
	for _, c := range []struct {
		name, body string
		url        func(core.App) string
		w          want
	}{
		{"view another account", "", otherURL, notFound},
		{"change another account", `{"name":"x"}`, otherURL, notFound},
		{"give oneself a role", `{"roles":["moderate","organise"]}`, ownURL, want{status: 404, after: rolesOf(staffEmails[mod], s.RoleModerate)}},
		{"change one's e-mail", `{"email":"new@hospital.example"}`, ownURL, notFound},
		{"change one's name", `{"name":"Charge nurse Ana"}`, ownURL, ok(`"name":"Charge nurse Ana"`)},
		{"change one's password", `{"oldPassword":"` + kktest.StaffPassword + `","password":"a-new-long-one","passwordConfirm":"a-new-long-one"}`, ownURL, ok()},
	} {
		method := http.MethodPatch
		if c.body == "" {
			method = http.MethodGet
		}
		sc := tests.ApiScenario{Name: "moderator: " + c.name, Method: method, Headers: map[string]string{"Content-Type": "application/json"},
			TestAppFactory: kktest.Factory(seedRoles), ExpectedStatus: c.w.status, ExpectedContent: c.w.has, NotExpectedContent: c.w.hasNot}
		if c.body != "" {
			sc.Body = strings.NewReader(c.body)
		}
		if len(sc.ExpectedContent) == 0 {
			sc.ExpectedContent = []string{fmt.Sprintf(`"status":%d`, c.w.status)}
			if c.w.status == 200 {
				sc.ExpectedContent = []string{`"id":`}
			}
		}
		url := c.url
		sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			sc.URL = url(app)
			sc.Headers["Authorization"] = token(t, app, mod)
		}
		if c.w.after != nil {
			sc.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) { c.w.after(t, app) }
		}
		sc.Test(t)
	}
}

func runRule(t *testing.T, c ruleCase, persona string, w want) {
	sc := tests.ApiScenario{
		Name:   persona + ": " + c.name,
		Method: c.method, URL: c.url,
		Headers:            map[string]string{"Content-Type": "application/json"},
		TestAppFactory:     kktest.Factory(seedRoles),
		ExpectedStatus:     w.status,
		ExpectedContent:    w.has,
		NotExpectedContent: w.hasNot,
	}
	if c.body != "" {
		sc.Body = strings.NewReader(c.body)
	}
	if len(sc.ExpectedContent) == 0 {
		switch w.status {
		case 200:
			sc.ExpectedContent = []string{"{"}
		case 204:
			sc.ExpectedContent = nil
			sc.ExpectedEvents = nil
		default:
			sc.ExpectedContent = []string{fmt.Sprintf(`"status":%d`, w.status)}
		}
	}
	sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if tok := token(t, app, persona); tok != "" {
			sc.Headers["Authorization"] = tok
		}
	}
	if w.after != nil {
		sc.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) { w.after(t, app) }
	}
	sc.Test(t)
}

// TestMFAOffByDefaultAndAvailable pins ADR 0160: staff sign in with a
// password alone by default (no SMTP needed); an admin who turns on OTP
// and MFA gets PocketBase's second step (an mfaId instead of a token),
// which any sign-in page must then handle.
func TestMFAOffByDefaultAndAvailable(t *testing.T) {
	for _, c := range []struct {
		name, email string
		mfa         bool
		rule        string // the MFA rule docs/moderation.md suggests
		status      int
		has, not    string
	}{
		{"default: password alone", staffEmails[mod], false, "", 200, `"token":`, "mfaId"},
		{"OTP + MFA on: a second step", staffEmails[mod], true, "", 401, `"mfaId":`, `"token":`},
		{"MFA for organisers only: an organiser gets a second step", staffEmails[org], true, `roles:each ?= "organise"`, 401, `"mfaId":`, `"token":`},
		{"MFA for organisers only: a moderator does not", staffEmails[mod], true, `roles:each ?= "organise"`, 200, `"token":`, "mfaId"},
	} {
		login := `{"identity":"` + c.email + `","password":"` + kktest.StaffPassword + `"}`
		sc := tests.ApiScenario{
			Name: c.name, Method: http.MethodPost, URL: "/api/collections/moderators/auth-with-password",
			Body: strings.NewReader(login), Headers: map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: c.status, ExpectedContent: []string{c.has}, NotExpectedContent: []string{c.not},
			TestAppFactory: func(t testing.TB) *tests.TestApp {
				app := kktest.NewApp(t)
				seedRoles(t, app)
				col, err := app.FindCollectionByNameOrId(s.Moderators)
				if err != nil {
					t.Fatal(err)
				}
				if col.MFA.Enabled || col.OTP.Enabled {
					t.Errorf("MFA %v, OTP %v by default; want both off", col.MFA.Enabled, col.OTP.Enabled)
				}
				if c.mfa {
					col.OTP.Enabled, col.MFA.Enabled, col.MFA.Rule = true, true, c.rule
					if err := app.Save(col); err != nil {
						t.Fatal(err)
					}
				}
				return app
			},
		}
		sc.Test(t)
	}
}
