package desk

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// AnnouncementsPath is the page to post and remove announcements.
const AnnouncementsPath = Path + "/announcements"

// Announcement is one notice as the desk lists it.
type Announcement struct {
	ID, Text string
	Rooms    i18n.Text // "Every room" or the room names
	When     i18n.Text // "Now, until Tue 3 Dec 16:00" / "Wed 4 Dec 09:00 – 17:00"
	Live     bool
}

// announcementsShown caps the desk's list (the screens hold at most a few).
const announcementsShown = 20

// currentAnnouncements lists the notices not yet ended, soonest first,
// with times in the hospital's time zone.
func currentAnnouncements(app core.App, now time.Time) []Announcement {
	nowDT, _ := types.ParseDateTime(now)
	recs, err := app.FindRecordsByFilter(s.Announcements, "ends > {:now}", "starts", announcementsShown, 0, dbx.Params{"now": nowDT.String()})
	if err != nil {
		app.Logger().Error("desk: announcements", "error", err)
		return nil
	}
	names := roomNames(app)
	p := prefs.Load(app)
	out := make([]Announcement, 0, len(recs))
	for _, r := range recs {
		starts, ends := r.GetDateTime(s.AnnouncementStarts).Time(), r.GetDateTime(s.AnnouncementEnds).Time()
		a := Announcement{ID: r.Id, Text: r.GetString(s.AnnouncementText), Live: !starts.After(now), Rooms: i18n.M("desk.ann.every_room")}
		var rooms []string
		for _, id := range r.GetStringSlice(s.AnnouncementRooms) {
			if n, ok := names[id]; ok {
				rooms = append(rooms, n)
			}
		}
		if len(rooms) > 0 {
			a.Rooms = i18n.Raw(strings.Join(rooms, ", "))
		}
		startsL, endsL := starts.In(p.Location), ends.In(p.Location)
		until := dayTime(endsL)
		if a.Live {
			a.When = i18n.M("desk.ann.now_until", "Until", until)
		} else {
			if p.FormatDay(starts) == p.FormatDay(ends) {
				until = i18n.Clock(endsL)
			}
			a.When = i18n.M("desk.ann.range", "From", dayTime(startsL), "To", until)
		}
		out = append(out, a)
	}
	return out
}

// roomNames maps every room's id to its name.
func roomNames(app core.App) map[string]string {
	rooms, err := app.FindAllRecords(s.Rooms)
	names := map[string]string{}
	if err != nil {
		return names
	}
	for _, r := range rooms {
		names[r.Id] = r.GetString(s.RoomName)
	}
	return names
}

// roomChoice is one checkbox of the form.
type roomChoice struct {
	ID, Name string
	Checked  bool
}

// announcementForm is the page's form state.
type announcementForm struct {
	Text, Starts, Ends string // as typed (datetime-local values, hospital time)
	Rooms              []roomChoice
	Zone               string // the time zone the times are in
	Errors             forms.Errors
}

// announcementsPage is what desk_announcements.html receives.
type announcementsPage struct {
	Form          *announcementForm
	Announcements []Announcement
	Posted        bool
	Deleted       bool
}

// inputLayout is what <input type="datetime-local"> sends and shows.
const inputLayout = "2006-01-02T15:04"

func newAnnouncementForm(app core.App, now time.Time, checked []string) *announcementForm {
	p := prefs.Load(app)
	local := now.In(p.Location).Truncate(time.Minute)
	end := time.Date(local.Year(), local.Month(), local.Day(), 23, 59, 0, 0, p.Location)
	if end.Sub(local) < time.Hour {
		end = local.Add(4 * time.Hour)
	}
	f := &announcementForm{Starts: local.Format(inputLayout), Ends: end.Format(inputLayout), Zone: zoneName(p.Location, now), Errors: forms.Errors{}}
	rooms, _ := app.FindRecordsByFilter(s.Rooms, "active = true", "name", 200, 0)
	for _, r := range rooms {
		f.Rooms = append(f.Rooms, roomChoice{ID: r.Id, Name: r.GetString(s.RoomName), Checked: slices.Contains(checked, r.Id)})
	}
	return f
}

// zoneName says which zone the form's times are in, e.g. "Europe/London (GMT)".
func zoneName(loc *time.Location, now time.Time) string {
	abbr, _ := now.In(loc).Zone()
	if loc.String() == "Local" || loc.String() == "" {
		return abbr
	}
	if abbr == "" || strings.HasPrefix(abbr, "+") || strings.HasPrefix(abbr, "-") {
		return loc.String()
	}
	return loc.String() + " (" + abbr + ")"
}

// showAnnouncements renders GET /moderate/announcements.
func (h *handler) showAnnouncements(e *core.RequestEvent) error {
	now := time.Now()
	p := &announcementsPage{Form: newAnnouncementForm(e.App, now, nil), Announcements: currentAnnouncements(e.App, now),
		Posted: e.Request.URL.Query().Get("m") == "posted", Deleted: e.Request.URL.Query().Get("m") == "deleted"}
	return h.views.Render(e, http.StatusOK, "desk_announcements", p)
}
