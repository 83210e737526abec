package desk

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// queuePage is what desk_queue.html receives.
type queuePage struct {
	Count   int
	Newest  string // key of the newest pending item (for desk.js's poll)
	Items   []Item
	More    int      // pending beyond the ones shown
	Clean   []string // keys of the shown items without findings
	Recent  []Recent
	Message string // catalogue key of a message after a redirect
	Staff   string
	// the desk's other sections
	Announcements []Announcement
	DarkScreens   []DarkScreen
}

// showQueue renders GET /moderate: everything that waits, oldest first.
func (h *handler) showQueue(e *core.RequestEvent) error {
	p, err := loadQueue(e.App, e.Auth, time.Now())
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	p.Message = messages[e.Request.URL.Query().Get("m")]
	rememberLanguage(e, web.Lang(e))
	return h.views.Render(e, http.StatusOK, "desk_queue", p)
}

func loadQueue(app core.App, auth *core.Record, now time.Time) (*queuePage, error) {
	count, err := Waiting(app)
	if err != nil {
		return nil, err
	}
	recs, err := oldestPending(app, queueLimit)
	if err != nil {
		return nil, err
	}
	p := &queuePage{Count: count, Newest: newest(app), Items: newItems(app, recs, now), Staff: staff.Name(auth)}
	p.More = count - len(p.Items)
	for _, it := range p.Items {
		if it.Clean() {
			p.Clean = append(p.Clean, it.Key())
		}
	}
	p.Recent = recentDecisions(app, auth, now)
	p.Announcements = currentAnnouncements(app, now)
	p.DarkScreens = darkScreens(app, now)
	return p, nil
}

// showCount answers GET /moderate/count for desk.js's poll: the number
// waiting and the newest item's key, so the page knows when to refresh.
func (h *handler) showCount(e *core.RequestEvent) error {
	count, err := Waiting(e.App)
	if err != nil {
		return err
	}
	e.Response.Header().Set("Cache-Control", "no-store")
	return e.JSON(http.StatusOK, map[string]any{"count": count, "newest": newest(e.App)})
}
