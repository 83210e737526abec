package moderation_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestDashboardExtensionServed pins that PocketBase serves the extension
// (its /_/extensions.js) with this database's queue id and the fallback
// route; the browser tests check what it does.
func TestDashboardExtensionServed(t *testing.T) {
	sc := tests.ApiScenario{
		Name: "extensions.js holds the queue extension", Method: http.MethodGet, URL: "/_/extensions.js",
		TestAppFactory: kktest.Factory(nil), ExpectedStatus: 200,
		ExpectedContent: []string{`const KK = {"queue":"awaiting_moderation","queueId":"pbc_`, `app.routes.fallbackPath`, `"approve":"published"`},
	}
	sc.Test(t)
}
