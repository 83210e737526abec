// Package seats counts confirmed sign-ups against an event's capacity,
// for every page and screen that shows "seats left".
package seats

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Confirmed returns the number of confirmed sign-ups of an event.
func Confirmed(app core.App, eventID string) (int, error) {
	var n int
	err := app.DB().Select("count(*)").From(s.Signups).
		Where(dbx.HashExp{s.SignupEvent: eventID, s.FieldStatus: s.StatusConfirmed}).Row(&n)
	return n, err
}

// Label says what a person needs to know: seats left, a waitlist, or no limit.
func Label(capacity, confirmed int) string {
	switch left := capacity - confirmed; {
	case capacity <= 0:
		return "All welcome"
	case left <= 0:
		return "Full · waitlist open"
	case left == 1:
		return "1 seat left"
	default:
		return fmt.Sprintf("%d seats left", left)
	}
}
