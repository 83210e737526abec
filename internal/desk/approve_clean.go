package desk

import (
	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/strongwords"
)

// approveClean handles POST /moderate/approve-clean: "approve all N
// without findings". The form lists the items the moderator saw (name
// "item", "notes:abc"), so nothing that arrived since is approved unseen;
// each is checked again (still pending, still no findings) before it is
// approved.
func (h *handler) approveClean(e *core.RequestEvent) error {
	form, status, err := forms.Parse(e.Request)
	if err != nil {
		return h.views.Error(e, status, "desk.error.form_unreadable", err)
	}
	keys := form["item"]
	if len(keys) > queueLimit {
		keys = keys[:queueLimit]
	}
	skipped := false
	for _, key := range keys {
		collection, id, _ := strings.Cut(key, ":")
		if findRecord(e.App, collection, id) == nil {
			skipped = true
			continue
		}
		err := transition(e.App, e.Auth, collection, id, s.StatusPending, kinds[collection].Approved, clean)
		switch {
		case errors.Is(err, errMoved):
			skipped = true
		case err != nil:
			return h.views.Error(e, http.StatusInternalServerError, "", err)
		}
	}
	if skipped {
		return e.Redirect(http.StatusSeeOther, queueURL(msgDecided))
	}
	return e.Redirect(http.StatusSeeOther, queueURL(""))
}

// clean: the PHI guard found nothing in the record as it is now, and it
// has no strong language (that one waits for a moderator's own tap).
func clean(rec *core.Record) bool { return len(flagsOf(rec).Findings) == 0 && !hasStrongLanguage(rec) }

// hasStrongLanguage: a word of internal/strongwords' list in the note's or
// story's text, heading or name.
func hasStrongLanguage(rec *core.Record) bool {
	k, ok := kinds[rec.Collection().Name]
	if !ok {
		return false
	}
	return strongwords.In(rec.GetString(k.Fields[0]), rec.GetString(k.Fields[1]), rec.GetString(k.Fields[2]))
}
