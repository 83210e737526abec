package pb_migrations_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestStaffSignInFailuresRule: the desk's sign-in limit is the
// failures-only rule (10 per 5 minutes), and PocketBase's own limiter no
// longer counts every POST /moderate/login (ADR 0301).
func TestStaffSignInFailuresRule(t *testing.T) {
	app := kktest.NewApp(t)
	found := false
	for _, r := range app.Settings().RateLimits.Rules {
		switch r.Label {
		case s.StaffSignInFailures:
			found = true
			if r.MaxRequests != 10 || r.Duration != 300 {
				t.Errorf("%s: %d per %d s, want 10 per 300 s", r.Label, r.MaxRequests, r.Duration)
			}
		case "POST /moderate/login":
			t.Errorf("the old rule is still there: PocketBase would count good sign-ins too")
		}
	}
	if !found {
		t.Errorf("no %s rule", s.StaffSignInFailures)
	}
}
