package desk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

const (
	swearNote   = "noteswear000000"
	swearNoteES = "noteswear0000es"
)

// withSwearing: seed plus two pending notes with strong language, one in
// Spanish written in capitals with its accent.
func withSwearing(t testing.TB, app *tests.TestApp) {
	seed(t, app)
	addNote(t, app, swearNote, "Ana", "What a shit shift, thank you for getting us through it.", nil)
	addNote(t, app, swearNoteES, "Luis", "Eres un CABRÓN genial, gracias por el café.", nil)
}

// onlyClean: a moderator and n clean notes.
func onlyClean(n int) func(testing.TB, *tests.TestApp) {
	return func(t testing.TB, app *tests.TestApp) {
		stafftest.Account(t, app, modEmail, s.RoleModerate)
		for i := 0; i < n; i++ {
			addNote(t, app, "", "Ana", "Thank you for the tea at 3am.", nil)
		}
	}
}

// TestApproveCleanWords: the button says how many, in proper English
// and Spanish plurals.
func TestApproveCleanWords(t *testing.T) {
	es := map[string]string{"Accept-Language": "es"}
	scenarios := []tests.ApiScenario{
		{Name: "one", TestAppFactory: kktest.Factory(onlyClean(1)),
			ExpectedContent: []string{"Approve the 1 note without findings"}, NotExpectedContent: []string{"Approve all 1"}},
		{Name: "three", TestAppFactory: kktest.Factory(onlyClean(3)),
			ExpectedContent: []string{"Approve all 3 notes without findings"}},
		{Name: "one, in Spanish", TestAppFactory: kktest.Factory(onlyClean(1)), Headers: es,
			ExpectedContent: []string{"Aprobar la única nota sin avisos"}},
		{Name: "three, in Spanish", TestAppFactory: kktest.Factory(onlyClean(3)), Headers: es,
			ExpectedContent: []string{"Aprobar las 3 notas sin avisos"}},
	}
	for _, sc := range scenarios {
		sc.Method, sc.URL, sc.ExpectedStatus = http.MethodGet, "/moderate", 200
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}

// TestApproveCleanSkipsStrongLanguage: notes with strong language stay out
// of "approve all" (on the page and when posted anyway), with the reason
// in plain words.
func TestApproveCleanSkipsStrongLanguage(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "the page: not in the list, the reason shown", Method: http.MethodGet, URL: "/moderate", ExpectedStatus: 200,
			ExpectedContent: []string{"Approve all 2 notes without findings", `name="item" value="notes:` + cleanNote + `"`,
				"Not in “approve all”: strong language.", `id="item-` + swearNote + `"`, `id="item-` + swearNoteES + `"`},
			NotExpectedContent: []string{`name="item" value="notes:` + swearNote + `"`, `name="item" value="notes:` + swearNoteES + `"`}},
		{Name: "the reason in Spanish", Method: http.MethodGet, URL: "/moderate", ExpectedStatus: 200,
			Headers:         map[string]string{"Accept-Language": "es"},
			ExpectedContent: []string{"No entra en «aprobar todas»: lenguaje grosero."}},
		{Name: "posted anyway: they stay pending, the clean one goes", Method: http.MethodPost, URL: "/moderate/approve-clean",
			Headers: kktest.FormHeaders, ExpectedStatus: 303,
			Body: kktest.Form("item", "notes:"+cleanNote, "item", "notes:"+swearNote, "item", "notes:"+swearNoteES),
			AfterTestFunc: expect(s.Notes, swearNote, s.StatusPending, expect(s.Notes, swearNoteES, s.StatusPending,
				expect(s.Notes, cleanNote, s.StatusApproved, location("/moderate?m=decided"))))},
		{Name: "one tap still approves it", Method: http.MethodPost, URL: "/moderate/notes/" + swearNote + "/approve",
			Headers: kktest.FormHeaders, ExpectedStatus: 303, AfterTestFunc: expect(s.Notes, swearNote, s.StatusApproved)},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(withSwearing)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
