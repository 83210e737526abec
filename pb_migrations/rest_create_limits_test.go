package pb_migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

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
