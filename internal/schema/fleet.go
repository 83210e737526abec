package schema

// A screen is counted once it has behaved like one (issue 11 QA): a phone
// that opened /kiosk/{room} once made a screens record that later showed
// as dark on the desk.
const (
	// ScreenProvisional marks a screens record that has not yet checked
	// in for kiosk.ScreenSettle in a row: it is not listed as dark.
	ScreenProvisional = "provisional"
	// ScreenRunStart is when the screen's current unbroken run of
	// check-ins began (a gap longer than kiosk.RunGap starts a new one).
	ScreenRunStart = "run_start"
)
