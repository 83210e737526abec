package stories

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
)

// storyForm is the submission form's state.
type storyForm struct {
	Title, Body, Author string
	Errors              forms.Errors
	Warnings            forms.WarningList
	Highlight           []forms.Segment
}

func (h *handler) showForm(e *core.RequestEvent) error {
	return h.views.Render(e, http.StatusOK, "story_new", &storyForm{Errors: forms.Errors{}})
}

func (h *handler) showSent(e *core.RequestEvent) error {
	return h.views.Render(e, http.StatusOK, "story_sent", map[string]any{"Held": e.Request.URL.Query().Get("held") == "1"})
}
