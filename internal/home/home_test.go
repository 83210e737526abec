package home_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestStartPageLinksStoryForm: on a fresh install (no published story yet)
// the story form must still be reachable; it was linked only from a
// published story's page.
func TestStartPageLinksStoryForm(t *testing.T) {
	sc := tests.ApiScenario{
		Name: "fresh install", Method: http.MethodGet, URL: "/", ExpectedStatus: 200,
		ExpectedContent: []string{`href="/notes/new"`, `href="/events"`, `href="/stories/new"`},
		TestAppFactory:  kktest.Factory(nil),
	}
	sc.Test(t)
}
