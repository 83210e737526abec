package desk

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// announcementDeletePage is what desk_announcement_delete.html receives.
type announcementDeletePage struct {
	ID, Text string
}

// deleteAnnouncement handles POST /moderate/announcements/{id}/delete in
// two steps, so a slip of the finger on a phone doesn't take a notice off
// every screen: the list's Delete button brings a page that shows the
// notice and asks; its "Delete it" posts again with confirm=1, and only
// then the record goes (the kiosk's hook drops it from the screens at
// once) and the announcements page says it was deleted. Plain forms: no
// script needed.
func (h *handler) deleteAnnouncement(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "staff.err.cant_read", err)
	}
	rec, err := e.App.FindRecordById(s.Announcements, e.Request.PathValue("id"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "staff.ann.gone", nil)
	}
	if form.Get("confirm") != "1" {
		p := &announcementDeletePage{ID: rec.Id, Text: rec.GetString(s.AnnouncementText)}
		return h.views.Render(e, http.StatusOK, "desk_announcement_delete", p)
	}
	if err := e.App.Delete(rec); err != nil {
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	return e.Redirect(http.StatusSeeOther, AnnouncementsPath+"?m=deleted")
}
