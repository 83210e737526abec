package desk

import (
	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
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

// clean: the PHI guard found nothing in the record as it is now.
func clean(rec *core.Record) bool { return len(flagsOf(rec).Findings) == 0 }
