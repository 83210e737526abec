// Package desk is the moderation desk at /moderate: what waits, oldest
// first, with the PHI guard's findings highlighted and named in plain
// words; one tap approves or rejects; edit to redact (the record hook
// re-scans); approve every item without findings at once; undo for a few
// minutes; and a digest e-mail when something has waited too long.
//
// It is the product's own page for `moderators` accounts with the
// `moderate` role (and superusers), signed in through internal/staff. It
// works without JavaScript; pb_public/js/desk.js only adds keyboard
// shortcuts, decisions without a page reload and a live count.
package desk

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Path is the desk's address.
const Path = "/moderate"

type handler struct{ views *web.Views }

// Register binds the desk's routes and the digest job.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		guard := staff.Require(s.RoleModerate)
		limit := apis.BodyLimit(forms.MaxBody)
		se.Router.GET(Path, h.showQueue).Bind(guard)
		se.Router.GET(Path+"/count", h.showCount).Bind(guard)
		se.Router.POST(Path+"/approve-clean", h.approveClean).Bind(guard, limit)
		se.Router.POST(Path+"/{collection}/{id}/approve", h.approve).Bind(guard, limit)
		se.Router.POST(Path+"/{collection}/{id}/reject", h.reject).Bind(guard, limit)
		se.Router.POST(Path+"/{collection}/{id}/undo", h.undo).Bind(guard, limit)
		se.Router.GET(AnnouncementsPath, h.showAnnouncements).Bind(guard)
		se.Router.POST(AnnouncementsPath, h.createAnnouncement).Bind(guard, limit)
		se.Router.POST(AnnouncementsPath+"/{id}/delete", h.deleteAnnouncement).Bind(guard, limit)
		se.Router.GET(Path+"/{collection}/{id}/edit", h.showEdit).Bind(guard)
		se.Router.POST(Path+"/{collection}/{id}/edit", h.saveEdit).Bind(guard, limit)
		return se.Next()
	})
	registerDigest(app)
}
