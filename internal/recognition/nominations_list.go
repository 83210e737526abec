package recognition

import (
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

type nominationItem struct {
	ID, Award, Reason, NoteTo string
	Date                      i18n.Text
}

// nomineeGroup is every nomination of one person in one unit: the
// committee reads them together.
type nomineeGroup struct {
	Nominee, Unit string
	Items         []nominationItem
}

// showNominations is the committee view: nominations by person and unit
// (the most nominated first), each with the award, the reason and a
// printable copy for the nominee.
func (h *handler) showNominations(e *core.RequestEvent) error {
	recs, err := e.App.FindRecordsByFilter(s.Nominations, "", "-created", 1000, 0)
	if err != nil {
		return err
	}
	p := prefs.Load(e.App)
	var groups []*nomineeGroup
	byKey := map[string]*nomineeGroup{}
	for _, r := range recs {
		name, unit := r.GetString(s.NominationName), r.GetString(s.NominationUnit)
		key := strings.ToLower(strings.TrimSpace(name)) + "\x00" + strings.ToLower(strings.TrimSpace(unit))
		g := byKey[key]
		if g == nil {
			g = &nomineeGroup{Nominee: name, Unit: unit}
			byKey[key] = g
			groups = append(groups, g)
		}
		it := nominationItem{ID: r.Id, Award: r.GetString(s.NominationAward), Reason: r.GetString(s.NominationWhy),
			Date: longDate(p, r.GetDateTime(s.FieldCreated).Time())}
		if note, err := e.App.FindRecordById(s.Notes, r.GetString(s.NominationNote)); err == nil {
			it.NoteTo = note.GetString(s.NoteTo)
		}
		g.Items = append(g.Items, it)
	}
	// most nominations first; ties keep the most recent first
	slices.SortStableFunc(groups, func(a, b *nomineeGroup) int { return len(b.Items) - len(a.Items) })
	return h.views.Render(e, http.StatusOK, "nominations", map[string]any{
		"Groups": groups, "Total": len(recs), "Saved": e.Request.URL.Query().Get("saved") != "",
	})
}
