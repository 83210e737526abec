package stories

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// show renders a published story; anything else is the 404 page, so a
// pending story's id reveals nothing.
func (h *handler) show(e *core.RequestEvent) error {
	rec, err := e.App.FindRecordById(s.Stories, e.Request.PathValue("id"))
	if err != nil || rec.GetString(s.FieldStatus) != s.StatusPublished {
		return h.views.Error(e, http.StatusNotFound, "error.story_not_found", nil)
	}
	p := prefs.Load(e.App)
	return h.views.Render(e, http.StatusOK, "story", map[string]any{
		"Title":  rec.GetString(s.StoryTitle),
		"Body":   rec.GetString(s.StoryBody),
		"Author": web.Author(rec.GetString(s.StoryAuthor)),
		"Date":   rec.GetDateTime(s.FieldCreated).Time().In(p.Location),
	})
}
