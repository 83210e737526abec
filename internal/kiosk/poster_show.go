package kiosk

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// posterView is the page plus the codes' addresses written short under
// them: a phone whose camera can't read the code, or a screen reader on a
// printed copy, still has something to type.
type posterView struct {
	*screenPage
	NoteShort, EventShort []string
}

// showPoster renders GET /posters/{slug}: a printable A4/Letter page with
// the room's two QR codes, so rooms without a screen can join too.
func (h *handler) showPoster(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "error.poster_no_room", nil)
	}
	page, err := h.buildPage(e.App, room)
	if err != nil {
		return err
	}
	return h.views.Render(e, http.StatusOK, "poster", posterView{screenPage: page,
		NoteShort: shortURL(page.NoteURL), EventShort: shortURL(page.EventURL)})
}
