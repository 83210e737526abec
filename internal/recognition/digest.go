package recognition

import (
	"bytes"
	"fmt"
	"html/template"
	"net/mail"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// The digest goes out on Monday at 08:00 in the hospital's time zone: the
// job runs hourly and sends only in that hour, so a server in UTC still
// mails New York's managers at their 8 a.m.
const (
	digestWeekday = time.Monday
	digestHour    = 8
	digestMax     = 100
)

func registerDigest(app core.App) {
	app.Cron().MustAdd("kkUnitDigest", "0 * * * *", func() {
		now := time.Now()
		p := prefs.Load(app)
		if l := now.In(p.Location); l.Weekday() != digestWeekday || l.Hour() != digestHour {
			return
		}
		if _, err := SendDigests(app, now); err != nil {
			app.Logger().Error("unit digest", "error", err)
		}
	})
}

// DigestOn reports whether the weekly unit digest may go out: the setting
// is on (off by default) and SMTP is configured.
func DigestOn(app core.App) bool {
	if !app.Settings().SMTP.Enabled {
		return false
	}
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	return err == nil && row.GetBool(s.SettingUnitDigest)
}

// SendDigests mails every room with a manager_email its approved notes of
// the seven days before now. Rooms without notes get no mail. It returns
// how many mails went out.
func SendDigests(app core.App, now time.Time) (int, error) {
	if !DigestOn(app) {
		return 0, nil
	}
	rooms, err := app.FindRecordsByFilter(s.Rooms, "manager_email != ''", "name", 500, 0)
	if err != nil {
		return 0, err
	}
	p := prefs.Load(app)
	sent := 0
	for _, room := range rooms {
		notes, err := UnitNotes(app, room.Id, now.AddDate(0, 0, -7), digestMax)
		if err != nil {
			return sent, err
		}
		if len(notes) == 0 {
			continue
		}
		msg, err := digestMessage(app, p, room, notes, now)
		if err != nil {
			return sent, err
		}
		if err := app.NewMailClient().Send(msg); err != nil {
			app.Logger().Error("unit digest: send", "error", err, "room", room.Id)
			continue
		}
		sent++
	}
	return sent, nil
}

var digestHTML = template.Must(template.New("digest").Parse(`<p>This week's approved thank-yous for <strong>{{.Room}}</strong> ({{.Since}} – {{.Until}}):</p>
{{range .Notes}}<blockquote><p><strong>For {{.To}}</strong></p><p>{{.Body}}</p><p>— {{.From}}</p></blockquote>
{{end}}<p>Print them for the huddle: <a href="{{.Huddle}}">{{.Huddle}}</a></p>
<p>You get this because your address is this room's manager e-mail in Kindness Kiosk. An administrator can remove it.</p>`))

// digestMessage writes the mail. Note text is inserted as data (escaped
// in HTML, plain in text), never as markup.
func digestMessage(app core.App, p prefs.Prefs, room *core.Record, notes []*core.Record, now time.Time) (*mailer.Message, error) {
	type item struct{ To, Body, From string }
	items := make([]item, 0, len(notes))
	var text bytes.Buffer
	name := room.GetString(s.RoomName)
	fmt.Fprintf(&text, "This week's approved thank-yous for %s:\n\n", name)
	for _, n := range notes {
		it := item{To: n.GetString(s.NoteTo), Body: n.GetString(s.NoteBody), From: web.DisplayFrom(n.GetString(s.NoteFrom))}
		items = append(items, it)
		fmt.Fprintf(&text, "For %s\n%s\n— %s\n\n", it.To, it.Body, it.From)
	}
	settings := app.Settings()
	huddle := settings.Meta.AppURL + "/rooms/" + room.GetString(s.RoomSlug) + "/huddle"
	fmt.Fprintf(&text, "Print them for the huddle: %s\n", huddle)
	var html bytes.Buffer
	if err := digestHTML.Execute(&html, map[string]any{"Room": name, "Notes": items, "Huddle": huddle,
		"Since": longDate(p, now.AddDate(0, 0, -7)), "Until": longDate(p, now)}); err != nil {
		return nil, err
	}
	return &mailer.Message{
		From:    mail.Address{Name: settings.Meta.SenderName, Address: settings.Meta.SenderAddress},
		To:      []mail.Address{{Address: room.GetString(s.RoomManagerEmail)}},
		Subject: fmt.Sprintf("Thank-yous for %s this week (%d)", name, len(notes)),
		HTML:    html.String(),
		Text:    text.String(),
	}, nil
}
