// Package site wires the product into a PocketBase app: middlewares,
// the domain packages' routes and hooks, the embedded static files.
//
// main.go calls [Register] once; tests call it through internal/kktest.
package site

import (
	"fmt"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/kindness-coalition/kindness-kiosk/internal/desk"
	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/home"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/mailcap"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	"github.com/kindness-coalition/kindness-kiosk/internal/notes"
	"github.com/kindness-coalition/kindness-kiosk/internal/organise"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	"github.com/kindness-coalition/kindness-kiosk/internal/records"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
	"github.com/kindness-coalition/kindness-kiosk/internal/stories"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Config is what main.go hands over.
type Config struct {
	// Public holds the static assets (pb_public's css/, js/, img/).
	Public fs.FS
	// AppURL, when set, overrides Settings > Meta.AppURL at start
	// (from --app-url or KIOSK_APP_URL). QR codes encode it.
	AppURL string
	// CORSOrigins are extra origins allowed to call the API from a browser
	// page elsewhere (--cors / KIOSK_CORS_ORIGINS); the AppURL's origin
	// always is. "*" restores PocketBase's allow-all.
	CORSOrigins []string
}

// Register binds everything the product adds to PocketBase.
func Register(app core.App, cfg Config) (*web.Views, error) {
	views, err := web.New(cfg.Public)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}

	// record defaults and guards that hold for every way a record arrives
	records.Register(app)
	registerJournal(app)
	mailcap.Register(app)
	prefs.Register(app)
	storage.Register(app) // a VACUUM a migration asked for, before serving
	// domain pages and their hooks
	i18n.Register(app) // the language switch
	home.Register(app, views)
	notes.Register(app, views)
	stories.Register(app, views)
	moderation.Register(app)
	kiosk.Register(app, views)
	events.Register(app, views)
	recognition.Register(app, views)
	organise.Register(app, views)
	staff.Register(app, views)
	desk.Register(app, views)

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Func: func(se *core.ServeEvent) error {
			if err := applyAppURL(se.App, cfg.AppURL); err != nil {
				return err
			}
			registerMiddlewares(se, views)
			registerFormBodyLimit(se, views)
			registerAPIBodyLimit(se)
			registerHealth(se)
			registerCORS(se, cfg.CORSOrigins)
			registerShutdown(se)
			registerStatic(se, views)
			return se.Next()
		},
		// after the domain packages have bound their routes
		Priority: 999,
	})

	return views, nil
}

// registerMiddlewares adds HTML error pages, security headers and
// cross-origin protection to the HTML site (not to /api/ or /_/).
func registerMiddlewares(se *core.ServeEvent, views *web.Views) {
	// outside PocketBase's panic recovery and rate limiter, so their errors
	// become HTML pages too
	se.Router.Bind(&hook.Handler[*core.RequestEvent]{
		Id:       "kkHTMLErrors",
		Func:     views.HTMLErrors,
		Priority: apis.DefaultRateLimitMiddlewarePriority - 35,
	})
	se.Router.Bind(&hook.Handler[*core.RequestEvent]{
		Id:       "kkSecurity",
		Func:     securityHeaders(),
		Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 1,
	})
}

// registerCORS swaps PocketBase's allow-all CORS for the AppURL-only one.
func registerCORS(se *core.ServeEvent, extra []string) {
	se.Router.Unbind(apis.DefaultCorsMiddlewareId)
	se.Router.Bind(cors(se.App, extra))
}

// registerStatic serves the embedded assets; anything else is the 404 page.
func registerStatic(se *core.ServeEvent, views *web.Views) {
	if se.Router.HasRoute(http.MethodGet, "/{path...}") {
		return
	}
	static := apis.Static(views.Assets().FS(), false)
	se.Router.GET("/{path...}", func(e *core.RequestEvent) error {
		err := static(e)
		if err == router.ErrFileNotFound {
			return views.Error(e, http.StatusNotFound, "", nil)
		}
		return err
	}).BindFunc(views.Assets().CacheHeaders).Bind(apis.Gzip())
}

// applyAppURL stores the base URL given at start, so QR codes use it.
func applyAppURL(app core.App, appURL string) error {
	if appURL == "" || app.Settings().Meta.AppURL == appURL {
		return nil
	}
	settings := app.Settings()
	settings.Meta.AppURL = appURL
	if err := app.Save(settings); err != nil {
		return fmt.Errorf("set app URL %q: %w", appURL, err)
	}
	return nil
}
