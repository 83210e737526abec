package desk_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

func TestQueue(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "what waits, oldest first, findings highlighted and named", Method: http.MethodGet, URL: "/moderate",
			ExpectedStatus: 200,
			ExpectedContent: []string{
				"<title>(3) Moderation desk", `<h1 id="desk-count">3 waiting</h1>`,
				`<mark class="phi">Mrs Kowalski</mark><span class="phi-kind"> (a patient&#39;s name near “bed 12”)</span>`,
				`<mark class="phi">bed 12</mark><span class="phi-kind"> (a bed or room number)</span>`,
				"Check for patient details:</strong> a patient&#39;s name, a bed or room number.",
				"The writer saw the warning and sent it anyway.",
				"4 West break room", "→ <span class=\"desk-for\">for <strong dir=\"auto\">ICU family room</strong></span>", "just now", "— A colleague", "— Sam",
				// approve-all lists the clean ones only
				`name="item" value="notes:` + cleanNote + `"`, `name="item" value="stories:` + story + `"`, "Approve all 2 notes without findings",
				`action="/moderate/notes/` + flaggedNote + `/approve"`, `action="/moderate/stories/` + story + `/reject"`,
				`<meta http-equiv="refresh" content="60">`,
			},
			NotExpectedContent: []string{"ALREADY APPROVED", `value="notes:` + flaggedNote + `"`}},
		{Name: "nothing waits", Method: http.MethodGet, URL: "/moderate", ExpectedStatus: 200,
			ExpectedContent: []string{"Nothing waiting", "All done."}, NotExpectedContent: []string{"Approve all"},
			TestAppFactory: kktest.Factory(func(t testing.TB, app *tests.TestApp) {
				stafftest.Account(t, app, modEmail, s.RoleModerate)
			})},
		{Name: "the count for desk.js", Method: http.MethodGet, URL: "/moderate/count", ExpectedStatus: 200,
			ExpectedContent: []string{`"count":3`, `"newest":"`}},
	}
	for _, sc := range scenarios {
		if sc.TestAppFactory == nil {
			sc.TestAppFactory = kktest.Factory(seed)
		}
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}

// TestQueueOrder: oldest first across notes and stories.
func TestQueueOrder(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	c := kktest.NewClient(t, app)
	mod, _ := app.FindAuthRecordByEmail(s.Moderators, modEmail)
	res := c.Do(http.MethodGet, "/moderate", nil, map[string]string{"Cookie": stafftest.Cookie(t, mod)})
	b, _ := io.ReadAll(res.Body)
	body := string(b)
	a, f, st := strings.Index(body, `id="item-`+cleanNote), strings.Index(body, `id="item-`+flaggedNote), strings.Index(body, `id="item-`+story)
	if a < 0 || !(a < f && f < st) {
		t.Errorf("queue order: clean %d, flagged %d, story %d; want oldest first", a, f, st)
	}
}
