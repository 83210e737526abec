package events

import (
	"errors"
	"net/mail"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/routine"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
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

// mailBody is every sign-up e-mail's HTML, in the sign-up's language.
var mailBody = i18n.MustTemplate("mail", `<p>{{t "mail.signup.hello"}}</p>
<p>{{t .Lead}}</p>
<p><strong>{{.Title}}</strong><br>{{t .When}}{{with .Place}}<br>{{.}}{{end}}</p>
<p>{{if .CanCancel}}{{th "mail.signup.link_cancel_html" "Link" .Link}}{{else}}{{th "mail.signup.link_html" "Link" .Link}}{{end}}<br>{{.Link}}</p>
<p>{{t "site.name"}}</p>`)

// MailLang is the language of a sign-up's e-mails: the language of the
// page the person signed up on (signups.language), else English (a
// sign-up made through the REST API or the dashboard, or before the field).
func MailLang(rec *core.Record) i18n.Lang {
	if l, ok := i18n.Parse(rec.GetString(s.SignupLanguage)); ok {
		return l
	}
	return i18n.English
}

// signupMessage builds one sign-up's e-mail of the given kind, in the
// sign-up's language.
func signupMessage(app core.App, ev, rec *core.Record, kind mailKind) (*mailer.Message, error) {
	p := prefs.Load(app)
	lang := MailLang(rec)
	title := ev.GetString(s.EventTitle)
	when := whenText(p, ev)
	data := map[string]any{
		"Title":     title,
		"When":      when,
		"Place":     ev.GetString(s.EventPlace),
		"Link":      PersonalURL(app, rec),
		"CanCancel": kind != mailCancelled,
	}
	var subject string
	var lead i18n.Text
	switch kind {
	case mailPromotion:
		subject, lead = lang.T("mail.signup.subject_promoted", "Title", title), i18n.M("mail.signup.lead_promoted")
	case mailCancelled:
		subject, lead = lang.T("mail.signup.subject_cancelled", "Title", title), i18n.M("mail.signup.lead_cancelled")
	default:
		pos, _ := Position(app, rec)
		subject, lead = lang.T("mail.signup.subject", "Title", title), statusSentence(rec.GetString(s.FieldStatus), pos)
		if kind == mailReminder {
			subject = lang.T("mail.signup.subject_link", "Title", title)
		}
	}
	data["Lead"] = lead
	html, err := mailBody.Execute(lang, data)
	if err != nil {
		return nil, err
	}
	text := lang.T("mail.signup.text", "Lead", lead, "Title", title, "When", when, "Place", ev.GetString(s.EventPlace), "Link", data["Link"])
	settings := app.Settings()
	return &mailer.Message{
		From:    mail.Address{Name: settings.Meta.SenderName, Address: settings.Meta.SenderAddress},
		To:      []mail.Address{{Address: rec.GetString(s.SignupEmail)}},
		Subject: subject,
		HTML:    html,
		Text:    text,
	}, nil
}

// PersonalURL is the absolute link to a sign-up's own page (AppURL-based,
// for e-mails).
func PersonalURL(app core.App, rec *core.Record) string {
	return strings.TrimRight(app.Settings().Meta.AppURL, "/") + "/signups/" + rec.GetString(s.SignupToken)
}

// statusSentence says where a sign-up stands, in the reader's language.
func statusSentence(status string, position int) i18n.Text {
	switch status {
	case s.StatusConfirmed:
		return i18n.M("mail.signup.lead_confirmed")
	case s.StatusWaitlisted:
		return i18n.M("mail.signup.lead_waitlisted", "Position", position)
	default:
		return i18n.M("mail.signup.lead_signup_cancelled")
	}
}
