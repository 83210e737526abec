package desk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestAnnouncementDeleteAsks: the list's Delete button asks first (a page
// that shows the notice); only "Delete it" deletes; then the page says so.
func TestAnnouncementDeleteAsks(t *testing.T) {
	still := func(want bool) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if _, err := app.FindRecordById(s.Announcements, announcement); (err == nil) != want {
				t.Errorf("announcement still there: %v, want %v", err == nil, want)
			}
		}
	}
	url := "/moderate/announcements/" + announcement + "/delete"
	scenarios := []tests.ApiScenario{
		{Name: "the first tap asks, deletes nothing", Method: http.MethodPost, URL: url, Headers: kktest.FormHeaders, ExpectedStatus: 200,
			ExpectedContent: []string{"Delete this announcement?", "Fire drill at 14:00", "goes off every screen at once",
				`action="` + url + `"`, `name="confirm" value="1"`, "Delete it", `href="/moderate/announcements">Keep it`},
			AfterTestFunc: still(true)},
		{Name: "asks in Spanish", Method: http.MethodPost, URL: url, ExpectedStatus: 200,
			Headers:         map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "es"},
			ExpectedContent: []string{"¿Borrar este aviso?", "Borrarlo", "Conservarlo"}, AfterTestFunc: still(true)},
		{Name: "confirmed: deleted", Method: http.MethodPost, URL: url, Headers: kktest.FormHeaders, Body: kktest.Form("confirm", "1"),
			ExpectedStatus: 303, AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				still(false)(t, app, res)
				location("/moderate/announcements?m=deleted")(t, app, res)
			}},
		{Name: "and the page says so", Method: http.MethodGet, URL: "/moderate/announcements?m=deleted", ExpectedStatus: 200,
			ExpectedContent: []string{"The announcement is deleted. The screens no longer show it."}},
		{Name: "cross-origin refused", Method: http.MethodPost, URL: url, Body: kktest.Form("confirm", "1"),
			Headers:        map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			ExpectedStatus: 403, ExpectedContent: []string{"only be sent from this site"}, AfterTestFunc: still(true)},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
