package pb_migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestUsersCollectionClosed pins that nobody can register an account: the
// product has none, and an open users collection lets anyone create rows
// and (with SMTP on) send verification mail to any address.
func TestUsersCollectionClosed(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "anonymous register refused", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:           strings.NewReader(`{"email":"someone@example.org","password":"1234567890ab","passwordConfirm":"1234567890ab"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}},
		{Name: "password login off", Method: http.MethodPost, URL: "/api/collections/users/auth-with-password",
			Body:           strings.NewReader(`{"identity":"someone@example.org","password":"1234567890ab"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}},
	} {
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Test(t)
	}
}

// TestRESTCreateRateLimitedLikeForms pins that the REST API is no back door
// around the forms' pace: 10 notes and 5 stories a minute per address.
func TestRESTCreateRateLimitedLikeForms(t *testing.T) {
	for _, tc := range []struct {
		collection, body string
		max              int
	}{
		{"notes", `{"to":"Ana","body":"thank you"}`, 10},
		{"stories", `{"title":"A kind act","body":"It helped."}`, 5},
	} {
		t.Run(tc.collection, func(t *testing.T) {
			app := kktest.NewApp(t)
			c := kktest.NewClient(t, app)
			url := "/api/collections/" + tc.collection + "/records"
			h := map[string]string{"Content-Type": "application/json"}
			for i := 0; i < tc.max; i++ {
				if res := c.Do(http.MethodPost, url, strings.NewReader(tc.body), h); res.StatusCode != http.StatusOK {
					t.Fatalf("create %d of %d: %d", i+1, tc.max, res.StatusCode)
				}
			}
			if res := c.Do(http.MethodPost, url, strings.NewReader(tc.body), h); res.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("create %d: %d, want 429", tc.max+1, res.StatusCode)
			}
		})
	}
}
