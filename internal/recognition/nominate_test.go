package recognition_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestNominationPages: from an approved note a moderator nominates; the
// committee view groups by person and unit; a nominee copy prints. Only
// `moderate` accounts (and superusers) reach any of it.
func TestNominationPages(t *testing.T) {
	type pageCase struct {
		name    string
		method  string
		url     func(w world) string
		body    string
		who     string // "", "organiser", "moderator"
		status  int
		want    []string
		notWant []string
		after   func(t testing.TB, app *tests.TestApp)
	}
	nominate := func(w world) string { return "/moderate/notes/" + w.forWest.Id + "/nominate" }
	cases := []pageCase{
		{"anonymous is sent to sign in", http.MethodGet, nominate, "", "", 303, nil, nil, nil},
		{"an organiser may not", http.MethodGet, nominate, "", "organiser", 403, []string{"moderate"}, []string{"Nominate for an award"}, nil},
		{"the form, with the nominee and unit guessed", http.MethodGet, nominate, "", "moderator", 200,
			[]string{"Nominate for an award", `value="Dr Lee and the 4 West night team"`, `value="4 West"`, "<option selected>DAISY</option>", "<option>BEE</option>"}, nil, nil},
		{"a pending note cannot be nominated", http.MethodGet, func(w world) string { return "/moderate/notes/" + w.pending.Id + "/nominate" }, "", "moderator", 404,
			[]string{"Only an approved note"}, []string{"Pending Person"}, nil},
		{"save: 303 to the committee view", http.MethodPost, nominate, "award=BEE&nominee=Dr+Lee&unit=4+West&reason=Stayed+two+hours+late", "moderator", 303, nil, nil,
			func(t testing.TB, app *tests.TestApp) {
				rec, err := app.FindFirstRecordByData(s.Nominations, s.NominationName, "Dr Lee")
				if err != nil || rec.GetString(s.NominationAward) != "BEE" || rec.GetString(s.NominationWhy) != "Stayed two hours late" {
					t.Errorf("nomination not saved as typed: %v %v", rec, err)
				}
			}},
		{"an award not in the list: message next to the field, text kept", http.MethodPost, nominate, "award=Best+Hair&nominee=Dr+Lee&reason=kept+words", "moderator", 422,
			[]string{`id="err-award"`, "Pick one of the awards", "kept words", `value="Dr Lee"`}, nil,
			func(t testing.TB, app *tests.TestApp) {
				if n, _ := app.CountRecords(s.Nominations); n != 0 {
					t.Errorf("%d nominations saved", n)
				}
			}},
		{"no nominee: message next to the field", http.MethodPost, nominate, "award=DAISY&nominee=&reason=kept", "moderator", 422,
			[]string{`id="err-nominee"`}, nil, nil},
	}
	for _, c := range cases {
		app := kktest.NewApp(t)
		w := seed(t, app)
		headers := map[string]string{}
		switch c.who {
		case "organiser":
			headers["Cookie"] = stafftest.Cookie(t, stafftest.Account(t, app, "org@hospital.example", s.RoleOrganise))
		case "moderator":
			headers["Cookie"] = stafftest.Cookie(t, stafftest.Account(t, app, "mod@hospital.example", s.RoleModerate))
		}
		sc := tests.ApiScenario{Name: c.name, Method: c.method, URL: c.url(w), Headers: headers, ExpectedStatus: c.status,
			ExpectedContent: c.want, NotExpectedContent: c.notWant,
			TestAppFactory: func(testing.TB) *tests.TestApp { return app }}
		if c.body != "" {
			sc.Body = strings.NewReader(c.body)
			headers["Content-Type"] = "application/x-www-form-urlencoded"
			headers["Sec-Fetch-Site"] = "same-origin"
		}
		if c.after != nil {
			after := c.after
			sc.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) { after(t, app) }
		}
		if len(c.want) == 0 && len(c.notWant) == 0 {
			sc.NotExpectedContent = []string{"Nominate for an award"}
		}
		sc.Test(t)
	}
}

func TestCommitteeViewAndNomineeCopy(t *testing.T) {
	app := kktest.NewApp(t)
	w := seed(t, app)
	col, _ := app.FindCollectionByNameOrId(s.Nominations)
	add := func(note *core.Record, award, nominee, unit, reason string) *core.Record {
		r := core.NewRecord(col)
		r.Load(map[string]any{"note": note.Id, "award": award, "nominee": nominee, "unit": unit, "reason": reason})
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	add(w.inWest, "BEE", "Ana", "4 West", "always kind")
	add(w.forWest, "DAISY", "Dr Lee", "4 West", "first")
	last := add(w.forWest, "Kindness award", "dr lee ", "4 west", "second")
	cookie := stafftest.Cookie(t, stafftest.Account(t, app, "mod@hospital.example", s.RoleModerate))
	h := kktest.Handler(t, app)
	get := func(url string) (int, string) {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	code, body := get("/moderate/nominations")
	if code != 200 || !strings.Contains(body, "Nominations (3)") {
		t.Fatalf("committee view: %d", code)
	}
	// Dr Lee's two nominations (spelt two ways) are one group, listed
	// before Ana's one
	low := strings.ToLower(body)
	lee, ana := strings.Index(low, `<h2 dir="auto">dr lee`), strings.Index(low, `<h2 dir="auto">ana`)
	if lee < 0 || ana < 0 || lee > ana || strings.Count(body, `class="card nominee"`) != 2 {
		t.Errorf("groups: Dr Lee at %d, Ana at %d, %d groups", lee, ana, strings.Count(body, `class="card nominee"`))
	}
	code, body = get("/moderate/nominations/" + last.Id + "/copy")
	for _, want := range []string{"nominated for the Kindness award award", "dr lee", "second", "Thank you for <strong>everything</strong>"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("nominee copy (%d) lacks %q", code, want)
		}
	}
}
