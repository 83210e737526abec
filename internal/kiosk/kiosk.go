// Package kiosk is the break-room screen (/kiosk/{slug}), its feed, the
// live push to connected screens, the screen heartbeat and the printable
// posters (/posters/{slug}).
//
// How a screen stays current (docs/adr/0020-kiosk-transport.md): the page
// is server-rendered with every card; kiosk.js subscribes to the realtime
// topic "kiosk" on PocketBase's /api/realtime and receives card upserts and
// removals the moment a moderator acts; after every (re)connect and every
// few minutes it re-syncs from /kiosk/{slug}/feed (ETag, usually 304).
package kiosk

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Topic is the realtime subscription name screens listen to.
const Topic = "kiosk"

type handler struct {
	views *web.Views
	feeds *feedTags
}

// Register binds the screen, feed, heartbeat and poster routes and the
// hooks that push changes to connected screens.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views, feeds: bindFeedTags(app)}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		// gzip: a screen's first load must stay under 50 KB (PRODUCT.md)
		se.Router.GET("/kiosk/{slug}", h.showScreen).Bind(apis.Gzip())
		se.Router.GET("/kiosk/{slug}/feed", h.showFeed).Bind(apis.Gzip())
		se.Router.GET("/kiosk/sw.js", h.showServiceWorker)
		se.Router.POST("/kiosk/{slug}/heartbeat", h.createHeartbeat).Bind(apis.BodyLimit(4 << 10))
		se.Router.GET("/posters/{slug}", h.showPoster)
		return se.Next()
	})
	bindPush(app, views)
	bindRealtimeGuard(app)
	bindPrune(app)
	bindDarkScreens(app)
}
