package desk

import (
	"fmt"
	"html"
	"net/mail"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// digestJob is the cron job's id (Settings → Crons in the dashboard).
const digestJob = "kkModeratorDigest"

// digestEvery is the least time between two digests.
const digestEvery = time.Hour

// digestSentKey keeps the last send in the app's store when there is no
// kiosk_settings row to keep it in.
const digestSentKey = "kkDigestSent"

func registerDigest(app core.App) {
	// every 5 minutes: an item is mailed about within 5 minutes of its
	// deadline; SendDigest itself keeps to one e-mail an hour
	app.Cron().MustAdd(digestJob, "*/5 * * * *", func() {
		if _, err := SendDigest(app, time.Now()); err != nil {
			app.Logger().Error("moderator digest", "error", err)
		}
	})
}

// SendDigest e-mails every moderator (role moderate) one short message
// when a note or story has waited longer than kiosk_settings'
// digest_after_minutes, at most once an hour, and only with SMTP set. It
// reports whether it sent. The message holds counts and a link, never any
// text people wrote: e-mail leaves the hospital's systems.
//
// now is a parameter so tests can move the clock.
func SendDigest(app core.App, now time.Time) (bool, error) {
	if !app.Settings().SMTP.Enabled {
		return false, nil
	}
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	after := time.Duration(s.DefaultDigestAfter) * time.Minute
	last, _ := app.Store().Get(digestSentKey).(time.Time) // no settings row: this process remembers
	if err == nil {
		after = time.Duration(row.GetInt(s.SettingDigestAfter)) * time.Minute
		last = row.GetDateTime(s.SettingDigestSent).Time()
	} else {
		row = nil
	}
	if after <= 0 || (!last.IsZero() && now.Sub(last) < digestEvery) {
		return false, nil
	}
	overdue, oldest, err := overdue(app, now.Add(-after))
	if err != nil || overdue == 0 {
		return false, err
	}
	waiting, err := Waiting(app)
	if err != nil {
		return false, err
	}
	moderators, err := app.FindRecordsByFilter(s.Moderators, s.ModeratorRoles+" ~ {:role}", "", 0, 0, dbx.Params{"role": s.RoleModerate})
	if err != nil || len(moderators) == 0 {
		return false, err
	}

	// note the send first: a crash mid-way mails again in an hour, not every 5 minutes
	app.Store().Set(digestSentKey, now)
	if row != nil {
		sentAt, _ := types.ParseDateTime(now)
		row.Set(s.SettingDigestSent, sentAt)
		if err := app.SaveNoValidate(row); err != nil {
			return false, fmt.Errorf("desk: digest: %w", err)
		}
	}
	from := mail.Address{Name: app.Settings().Meta.SenderName, Address: app.Settings().Meta.SenderAddress}
	sent := false
	for _, m := range moderators {
		subject, body := digestText(app, staffLang(m), waiting, overdue, now.Sub(oldest))
		msg := &mailer.Message{From: from, To: []mail.Address{{Address: m.Email()}}, Subject: subject, HTML: body}
		if err := app.NewMailClient().Send(msg); err != nil {
			app.Logger().Error("moderator digest", "error", err, "moderator", m.Id)
			continue
		}
		sent = true
	}
	return sent, nil
}

// overdue counts the pending items created before cutoff and returns the
// oldest one's creation time.
func overdue(app core.App, cutoff time.Time) (int, time.Time, error) {
	n := 0
	var oldest time.Time
	dt, _ := types.ParseDateTime(cutoff)
	for _, c := range []string{s.Notes, s.Stories} {
		where := dbx.NewExp("status = {:st} AND created <= {:cutoff}", dbx.Params{"st": s.StatusPending, "cutoff": dt.String()})
		k, err := app.CountRecords(c, where)
		if err != nil {
			return 0, oldest, err
		}
		if k == 0 {
			continue
		}
		n += int(k)
		first, err := app.FindRecordsByFilter(c, "status = {:st}", "created", 1, 0, dbx.Params{"st": s.StatusPending})
		if err != nil {
			return 0, oldest, err
		}
		if t := first[0].GetDateTime(s.FieldCreated).Time(); oldest.IsZero() || t.Before(oldest) {
			oldest = t
		}
	}
	return n, oldest, nil
}

// digestText is the digest's subject and HTML body in a moderator's
// language (the one they last used the desk in, ADR 0310).
func digestText(app core.App, lang i18n.Lang, waiting, overdue int, oldest time.Duration) (string, string) {
	link := strings.TrimRight(app.Settings().Meta.AppURL, "/") + Path
	body, err := digestBody.Execute(lang, map[string]any{"Waiting": i18n.M("mail.digest.items_waiting", "Count", waiting), "Overdue": overdue, "Oldest": Duration(oldest), "Link": link})
	if err != nil {
		body = html.EscapeString(link)
	}
	return lang.T("mail.digest.subject", "Count", waiting), body
}

// digestBody is the digest e-mail's HTML.
var digestBody = i18n.MustTemplate("digest", `<p>{{t "mail.digest.hello"}}</p>
<p>{{t "mail.digest.lead" "Waiting" .Waiting "Overdue" .Overdue "Oldest" .Oldest}}</p>
<p>{{th "mail.digest.open_html" "Link" .Link}}</p>
<p>{{t "mail.digest.why"}}</p>`)
