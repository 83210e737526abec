package records_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestTimezoneValidated pins that a moderator's typo in the time zone is
// refused in the dashboard instead of silently showing server times.
func TestTimezoneValidated(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "typo refused with a field message", Body: strings.NewReader(`{"timezone":"Europe/london"}`),
			ExpectedStatus: 400, ExpectedContent: []string{`"timezone":{"code":"validation_unknown_timezone"`}},
		{Name: "IANA name saved", Body: strings.NewReader(`{"timezone":"Europe/London"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"timezone":"Europe/London"`}},
		{Name: "empty (server's zone) saved", Body: strings.NewReader(`{"timezone":""}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"timezone":""`}},
	} {
		sc.Method = http.MethodPatch
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Headers = map[string]string{"Content-Type": "application/json"}
		sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			row, err := app.FindFirstRecordByFilter(s.Settings, "")
			if err != nil {
				t.Fatal(err)
			}
			sc.URL = "/api/collections/" + s.Settings + "/records/" + row.Id
			sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
		}
		sc.Test(t)
	}
}
