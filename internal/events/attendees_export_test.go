package events_test

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// seedExport: two seats; four people (one with a formula for a name), one
// of whom cancels.
func seedExport(t testing.TB, app *tests.TestApp) {
	newEvent(t, app, map[string]any{"id": evFull, s.EventTitle: "Tiny choir", s.EventCapacity: 2})
	mustSignUp(t, app, evFull, "=HYPERLINK(\"http://evil.example\",\"x\")", "eve@hospital.example")
	mustSignUp(t, app, evFull, "Ana", "ana@hospital.example")
	mustSignUp(t, app, evFull, "Bo", "bo@hospital.example")
	gone := mustSignUp(t, app, evFull, "Cy", "cy@hospital.example")
	mustSignUp(t, app, evFull, "@Dee", "+dee@hospital.example")
	rec, _ := app.FindRecordById(s.Signups, gone.Id)
	rec.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(rec); err != nil {
		t.Fatal(err)
	}
}

func TestAttendeesExport(t *testing.T) {
	url := "/events/" + evFull + "/attendees.csv"
	scenarios := []tests.ApiScenario{
		{Name: "anonymous: 401 page, no names", Method: http.MethodGet, URL: url, ExpectedStatus: 401,
			NotExpectedContent: []string{"ana@hospital.example", "Ana"}},
		{Name: "bad token: 401", Method: http.MethodGet, URL: url, Headers: map[string]string{"Authorization": "nope"}, ExpectedStatus: 401,
			NotExpectedContent: []string{"ana@hospital.example"}},
		{Name: "superuser: confirmed then waitlisted, in order, formulas defused", Method: http.MethodGet, URL: url, ExpectedStatus: 200,
			ExpectedContent: []string{"name,email,unit,status,position,signed_up"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
					t.Errorf("Content-Type = %q", ct)
				}
				rows, err := csv.NewReader(strings.NewReader(readBody(t, res))).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				want := [][]string{
					{"name", "email", "unit", "status", "position"},
					{`'=HYPERLINK("http://evil.example","x")`, "eve@hospital.example", "4 West", "confirmed", ""},
					{"Ana", "ana@hospital.example", "4 West", "confirmed", ""},
					{"Bo", "bo@hospital.example", "4 West", "waitlisted", "1"},
					{"'@Dee", "'+dee@hospital.example", "4 West", "waitlisted", "2"},
				}
				if len(rows) != len(want) {
					t.Fatalf("rows:\n%q", rows)
				}
				for i, w := range want {
					if strings.Join(rows[i][:5], "|") != strings.Join(w, "|") {
						t.Errorf("row %d = %q, want %q", i, rows[i], w)
					}
					if i > 0 && !strings.HasPrefix(rows[i][5], "20") {
						t.Errorf("row %d signed_up = %q", i, rows[i][5])
					}
				}
			}},
		{Name: "superuser, unknown event: 404", Method: http.MethodGet, URL: "/events/nosuchevent0000/attendees.csv", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seedExport)
		if sc.ExpectedStatus != 401 {
			asSuperuser(&sc)
		}
		sc.Test(t)
	}
}
