package recognition

import (
	"net/mail"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
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

var digestHTML = i18n.MustTemplate("digest", `<p>{{th "mail.unit_digest.lead_html" "Room" .Room "Since" .Since "Until" .Until}}</p>
{{range .Notes}}<blockquote><p><strong>{{t "mail.unit_digest.for" "To" .To}}</strong></p><p>{{.Body}}</p><p>— {{t .From}}</p></blockquote>
{{end}}<p>{{t "mail.unit_digest.print"}} <a href="{{.Huddle}}">{{.Huddle}}</a></p>
<p>{{t "mail.unit_digest.why"}}</p>`)

// digestMessage writes one room's digest in the room's language (the first
// of en+es: a room that alternates gets English), ADR 0310.
func digestMessage(app core.App, p prefs.Prefs, room *core.Record, notes []*core.Record, now time.Time) (*mailer.Message, error) {
	type item struct {
		To, Body string
		From     i18n.Text
	}
	lang := i18n.RoomLangs(room.GetString(s.RoomLanguage))[0]
	items := make([]item, 0, len(notes))
	var text strings.Builder
	name := room.GetString(s.RoomName)
	since, until := longDate(p, now.AddDate(0, 0, -7)), longDate(p, now)
	text.WriteString(lang.T("mail.unit_digest.lead_text", "Room", name, "Since", since, "Until", until) + "\n\n")
	for _, n := range notes {
		it := item{To: n.GetString(s.NoteTo), Body: n.GetString(s.NoteBody), From: web.Author(n.GetString(s.NoteFrom))}
		items = append(items, it)
		text.WriteString(lang.T("mail.unit_digest.for", "To", it.To) + "\n" + it.Body + "\n— " + it.From.In(lang) + "\n\n")
	}
	settings := app.Settings()
	huddle := settings.Meta.AppURL + "/rooms/" + room.GetString(s.RoomSlug) + "/huddle"
	text.WriteString(lang.T("mail.unit_digest.print") + " " + huddle + "\n")
	html, err := digestHTML.Execute(lang, map[string]any{"Room": name, "Notes": items, "Huddle": huddle, "Since": since, "Until": until})
	if err != nil {
		return nil, err
	}
	return &mailer.Message{
		From:    mail.Address{Name: settings.Meta.SenderName, Address: settings.Meta.SenderAddress},
		To:      []mail.Address{{Address: room.GetString(s.RoomManagerEmail)}},
		Subject: lang.T("mail.unit_digest.subject", "Room", name, "Notes", len(notes)),
		HTML:    html,
		Text:    text.String(),
	}, nil
}
