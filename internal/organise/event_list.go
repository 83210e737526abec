package organise

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
)

// maxPast is how many past events the start page keeps in reach (their
// attendee lists are still wanted for a week or two).
const maxPast = 20

type listPage struct {
	Who      string
	Zone     i18n.Text
	Upcoming []events.View // not ended: drafts, published and cancelled
	Past     []events.View
}

// list renders GET /organise: every event not yet over (drafts too), then
// recent past ones, each with its seats and a way to its attendees.
func (h *handler) list(e *core.RequestEvent) error {
	up, err := events.Upcoming(e.App, events.Query{Cancelled: true, Drafts: true})
	if err != nil {
		return err
	}
	past, err := events.Ended(e.App, maxPast)
	if err != nil {
		return err
	}
	return h.views.Render(e, http.StatusOK, "organise_list", listPage{
		Who: staff.Name(e.Auth), Zone: zoneNote(prefs.Load(e.App).Location, time.Now()), Upcoming: up, Past: past,
	})
}
