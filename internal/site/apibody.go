package site

import (
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
)

// APIBodyLimit is the largest body anyone but a superuser may send to the
// REST API (/api/...): the longest story a form takes (forms.MaxBody,
// docs/adr/0070) also fits as JSON. PocketBase's own limit is 32 MB on
// every route, and it reads a body before it answers 400 or 403: 24
// anonymous 30 MB posts to /api/realtime took the server to 836 MB.
// See docs/adr/0102.
const APIBodyLimit = forms.MaxBody

// apiBodyLimits are tighter limits for single routes (path prefix → bytes).
var apiBodyLimits = []struct {
	prefix string
	limit  int64
}{
	// a screen's subscriptions: a client id and a handful of topics
	{"/api/realtime", 16 << 10},
}

// registerAPIBodyLimit binds the REST API's body limits. Superusers keep
// PocketBase's (backup uploads, collection imports, batches are theirs).
func registerAPIBodyLimit(se *core.ServeEvent) {
	se.Router.Bind(&hook.Handler[*core.RequestEvent]{
		Id: "kkApiBodyLimit",
		// after the auth token is loaded and the rate limiter ran, before
		// PocketBase's own (looser) limit and any handler reads the body
		Priority: apis.DefaultBodyLimitMiddlewarePriority - 2,
		Func: func(e *core.RequestEvent) error {
			path := e.Request.URL.Path
			if !strings.HasPrefix(path, "/api/") || e.HasSuperuserAuth() {
				return e.Next()
			}
			limit := int64(APIBodyLimit)
			for _, r := range apiBodyLimits {
				if strings.HasPrefix(path, r.prefix) {
					limit = r.limit
				}
			}
			// PocketBase's limiter: a Content-Length over the limit is a 413
			// before anything is read; otherwise reading stops at the limit
			return apis.BodyLimit(limit).Func(e)
		},
	})
}
