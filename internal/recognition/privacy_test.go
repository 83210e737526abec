package recognition_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestNominationsAndManagerEmailAreNeverPublic: nominations are for the
// moderators' committee only; a unit manager's address is for the digest
// only.
func TestNominationsAndManagerEmailAreNeverPublic(t *testing.T) {
	const noms = "/api/collections/nominations/records"
	nominate := `{"note":"%s","award":"DAISY","nominee":"Dr Lee","unit":"4 West","reason":"stayed late"}`
	type who struct {
		name, email string
		roles       []string
	}
	people := []who{{"anonymous", "", nil}, {"organiser", "org@hospital.example", []string{s.RoleOrganise}},
		{"moderator", "mod@hospital.example", []string{s.RoleModerate}}, {"superuser", kktest.SuperuserEmail, nil}}
	for _, p := range people {
		allowed := p.name == "moderator" || p.name == "superuser"
		for _, c := range []struct {
			method, url, body string
			okStatus          int
			okContent         []string
		}{
			{http.MethodGet, noms, "", 200, []string{`"award":"BEE"`}},
			{http.MethodPost, noms, nominate, 200, []string{`"award":"DAISY"`}},
		} {
			var w world
			app := kktest.NewApp(t)
			w = seed(t, app)
			col, _ := app.FindCollectionByNameOrId(s.Nominations)
			existing := core.NewRecord(col)
			existing.Load(map[string]any{"note": w.forWest.Id, "award": "BEE", "nominee": "Ana", "reason": "kind"})
			if err := app.Save(existing); err != nil {
				t.Fatal(err)
			}
			headers := map[string]string{}
			switch p.name {
			case "superuser":
				headers["Authorization"] = kktest.SuperuserToken(t, app)
			case "anonymous":
			default:
				headers["Authorization"] = kktest.StaffToken(t, app, p.email, p.roles...)
			}
			body := c.body
			if body != "" {
				body = strings.Replace(body, "%s", w.forWest.Id, 1)
				headers["Content-Type"] = "application/json"
			}
			sc := tests.ApiScenario{Name: p.name + " " + c.method + " nominations", Method: c.method, URL: c.url,
				Body: strings.NewReader(body), Headers: headers,
				TestAppFactory: func(testing.TB) *tests.TestApp { return app }}
			if allowed {
				sc.ExpectedStatus, sc.ExpectedContent = c.okStatus, c.okContent
			} else if c.method == http.MethodGet {
				sc.ExpectedStatus, sc.ExpectedContent, sc.NotExpectedContent = 200, []string{`"items":[]`}, []string{"BEE", "Ana"}
			} else {
				// PocketBase answers a create its rule refuses with 400
				sc.ExpectedStatus, sc.ExpectedContent = 400, []string{`"status":400`}
				sc.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) {
					if n, _ := app.CountRecords(s.Nominations); n != 1 {
						t.Errorf("%s created a nomination: %d records", p.name, n)
					}
				}
			}
			sc.Test(t)
		}
	}
}

func TestManagerEmailNeverPublic(t *testing.T) {
	for _, sc := range []tests.ApiScenario{
		{Name: "rooms list", Method: http.MethodGet, URL: "/api/collections/rooms/records", ExpectedStatus: 200,
			ExpectedContent: []string{`"slug":"4-west"`}, NotExpectedContent: []string{"manager"}},
		{Name: "rooms filtered by manager_email", Method: http.MethodGet,
			URL:            "/api/collections/rooms/records?filter=" + "manager_email~%27manager%27",
			ExpectedStatus: 400, ExpectedContent: []string{`"status":400`}},
		{Name: "start page", Method: http.MethodGet, URL: "/", ExpectedStatus: 200,
			ExpectedContent: []string{"4 West"}, NotExpectedContent: []string{"manager.4west"}},
	} {
		sc.TestAppFactory = kktest.Factory(func(t testing.TB, app *tests.TestApp) { seed(t, app) })
		sc.Test(t)
	}
}

// TestUnitDigestThroughTheTestMailer: off by default; on with SMTP and
// the setting, one mail per room with a manager and notes, with the
// week's notes as text.
func TestUnitDigestThroughTheTestMailer(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	now := time.Now()
	if n, err := recognition.SendDigests(app, now); err != nil || n != 0 || app.TestMailer.TotalSend() != 0 {
		t.Fatalf("digest with the setting off: %d sent, %v", n, err)
	}
	settings := app.Settings()
	settings.SMTP.Enabled = true
	settings.SMTP.Host = "127.0.0.1"
	settings.Meta.SenderAddress = "kindness@hospital.example"
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	if n, _ := recognition.SendDigests(app, now); n != 0 {
		t.Fatalf("digest with SMTP on but the setting off: %d sent", n)
	}
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingUnitDigest, true)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	n, err := recognition.SendDigests(app, now)
	if err != nil || n != 1 {
		t.Fatalf("digest: %d sent, %v; want 1 (only 4 West has a manager)", n, err)
	}
	msg := app.TestMailer.LastMessage()
	if len(msg.To) != 1 || msg.To[0].Address != "manager.4west@hospital.example" {
		t.Errorf("to %v", msg.To)
	}
	for _, want := range []string{"Dr Lee and the 4 West night team", "Ana in 4 West", "/rooms/4-west/huddle"} {
		if !strings.Contains(msg.Text, want) || !strings.Contains(msg.HTML, want) {
			t.Errorf("digest lacks %q:\n%s", want, msg.Text)
		}
	}
	for _, not := range []string{"the ER porters", "Pending Person", "Rejected Person", "Last Month", "<strong>everything"} {
		if strings.Contains(msg.Text, not) || strings.Contains(msg.HTML, not) {
			t.Errorf("digest has %q", not)
		}
	}
}
