package events

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Mail guard: the sign-up form lets anyone make the hospital's mail server
// write to an address they type. Three things keep that from being useful
// to a phisher (issue 12, docs/adr/0106):
//   - mails carry no free text a person typed (name, unit): only the
//     organisers' event text and the personal link;
//   - kiosk_settings.signup_email_domains can allow only some domains
//     (e.g. the hospital's): the form, the REST API and the dashboard
//     refuse a new sign-up elsewhere, and no mail goes elsewhere either;
//   - all outgoing mail is capped (internal/mailcap).

// AllowedEmailDomains is the kiosk_settings list of e-mail domains sign-ups
// are allowed for (lowercase, without "@"); nil means any.
func AllowedEmailDomains(app core.App) []string {
	rec, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		return nil
	}
	var out []string
	for _, d := range strings.FieldsFunc(rec.GetString(s.SettingSignupEmailDomains), func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n'
	}) {
		if d = strings.ToLower(strings.Trim(d, "@. ")); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// EmailDomainAllowed reports whether addr's domain is one of the allowed
// ones or below one (staff@icu.stmary.nhs.uk for stmary.nhs.uk).
func EmailDomainAllowed(app core.App, addr string) bool {
	allowed := AllowedEmailDomains(app)
	if len(allowed) == 0 {
		return true
	}
	domain := strings.ToLower(strings.TrimSpace(addr[strings.LastIndex(addr, "@")+1:]))
	for _, d := range allowed {
		if domain == d || strings.HasSuffix(domain, "."+d) {
			return true
		}
	}
	return false
}

// emailRefused is the message next to the e-mail field for an address
// the form can't take: which domains it takes, when that is the reason.
func emailRefused(app core.App, email string) *i18n.Msg {
	if !EmailDomainAllowed(app, email) {
		domains := AllowedEmailDomains(app)
		at := make(i18n.OrList, len(domains))
		for i, d := range domains {
			at[i] = "@" + d
		}
		return i18n.M("signup.email.domain", "Domains", at)
	}
	return i18n.M("signup.email.invalid")
}

// emailRefusedMessage is [emailRefused] in English, for the REST API's
// answer and the dashboard.
func emailRefusedMessage(app core.App, email string) string {
	return emailRefused(app, email).In(i18n.English)
}

// bindEmailDomains refuses a new sign-up outside the allowed domains
// however it arrives (form, REST API, dashboard), as a field error on
// email. Existing sign-ups stay valid: cancelling or promoting them must
// keep working after the setting changes; they just get no more mail.
func bindEmailDomains(app core.App) {
	app.OnRecordValidate(s.Signups).BindFunc(func(e *core.RecordEvent) error {
		if e.Record.IsNew() && !EmailDomainAllowed(e.App, e.Record.GetString(s.SignupEmail)) {
			msg := emailRefusedMessage(e.App, e.Record.GetString(s.SignupEmail))
			return router.NewBadRequestError(msg, map[string]router.SafeErrorItem{
				s.SignupEmail: domainError(msg),
			})
		}
		return e.Next()
	})
}

// domainError is the e-mail field's message in the API's answer (and under
// the field in the dashboard).
type domainError string

func (d domainError) Code() string  { return "validation_email_domain_not_allowed" }
func (d domainError) Error() string { return string(d) }
