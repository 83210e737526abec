package notes_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestSentPageHonestWhenAutoApproved: with auto-approval on, a clean note
// is live at once, so the confirmation must not promise a moderator's
// review that will never come.
func TestSentPageHonestWhenAutoApproved(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "auto-approved note: 303 to the live confirmation", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks for the tea", "room", "break-room"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(setAutoApprove),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/sent?live=1&room=break-room" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "pending note: no live mark", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body: kktest.Form("to", "Ana", "body", "thanks for the tea"), ExpectedStatus: 303,
			TestAppFactory: kktest.Factory(nil),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/notes/sent" {
					t.Errorf("Location = %q", loc)
				}
			}},
		{Name: "live confirmation", Method: http.MethodGet, URL: "/notes/sent?live=1", ExpectedStatus: 200,
			TestAppFactory:     kktest.Factory(nil),
			ExpectedContent:    []string{"on the screens now"},
			NotExpectedContent: []string{"after a moderator approves"}},
	} {
		sc.Test(t)
	}
}
