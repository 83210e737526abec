package desk_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestDarkScreensOnTheDesk: a screen silent for 30 minutes is listed
// with its room and how long; one seen a minute ago is not.
func TestDarkScreensOnTheDesk(t *testing.T) {
	const tv = "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36"
	withScreens := func(t testing.TB, app *tests.TestApp) {
		seed(t, app)
		now := time.Now().UTC()
		kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "tv-dark", s.FieldRoom: room4West, s.ScreenUserAgent: tv,
			s.ScreenLastSeen: now.Add(-30 * time.Minute)})
		kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "tv-fine", s.FieldRoom: room4West, s.ScreenUserAgent: "Firefox/115.0 FINE",
			s.ScreenLastSeen: now.Add(-time.Minute)})
	}
	scenarios := []tests.ApiScenario{
		{Name: "a dark screen is listed", TestAppFactory: kktest.Factory(withScreens),
			ExpectedContent:    []string{"Screens not seen lately", "<strong dir=\"auto\">4 West break room</strong>", "last seen 30 min ago", "Chrome 49 on Linux"},
			NotExpectedContent: []string{"Firefox 115"}},
		{Name: "no dark screen, no section", TestAppFactory: kktest.Factory(seed),
			ExpectedContent: []string{"3 waiting"}, NotExpectedContent: []string{"Screens not seen lately"}},
	}
	for _, sc := range scenarios {
		sc.Method, sc.URL, sc.ExpectedStatus = http.MethodGet, "/moderate", 200
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
