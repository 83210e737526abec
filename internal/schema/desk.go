package schema

// The desk's settings in kiosk_settings (pb_migrations/1765005010_digest_settings.go).
const (
	// SettingDigestAfter is how many minutes an item may wait before the
	// moderators get a digest e-mail (0 = never).
	SettingDigestAfter = "digest_after_minutes"
	// SettingDigestSent is when the last digest went out (hidden): at most
	// one an hour, across restarts.
	SettingDigestSent = "digest_sent_at"
	// DefaultDigestAfter is the setting's value on a new install.
	DefaultDigestAfter = 30
)
