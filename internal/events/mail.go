package events

import (
	"errors"
	"fmt"
	"html/template"
	"net/mail"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/routine"

	"github.com/kindness-coalition/kindness-kiosk/internal/mailcap"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// bindMail e-mails people after a change is committed: the confirmation
// (with the personal link), a promotion from the waitlist, a cancelled
// event. Without SMTP in Settings > Mail nothing is sent and the pages tell
// people to keep their link. A failed send is logged, never an error for
// the person signing up.
func bindMail(app core.App) {
	bindEmailDomains(app)
	app.OnRecordAfterCreateSuccess(s.Signups).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		if MailEnabled(e.App) && e.Record.GetString(s.FieldStatus) != s.StatusCancelled {
			sendSignupMail(e.App, e.Record.Id, mailConfirmation)
		}
		return nil
	})
	app.OnRecordAfterUpdateSuccess(s.Signups).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		if MailEnabled(e.App) && e.Record.Original().GetString(s.FieldStatus) == s.StatusWaitlisted &&
			e.Record.GetString(s.FieldStatus) == s.StatusConfirmed {
			sendSignupMail(e.App, e.Record.Id, mailPromotion)
		}
		return nil
	})
	app.OnRecordAfterUpdateSuccess(s.Events).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		if MailEnabled(e.App) && e.Record.Original().GetString(s.FieldStatus) != s.StatusCancelled &&
			e.Record.GetString(s.FieldStatus) == s.StatusCancelled {
			// possibly hundreds of mails: don't hold the moderator's save
			app, id := e.App, e.Record.Id
			routine.FireAndForget(func() { mailEventCancelled(app, id) })
		}
		return nil
	})
}

// MailEnabled reports whether SMTP is configured in PocketBase's settings.
func MailEnabled(app core.App) bool { return app.Settings().SMTP.Enabled }

// linkResendEvery is how often a repeat sign-up may e-mail the link again.
const linkResendEvery = 15 * time.Minute

// SendLink e-mails a sign-up's personal link again (a repeat sign-up with
// the same address); the address owner gets it, never the person typing.
// At most once per linkResendEvery per sign-up: anyone can type anyone's
// address, and without the limit each repeat post mailed the owner again
// (20 a minute per client address), through the hospital's mail server.
func SendLink(app core.App, rec *core.Record) {
	if !MailEnabled(app) {
		return
	}
	send := false
	app.Store().SetFunc("kkLinkSent:"+rec.Id, func(old any) any {
		if last, ok := old.(time.Time); ok && time.Since(last) < linkResendEvery {
			return old
		}
		send = true
		return time.Now()
	})
	if send {
		sendSignupMail(app, rec.Id, mailReminder)
	}
}

type mailKind int

const (
	mailConfirmation mailKind = iota
	mailPromotion
	mailReminder
	mailCancelled
)

// sendSignupMail re-reads the sign-up (the committed state, not the hook's
// copy) and sends one message; a sign-up deleted meanwhile gets nothing.
func sendSignupMail(app core.App, signupID string, kind mailKind) {
	rec, err := app.FindRecordById(s.Signups, signupID)
	if err != nil {
		return
	}
	ev, err := app.FindRecordById(s.Events, rec.GetString(s.SignupEvent))
	if err != nil {
		return
	}
	if kind == mailPromotion && ev.GetString(s.FieldStatus) == s.StatusCancelled {
		return
	}
	if !EmailDomainAllowed(app, rec.GetString(s.SignupEmail)) {
		// signed up before the allowed domains were set
		app.Logger().Warn("sign-up e-mail not sent: the address's domain is not allowed", "signup", rec.Id)
		return
	}
	msg, err := signupMessage(app, ev, rec, kind)
	if err == nil {
		if kind == mailCancelled {
			mailcap.Wait(app, msg) // in the background: every notice goes, in turn
		}
		err = app.NewMailClient().Send(msg)
	}
	switch {
	case errors.Is(err, mailcap.ErrOverCap):
		// the person's own page has everything the mail would have said
		app.Logger().Warn("sign-up e-mail "+err.Error(), "cap", mailcap.PerMinute, "signup", rec.Id)
	case err != nil:
		app.Logger().Error("sign-up e-mail", "error", err, "signup", rec.Id)
	}
}

// mailEventCancelled tells everyone with a live sign-up.
func mailEventCancelled(app core.App, eventID string) {
	recs, err := app.FindAllRecords(s.Signups, dbx.HashExp{s.SignupEvent: eventID},
		dbx.Not(dbx.HashExp{s.FieldStatus: s.StatusCancelled}))
	if err != nil {
		app.Logger().Error("cancelled-event e-mails", "error", err, "event", eventID)
		return
	}
	for _, rec := range recs {
		sendSignupMail(app, rec.Id, mailCancelled)
	}
}

// mailBody holds no text a person typed (not even their name): the sign-up
// form would otherwise let anyone put words in a mail from the hospital's
// sender to any address (see mail_guard.go).
var mailBody = template.Must(template.New("mail").Parse(`<p>Hello,</p>
<p>{{.Lead}}</p>
<p><strong>{{.Title}}</strong><br>{{.When}}{{with .Place}}<br>{{.}}{{end}}</p>
<p><a href="{{.Link}}">Your sign-up</a>: see your place, add it to your calendar{{if .CanCancel}}, or cancel if you can't come{{end}}.<br>{{.Link}}</p>
<p>Kindness Kiosk</p>`))

func signupMessage(app core.App, ev, rec *core.Record, kind mailKind) (*mailer.Message, error) {
	p := prefs.Load(app)
	title := ev.GetString(s.EventTitle)
	data := map[string]any{
		"Title":     title,
		"When":      whenText(p, ev),
		"Place":     ev.GetString(s.EventPlace),
		"Link":      PersonalURL(app, rec),
		"CanCancel": kind != mailCancelled,
	}
	var subject, lead string
	switch kind {
	case mailPromotion:
		subject, lead = "You have a seat: "+title, "Good news: a seat came free and it is yours. You are confirmed."
	case mailCancelled:
		subject, lead = "Cancelled: "+title, "Sorry: this event has been cancelled. You don't need to do anything."
	default:
		pos, _ := Position(app, rec)
		subject, lead = "Your sign-up: "+title, statusSentence(rec.GetString(s.FieldStatus), pos)
		if kind == mailReminder {
			subject = "Your sign-up link: " + title
		}
	}
	data["Lead"] = lead
	var html strings.Builder
	if err := mailBody.Execute(&html, data); err != nil {
		return nil, err
	}
	text := fmt.Sprintf("Hello,\n\n%s\n\n%s\n%s\n%s\n\nYour sign-up: %s\n", lead, title, data["When"], data["Place"], data["Link"])
	settings := app.Settings()
	return &mailer.Message{
		From:    mail.Address{Name: settings.Meta.SenderName, Address: settings.Meta.SenderAddress},
		To:      []mail.Address{{Address: rec.GetString(s.SignupEmail)}},
		Subject: subject,
		HTML:    html.String(),
		Text:    text,
	}, nil
}

// PersonalURL is the absolute link to a sign-up's own page (AppURL-based,
// for e-mails).
func PersonalURL(app core.App, rec *core.Record) string {
	return strings.TrimRight(app.Settings().Meta.AppURL, "/") + "/signups/" + rec.GetString(s.SignupToken)
}

// statusSentence says where a person stands, in one line.
func statusSentence(status string, position int) string {
	switch status {
	case s.StatusConfirmed:
		return "You're confirmed: your seat is booked."
	case s.StatusWaitlisted:
		return fmt.Sprintf("The event is full, so you're on the waitlist at number %d. If a seat comes free it goes to the next person in line, and we'll tell you.", position)
	default:
		return "Your sign-up is cancelled."
	}
}
