package schema

// Operations settings (issue 12).
const (
	// SettingSignupEmailDomains (kiosk_settings, text): the e-mail domains
	// sign-ups (and so the product's mails) are allowed for, comma-separated,
	// e.g. "stmary.nhs.uk, stmary.org"; empty = any.
	SettingSignupEmailDomains = "signup_email_domains"
)
