package schema

// Dark screens: a screen that has not checked in for a while (issue 11).
const (
	// DarkScreens is the dashboard's view of screens not seen for
	// SettingDarkAfter minutes, in active rooms.
	DarkScreens = "dark_screens"
	// ScreenDarkNotified is when IT was e-mailed that the screen went dark
	// (empty: never, or it came back since: see kiosk.NotifyDarkScreens).
	ScreenDarkNotified = "dark_notified"
	// SettingDarkAfter is how many minutes without a check-in make a
	// screen dark (kiosk_settings; empty or 0 = 10).
	SettingDarkAfter = "dark_after_minutes"
)
