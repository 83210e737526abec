package kiosk

import (
	"fmt"
	"net/mail"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// startedKey is where Register notes when the app started, in its store.
const startedKey = "kkStarted"

// NotifyDarkScreens e-mails IT (every superuser) once about the screens
// that have gone dark since they were last told, and returns how many
// screens the e-mail named. One e-mail per run, whatever the number of
// screens; a screen is named again only after it came back and went dark
// again. Without SMTP (Settings > Mail) it sends nothing: the desk and
// the dashboard's dark_screens view still list them.
//
// Until the app has been up for the dark-after time it sends nothing:
// after a server outage every screen looks dark until it checks in again
// (within a minute), and IT knows about the outage.
func NotifyDarkScreens(app core.App, now time.Time) (int, error) {
	if !app.Settings().SMTP.Enabled {
		return 0, nil
	}
	p := prefs.Load(app)
	if started, ok := app.Store().Get(startedKey).(time.Time); ok && now.Sub(started) < p.DarkAfter {
		return 0, nil
	}
	dark, err := DarkScreens(app, now)
	if err != nil {
		return 0, err
	}
	var fresh []DarkScreen
	for _, d := range dark {
		// told before, and not seen since: it is the same outage
		if !d.Notified.IsZero() && !d.Notified.Before(d.LastSeen) {
			continue
		}
		fresh = append(fresh, d)
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	to, err := itAddresses(app)
	if err != nil || len(to) == 0 {
		return 0, err
	}
	msg, err := darkMessage(app, p, fresh, to, now)
	if err != nil {
		return 0, err
	}
	if err := app.NewMailClient().Send(msg); err != nil {
		return 0, fmt.Errorf("dark screens e-mail: %w", err)
	}
	stamp, err := types.ParseDateTime(now)
	if err != nil {
		return 0, err
	}
	for _, d := range fresh {
		// only this column: a check-in arriving meanwhile keeps its last_seen
		if _, err := app.NonconcurrentDB().Update(s.Screens, dbx.Params{s.ScreenDarkNotified: stamp.String()},
			dbx.HashExp{"id": d.ID}).Execute(); err != nil {
			return len(fresh), err
		}
	}
	return len(fresh), nil
}

// itAddresses are the superusers' e-mail addresses: the admins who run
// the kiosk are the ones who can walk to a TV or call someone who can.
func itAddresses(app core.App) ([]mail.Address, error) {
	admins, err := app.FindAllRecords(core.CollectionNameSuperusers)
	if err != nil {
		return nil, err
	}
	var to []mail.Address
	for _, a := range admins {
		if e := a.Email(); e != "" {
			to = append(to, mail.Address{Address: e})
		}
	}
	return to, nil
}

// darkMail is the e-mail to IT about screens that went dark.
var darkMail = i18n.MustTemplate("dark", `<p>{{if eq (len .Screens) 1}}{{t "mail.dark.lead_one" "Minutes" .After}}{{else}}{{t "mail.dark.lead_many" "Screens" (len .Screens) "Minutes" .After}}{{end}}</p>
<ul>{{range .Screens}}
<li><strong>{{.Room}}</strong> ({{.URL}}): {{t .Seen}}{{with .Agent}}<br><small>{{.}}</small>{{end}}</li>{{end}}
</ul>
<p>{{t "mail.dark.why"}}</p>
<p>{{if .Dashboard}}{{th "mail.dark.list_link_html" "Link" .Dashboard}}{{else}}{{th "mail.dark.list_html"}}{{end}} {{t "mail.dark.once"}}</p>
<p>{{t "site.name"}}</p>`)

// darkMessage writes the e-mail in English: it goes to the superusers,
// whose language the product doesn't know (ADR 0310).
func darkMessage(app core.App, p prefs.Prefs, dark []DarkScreen, to []mail.Address, now time.Time) (*mailer.Message, error) {
	lang := i18n.English
	type row struct {
		Room, URL, Agent string
		Seen             i18n.Text
	}
	appURL := app.Settings().Meta.AppURL
	data := struct {
		Screens   []row
		After     int
		Dashboard string
	}{After: int(p.DarkAfter / time.Minute)}
	if appURL != "" {
		data.Dashboard = appURL + "/_/"
	}
	for _, d := range dark {
		seen := i18n.Text(i18n.M("mail.dark.never_seen"))
		if !d.LastSeen.IsZero() {
			local := d.LastSeen.In(p.Location)
			seen = i18n.M("mail.dark.last_seen", "Day", i18n.Day(local), "Time", i18n.Clock(local), "Ago", i18n.M("mail.dark.minutes_ago", "Count", int(d.DarkFor(now)/time.Minute)))
		}
		data.Screens = append(data.Screens, row{Room: d.RoomName, URL: appURL + "/kiosk/" + d.RoomSlug, Seen: seen, Agent: d.UserAgent})
	}
	body, err := darkMail.Execute(lang, data)
	if err != nil {
		return nil, err
	}
	subject := lang.T("mail.dark.subject_one", "Room", dark[0].RoomName)
	if len(dark) > 1 {
		subject = lang.T("mail.dark.subject_many", "Screens", len(dark))
	}
	settings := app.Settings()
	return &mailer.Message{
		From:    mail.Address{Name: settings.Meta.SenderName, Address: settings.Meta.SenderAddress},
		To:      to,
		Subject: subject,
		HTML:    body,
	}, nil
}

// bindDarkScreens checks for dark screens every minute (they check in
// every minute).
func bindDarkScreens(app core.App) {
	app.Store().Set(startedKey, time.Now())
	app.Cron().MustAdd("kkDarkScreens", "* * * * *", func() {
		if n, err := NotifyDarkScreens(app, time.Now()); err != nil {
			app.Logger().Error("dark screens", "error", err)
		} else if n > 0 {
			app.Logger().Info("e-mailed IT about dark screens", "count", n)
		}
	})
}
