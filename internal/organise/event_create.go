package organise

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// createEvent handles POST /organise/events: validate → save → 303 to the
// event's organiser page. A problem re-renders the form with the message
// next to the field and everything typed kept.
func (h *handler) createEvent(e *core.RequestEvent) error {
	values, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "organise.error.form_unreadable", err)
	}
	rooms, err := activeRooms(e.App)
	if err != nil {
		return err
	}
	now := time.Now()
	f := newForm(prefs.Load(e.App).Location, rooms, now)
	f.read(values)
	f.validate(now)
	if len(f.Errors) > 0 {
		return h.renderForm(e, http.StatusUnprocessableEntity, f)
	}
	collection, err := e.App.FindCachedCollectionByNameOrId(s.Events)
	if err != nil {
		return err
	}
	ev := core.NewRecord(collection)
	f.apply(ev)
	if err := e.App.Save(ev); err != nil {
		return h.saveFailed(e, f, err)
	}
	return e.Redirect(http.StatusSeeOther, eventURL(ev.Id)+"?done=created")
}

// saveFailed shows why a save was refused, next to the field when it is
// about one, and keeps the form.
func (h *handler) saveFailed(e *core.RequestEvent, f *eventForm, err error) error {
	if f.saveError(e.App, err) {
		return h.renderForm(e, http.StatusUnprocessableEntity, f)
	}
	e.App.Logger().Error("organise: save event", "error", err, "event", f.ID)
	f.Notice = i18n.M("organise.notice.save_failed")
	return h.renderForm(e, http.StatusServiceUnavailable, f)
}
