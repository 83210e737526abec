package site

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// cors replaces PocketBase's CORS middleware (which `serve` binds with
// "*" unless --origins is given): only the public base URL (Settings >
// Application URL, read per request so a dashboard change applies at
// once) and the origins an operator adds with --cors / KIOSK_CORS_ORIGINS
// may read the API from another page. A foreign preflight gets 204 with
// no Access-Control-Allow-Origin, so the browser refuses the call.
// Same-origin pages need no CORS at all. An explicit "*" restores
// PocketBase's default.
//
// It keeps PocketBase's id and priority, so it runs where the original
// did (before the activity logger and the rate limiter).
func cors(app core.App, extra []string) *hook.Handler[*core.RequestEvent] {
	allowed := map[string]bool{}
	for _, o := range extra {
		if o = normalizeOrigin(o); o != "" {
			allowed[o] = true
		}
	}
	return apis.CORS(apis.CORSConfig{
		AllowOriginFunc: func(origin string) (bool, error) {
			if allowed["*"] {
				return true, nil
			}
			origin = normalizeOrigin(origin)
			if origin == "" {
				return false, nil
			}
			return allowed[origin] || origin == normalizeOrigin(app.Settings().Meta.AppURL), nil
		},
		// the same methods `serve` allows
		AllowMethods: []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodPost, http.MethodDelete},
	})
}

// normalizeOrigin turns a base URL or an origin into "scheme://host[:port]"
// in lower case, without a default port; "" if it isn't one. "*" stays "*".
func normalizeOrigin(s string) string {
	s = strings.TrimSpace(s)
	if s == "*" {
		return s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	if strings.Contains(u.Hostname(), ":") { // IPv6 literal
		host = "[" + strings.ToLower(u.Hostname()) + "]"
		if port != "" {
			host += ":" + port
		}
	}
	return strings.ToLower(u.Scheme) + "://" + host
}
