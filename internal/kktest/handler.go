package kktest

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

// Handler returns the app's whole HTTP handler, built the way `serve`
// builds it (apis.Serve): PocketBase's router, its default allow-all CORS
// middleware, then every OnServe hook. Unlike tests.ApiScenario it lets a
// test send many requests to one app, from chosen client addresses
// (set RemoteAddr on an httptest request), e.g. for the rate limiter.
func Handler(t testing.TB, app core.App) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	// what apis.Serve binds when `serve` runs without --origins
	r.Bind(apis.CORS(apis.CORSConfig{
		AllowOrigins: []string{"*"},
		AllowMethods: []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodPost, http.MethodDelete},
	}))
	var mux http.Handler
	se := &core.ServeEvent{App: app, Router: r}
	err = app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		var err error
		mux, err = e.Router.BuildMux()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

// NewAppWith is NewApp with a chosen site configuration (AppURL, CORS
// origins); Public defaults to the embedded assets.
func NewAppWith(t testing.TB, cfg site.Config) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestApp(migratedDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if cfg.Public == nil {
		cfg.Public = pb_public.FS
	}
	if _, err := site.Register(app, cfg); err != nil {
		t.Fatal(err)
	}
	return app
}
