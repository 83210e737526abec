package desk

import (
	"errors"
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// undoWindow is how long a decision can be taken back at the desk.
const undoWindow = 5 * time.Minute

// undoShown is how many recent decisions the page lists.
const undoShown = 5

// Recent is one of the moderator's own recent decisions that can still be
// undone.
type Recent struct {
	Collection, ID string
	Decision       string    // catalogue key: "Approved", "Published", "Rejected"
	What           i18n.Text // "To Ana in pharmacy…" or a story's title
	// Recognise: an approved note, so the desk offers its printable card
	// and a nomination (issue 13) right where the moderator just decided
	Recognise bool
}

// recentDecisions reads the moderator's own decisions of the last few
// minutes from the audit trail (the one record of who decided what), and
// keeps those whose item still has the status they set.
func recentDecisions(app core.App, auth *core.Record, now time.Time) []Recent {
	entries, err := app.FindRecordsByFilter(s.ModerationLog,
		s.LogModerator+" = {:who} && created >= {:since} && "+s.LogTo+" != {:pending}", "-created", 50, 0,
		dbx.Params{"who": auth.Id, "since": types.NowDateTime().Add(-undoWindow).String(), "pending": s.StatusPending})
	if err != nil {
		app.Logger().Error("desk: recent decisions", "error", err)
		return nil
	}
	var out []Recent
	seen := map[string]bool{}
	for _, entry := range entries {
		key := entry.GetString(s.LogCollection) + ":" + entry.GetString(s.LogRecord)
		if seen[key] || len(out) == undoShown {
			continue
		}
		seen[key] = true
		rec := findRecord(app, entry.GetString(s.LogCollection), entry.GetString(s.LogRecord))
		if rec == nil || rec.GetString(s.FieldStatus) != entry.GetString(s.LogTo) || entry.GetDateTime(s.LogCreated).Time().Before(now.Add(-undoWindow)) {
			continue
		}
		out = append(out, Recent{Collection: rec.Collection().Name, ID: rec.Id, Decision: decisionWord(rec.GetString(s.FieldStatus)), What: what(rec),
			Recognise: rec.Collection().Name == s.Notes && rec.GetString(s.FieldStatus) == s.StatusApproved})
	}
	return out
}

func decisionWord(status string) string {
	switch status {
	case s.StatusApproved:
		return "desk.decision.approved"
	case s.StatusPublished:
		return "desk.decision.published"
	}
	return "desk.decision.rejected"
}

// what names an item in a line: "To Ana in pharmacy" or the story title.
func what(rec *core.Record) i18n.Text {
	if rec.Collection().Name == s.Notes {
		return i18n.M("desk.recent.note_to", "To", web.Excerpt(37, rec.GetString(s.NoteTo)))
	}
	return i18n.Raw(web.Excerpt(40, rec.GetString(s.StoryTitle)))
}

// undo handles POST /moderate/{collection}/{id}/undo: the moderator's own
// last decision on the item, made in the last few minutes, is taken back
// (the item waits again) and the undo is logged too.
func (h *handler) undo(e *core.RequestEvent) error {
	collection, id := e.Request.PathValue("collection"), e.Request.PathValue("id")
	rec := findRecord(e.App, collection, id)
	if rec == nil {
		return h.views.Error(e, http.StatusNotFound, "desk.error.gone", nil)
	}
	entries, err := e.App.FindRecordsByFilter(s.ModerationLog, s.LogCollection+" = {:c} && "+s.LogRecord+" = {:id}", "-created", 1, 0,
		dbx.Params{"c": collection, "id": id})
	if err != nil || len(entries) == 0 {
		return e.Redirect(http.StatusSeeOther, queueURL(msgUndoExpired))
	}
	entry := entries[0]
	if entry.GetString(s.LogModerator) != e.Auth.Id || entry.GetString(s.LogTo) == s.StatusPending ||
		time.Since(entry.GetDateTime(s.LogCreated).Time()) > undoWindow {
		return e.Redirect(http.StatusSeeOther, queueURL(msgUndoExpired))
	}
	err = transition(e.App, e.Auth, collection, id, entry.GetString(s.LogTo), entry.GetString(s.LogFrom))
	switch {
	case errors.Is(err, errMoved):
		return e.Redirect(http.StatusSeeOther, queueURL(msgUndoExpired))
	case err != nil:
		return h.views.Error(e, http.StatusInternalServerError, "", err)
	}
	return e.Redirect(http.StatusSeeOther, queueURL(msgUndone))
}
