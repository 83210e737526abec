package desk_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/desk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

func digestApp(t *testing.T, smtp bool) *tests.TestApp {
	app := kktest.NewApp(t)
	seed(t, app)
	stafftest.Account(t, app, "second.mod@hospital.example", s.RoleModerate, s.RoleOrganise)
	settings := app.Settings()
	settings.SMTP.Enabled = smtp
	settings.Meta.AppURL = "https://kindness.hospital.example"
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	return app
}

func send(t *testing.T, app *tests.TestApp, at time.Time) bool {
	t.Helper()
	sent, err := desk.SendDigest(app, at)
	if err != nil {
		t.Fatal(err)
	}
	return sent
}

// TestDigest: with SMTP set, one e-mail to each moderator (role moderate)
// once an item has waited longer than the setting (30 min by default), at
// most one an hour, with counts and a link and none of the text; the
// clock is the test's.
func TestDigest(t *testing.T) {
	app := digestApp(t, true)
	now := time.Now()

	if send(t, app, now.Add(29*time.Minute)) || app.TestMailer.TotalSend() != 0 {
		t.Fatal("a digest before anything waited 30 minutes")
	}
	if !send(t, app, now.Add(31*time.Minute)) {
		t.Fatal("no digest after 31 minutes")
	}
	msgs := app.TestMailer.Messages()
	var to []string
	for _, m := range msgs {
		to = append(to, m.To[0].Address)
	}
	if strings.Join(to, ",") != modEmail+",second.mod@hospital.example" {
		t.Errorf("sent to %v; want the two moderators, not the organiser", to)
	}
	m := msgs[0]
	if m.Subject != "3 notes and stories waiting for a moderator" || !strings.Contains(m.HTML, "https://kindness.hospital.example/moderate") ||
		!strings.Contains(m.HTML, "3 of them for a while (the oldest 31 min)") {
		t.Errorf("digest: %q\n%s", m.Subject, m.HTML)
	}
	for _, text := range []string{"Kowalski", "Ana", "tea", "cup"} {
		if strings.Contains(m.HTML+m.Subject, text) {
			t.Errorf("the digest carries text people wrote (%q)", text)
		}
	}

	// at most one an hour, across restarts: the time is stored
	if send(t, app, now.Add(80*time.Minute)) {
		t.Error("a second digest within the hour")
	}
	row, _ := app.FindFirstRecordByFilter(s.Settings, "")
	if row.GetDateTime(s.SettingDigestSent).IsZero() {
		t.Error("the send time was not stored")
	}
	if !send(t, app, now.Add(92*time.Minute)) || app.TestMailer.TotalSend() != 4 {
		t.Errorf("no reminder an hour later (%d sent)", app.TestMailer.TotalSend())
	}
}

func TestDigestNotSent(t *testing.T) {
	later := time.Now().Add(3 * time.Hour)
	t.Run("without SMTP", func(t *testing.T) {
		app := digestApp(t, false)
		if send(t, app, later) || app.TestMailer.TotalSend() != 0 {
			t.Error("sent without SMTP")
		}
	})
	t.Run("setting 0 = never", func(t *testing.T) {
		app := digestApp(t, true)
		row, _ := app.FindFirstRecordByFilter(s.Settings, "")
		row.Set(s.SettingDigestAfter, 0)
		if err := app.Save(row); err != nil {
			t.Fatal(err)
		}
		if send(t, app, later) {
			t.Error("sent with the digest off")
		}
	})
	t.Run("a longer setting", func(t *testing.T) {
		app := digestApp(t, true)
		row, _ := app.FindFirstRecordByFilter(s.Settings, "")
		row.Set(s.SettingDigestAfter, 240)
		if err := app.Save(row); err != nil {
			t.Fatal(err)
		}
		if send(t, app, later) {
			t.Error("sent after 3 hours with a 4-hour setting")
		}
		if !send(t, app, later.Add(61*time.Minute)) {
			t.Error("not sent after 4 hours")
		}
	})
	t.Run("nothing waits", func(t *testing.T) {
		app := digestApp(t, true)
		for _, c := range []string{s.Notes, s.Stories} {
			recs, _ := app.FindAllRecords(c)
			for _, r := range recs {
				if err := app.Delete(r); err != nil {
					t.Fatal(err)
				}
			}
		}
		if send(t, app, later) {
			t.Error("sent with an empty queue")
		}
	})
}

// TestDigestWithoutSettingsRow: the default (30 minutes) applies and the
// hourly limit holds even with the settings row deleted.
func TestDigestWithoutSettingsRow(t *testing.T) {
	app := digestApp(t, true)
	row, _ := app.FindFirstRecordByFilter(s.Settings, "")
	if err := app.Delete(row); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if !send(t, app, now.Add(31*time.Minute)) {
		t.Fatal("no digest after 31 minutes")
	}
	if send(t, app, now.Add(36*time.Minute)) {
		t.Error("a second digest five minutes later")
	}
}

// TestDigestJobRegistered: the cron job exists (Settings → Crons).
func TestDigestJobRegistered(t *testing.T) {
	app := kktest.NewApp(t)
	for _, j := range app.Cron().Jobs() {
		if j.Id() == "kkModeratorDigest" {
			return
		}
	}
	t.Error("no digest cron job")
}
