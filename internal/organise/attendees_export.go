package organise

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
)

// exportAttendees serves GET /organise/events/{id}/attendees.csv: the
// same file as the superusers' /events/{id}/attendees.csv (confirmed, then
// the waitlist; spreadsheet formulas defused), downloaded with a button
// on the organiser's session instead of curl and a token.
func (h *handler) exportAttendees(e *core.RequestEvent) error {
	ev, err := h.findEvent(e)
	if ev == nil {
		return err
	}
	return events.ServeAttendeesCSV(e, ev)
}
