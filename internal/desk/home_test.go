package desk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestStartPageTellsModerators: the start page shows a signed-in
// moderator what waits, linked to the desk; nobody else sees it.
func TestStartPageTellsModerators(t *testing.T) {
	const line = `<a href="/moderate">3 waiting at the moderation desk</a>`
	scenarios := []tests.ApiScenario{
		{Name: "moderator", BeforeTestFunc: stafftest.SignedIn(modEmail), ExpectedContent: []string{line}},
		{Name: "superuser", BeforeTestFunc: stafftest.SignedIn(kktest.SuperuserEmail), ExpectedContent: []string{line}},
		{Name: "organiser", BeforeTestFunc: stafftest.SignedIn(orgEmail), ExpectedContent: []string{"Thank the people who care"},
			NotExpectedContent: []string{"moderation desk"}},
		{Name: "guest", ExpectedContent: []string{"Thank the people who care"}, NotExpectedContent: []string{"moderation desk"}},
	}
	for _, sc := range scenarios {
		sc.Method, sc.URL, sc.ExpectedStatus = http.MethodGet, "/", 200
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}
