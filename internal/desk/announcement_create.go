package desk

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/organise"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// createAnnouncement handles POST /moderate/announcements: text, rooms
// (none = every room), starts and ends typed in the hospital's time zone.
// A problem re-renders the form with everything kept and the message at
// the field.
func (h *handler) createAnnouncement(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "desk.error.form_unreadable", err)
	}
	now := time.Now()
	f := newAnnouncementForm(e.App, now, form["rooms"])
	f.Text = forms.Clean(form.Get(s.AnnouncementText), false)
	f.Starts, f.Ends = form.Get(s.AnnouncementStarts), form.Get(s.AnnouncementEnds)
	f.Errors.Check(s.AnnouncementText, "desk.ann.text", f.Text, true, s.AnnouncementTextMax)
	if f.Errors[s.AnnouncementText] == nil {
		if kiosk.AnnouncementPatientDetails(f.Text) != "" {
			// an announcement goes straight to the screens, with no second
			// pair of eyes: patient details are refused, not warned about
			f.Errors[s.AnnouncementText] = i18n.M("desk.ann.err.phi", "Words", patientWords(f.Text))
		}
	}

	loc := prefs.Load(e.App).Location
	starts, err := parseLocal(loc, f.Starts)
	if err != nil {
		f.Errors[s.AnnouncementStarts] = i18n.M("desk.ann.err.starts_format", "Example", now.In(loc).Format("2006-01-02 15:04"))
	}
	ends, err := parseLocal(loc, f.Ends)
	switch {
	case err != nil:
		f.Errors[s.AnnouncementEnds] = i18n.M("desk.ann.err.ends_format", "Example", now.In(loc).Add(time.Hour).Format("2006-01-02 15:04"))
	case !ends.After(now):
		f.Errors[s.AnnouncementEnds] = i18n.M("desk.ann.err.ends_past")
	case f.Errors[s.AnnouncementStarts] == nil && !ends.After(starts):
		f.Errors[s.AnnouncementEnds] = i18n.M("desk.ann.err.ends_before")
	}
	var rooms []string
	for _, r := range f.Rooms {
		if r.Checked {
			rooms = append(rooms, r.ID)
		}
	}
	if len(form["rooms"]) != len(rooms) {
		f.Errors["rooms"] = i18n.M("desk.ann.err.rooms")
	}
	if len(f.Errors) > 0 {
		p := &announcementsPage{Form: f, Announcements: currentAnnouncements(e.App, now)}
		return h.views.Render(e, http.StatusUnprocessableEntity, "desk_announcements", p)
	}

	col, err := e.App.FindCachedCollectionByNameOrId(s.Announcements)
	if err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	rec := core.NewRecord(col)
	rec.Set(s.AnnouncementText, f.Text)
	rec.Set(s.AnnouncementRooms, rooms)
	startsDT, _ := types.ParseDateTime(starts)
	endsDT, _ := types.ParseDateTime(ends)
	rec.Set(s.AnnouncementStarts, startsDT)
	rec.Set(s.AnnouncementEnds, endsDT)
	if err := e.App.Save(rec); err != nil {
		e.App.Logger().Error("desk: save announcement", "error", err)
		f.Errors[s.AnnouncementText] = i18n.M("desk.ann.err.save_failed")
		p := &announcementsPage{Form: f, Announcements: currentAnnouncements(e.App, now)}
		return h.views.Render(e, http.StatusServiceUnavailable, "desk_announcements", p)
	}
	return e.Redirect(http.StatusSeeOther, AnnouncementsPath+"?m=posted")
}

// parseLocal reads the start or end as a wall-clock time in the hospital's
// zone, the same way the organisers' pages do (DST gaps refused, plain
// text boxes of old browsers accepted).
func parseLocal(loc *time.Location, v string) (time.Time, error) { return organise.ParseLocal(loc, v) }

// patientWords says what the PHI guard found in an announcement, in the
// reader's language.
type patientWords string

// In words the findings in l.
func (p patientWords) In(l i18n.Lang) string {
	return kiosk.AnnouncementPatientDetailsIn(string(l), string(p))
}
