package stories

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/records"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// create handles POST /stories: validate → PHI guard → save pending → 303.
func (h *handler) create(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		msg := "error.form_unreadable"
		if status == http.StatusRequestEntityTooLarge {
			msg = "" // the 413 page's own words
		}
		return h.views.Error(e, status, msg, err)
	}
	if form.Get(forms.Honeypot) != "" {
		return e.Redirect(http.StatusSeeOther, "/stories/sent")
	}
	f := &storyForm{
		Title:  forms.Clean(form.Get(s.StoryTitle), false),
		Body:   forms.Clean(form.Get(s.StoryBody), true),
		Author: forms.Clean(form.Get(s.StoryAuthor), false),
		Errors: forms.Errors{},
	}
	f.Errors.Check(s.StoryTitle, keys[s.StoryTitle], f.Title, true, TitleMax)
	f.Errors.Check(s.StoryBody, keys[s.StoryBody], f.Body, true, BodyMax)
	f.Errors.Check(s.StoryAuthor, keys[s.StoryAuthor], f.Author, false, AuthorMax)
	if len(f.Errors) > 0 {
		return h.views.Render(e, http.StatusUnprocessableEntity, "story_new", f)
	}

	col, err := e.App.FindCachedCollectionByNameOrId(s.Stories)
	if err != nil {
		return err
	}
	rec := core.NewRecord(col)
	rec.Set(s.StoryTitle, f.Title)
	rec.Set(s.StoryBody, f.Body)
	rec.Set(s.StoryAuthor, f.Author)
	found := records.Guard(rec) // the same guard the save runs, once
	sentAnyway := form.Get("confirm") == "1"
	if found != nil && !sentAnyway {
		fields := map[string]string{s.StoryTitle: f.Title, s.StoryBody: f.Body, s.StoryAuthor: f.Author}
		f.Warnings, f.Highlight = forms.Warnings(found, fields, keys, order), forms.Highlight(f.Body, found[s.StoryBody])
		return h.views.Render(e, http.StatusOK, "story_new", f)
	}
	classify(rec, sentAnyway)
	if err := e.App.Save(rec); err != nil {
		e.App.Logger().Error("save story", "error", err)
		f.Errors = forms.Errors{s.StoryBody: i18n.M("story.save_failed")}
		return h.views.Render(e, http.StatusServiceUnavailable, "story_new", f)
	}
	if found != nil {
		return e.Redirect(http.StatusSeeOther, "/stories/sent?held=1")
	}
	return e.Redirect(http.StatusSeeOther, "/stories/sent")
}
