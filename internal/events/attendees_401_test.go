package events_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestAttendeesExportExplains401: a moderator who opens the export link in
// a browser tab gets told why it refuses and where the how-to is, not
// "That request could not be handled."
func TestAttendeesExportExplains401(t *testing.T) {
	sc := tests.ApiScenario{
		Name: "browser tab without a token", Method: http.MethodGet, URL: "/events/" + evFull + "/attendees.csv", ExpectedStatus: 401,
		ExpectedContent:    []string{"<!doctype html>", "for moderators", "Attendee export"},
		NotExpectedContent: []string{"That request could not be handled", "ana.secret@hospital.example"},
		TestAppFactory:     kktest.Factory(seedEvents),
	}
	sc.Test(t)
}
