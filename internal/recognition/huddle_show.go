package recognition

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// huddleMax bounds one sheet: a week of a busy unit fits; more would not
// be read out at a ten-minute huddle anyway.
const huddleMax = 60

type huddleNote struct {
	ID, To     string
	From, Date i18n.Text
	Body       any
}

// showHuddle is one printable page of a unit's approved notes since a day
// (default: the last seven days, from midnight in the hospital's zone),
// for the charge nurse to read at the huddle. ?since=YYYY-MM-DD picks
// another start; a malformed one is answered with the default and says so.
func (h *handler) showHuddle(e *core.RequestEvent) error {
	room, err := e.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, e.Request.PathValue("slug"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "recognition.error.no_room", nil)
	}
	p := prefs.Load(e.App)
	now := time.Now().In(p.Location)
	since := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, p.Location).AddDate(0, 0, -7)
	var badSince string
	if q := e.Request.URL.Query().Get("since"); q != "" {
		if d, err := time.ParseInLocation("2006-01-02", q, p.Location); err == nil && !d.After(now) {
			since = d
		} else {
			badSince = q
		}
	}
	notes, err := UnitNotes(e.App, room.Id, since, huddleMax+1)
	if err != nil {
		return err
	}
	more := len(notes) > huddleMax
	if more {
		notes = notes[:huddleMax]
	}
	items := make([]huddleNote, 0, len(notes))
	for _, n := range notes {
		items = append(items, huddleNote{ID: n.Id, To: n.GetString(s.NoteTo), Body: markdown.Note(n.GetString(s.NoteBody)),
			From: web.Author(n.GetString(s.NoteFrom)), Date: i18n.Day(n.GetDateTime(s.FieldCreated).Time().In(p.Location))})
	}
	return h.views.Render(e, http.StatusOK, "huddle", map[string]any{
		"Room": room.GetString(s.RoomName), "Slug": room.GetString(s.RoomSlug),
		"Since": longDate(p, since), "Until": longDate(p, now), "Notes": items, "More": more, "BadSince": badSince,
	})
}
