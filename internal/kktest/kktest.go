// Package kktest builds test apps with the product's migrations and routes,
// for PocketBase's tests.ApiScenario tables.
package kktest

import (
	"os"
	"sync"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"

	// the product schema
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
)

// SuperuserEmail is the superuser every test app has.
const SuperuserEmail = "admin@test.local"

// NewApp returns a fresh test app (temp data dir, all migrations, the
// product's routes and hooks, one superuser). It is cleaned up with t.
func NewApp(t testing.TB) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestApp(migratedDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if _, err := site.Register(app, site.Config{Public: pb_public.FS}); err != nil {
		t.Fatal(err)
	}
	return app
}

// Factory adapts NewApp (plus an optional seeding step) to
// tests.ApiScenario.TestAppFactory.
func Factory(seed func(t testing.TB, app *tests.TestApp)) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := NewApp(t)
		if seed != nil {
			seed(t, app)
		}
		return app
	}
}

// SuperuserToken returns an auth token for the test superuser, for the
// Authorization header of a scenario.
func SuperuserToken(t testing.TB, app core.App) string {
	t.Helper()
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, SuperuserEmail)
	if err != nil {
		t.Fatal(err)
	}
	token, err := su.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// Create saves a record with the given fields (as a superuser would) and
// fails the test on error.
func Create(t testing.TB, app core.App, collection string, fields map[string]any) *core.Record {
	t.Helper()
	rec := core.NewRecord(mustCollection(t, app, collection))
	for k, v := range fields {
		rec.Set(k, v)
	}
	if err := app.Save(rec); err != nil {
		t.Fatalf("create %s %v: %v", collection, fields, err)
	}
	return rec
}

func mustCollection(t testing.TB, app core.App, name string) *core.Collection {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

// migratedDir returns a data dir with every migration applied, made once
// per test binary. tests.NewTestApp clones it for each app, so a scenario
// doesn't replay the whole migration history (seconds under -race).
func migratedDir(t testing.TB) string {
	t.Helper()
	templateOnce.Do(func() {
		templateDir, templateErr = os.MkdirTemp("", "kktest-template-")
		if templateErr != nil {
			return
		}
		app := core.NewBaseApp(core.BaseAppConfig{DataDir: templateDir, EncryptionEnv: "pb_test_env"})
		if templateErr = app.Bootstrap(); templateErr != nil {
			return
		}
		if templateErr = app.RunAllMigrations(); templateErr != nil {
			return
		}
		// the superuser lives in the template: bcrypt once, not per app
		var superusers *core.Collection
		if superusers, templateErr = app.FindCollectionByNameOrId(core.CollectionNameSuperusers); templateErr != nil {
			return
		}
		su := core.NewRecord(superusers)
		su.SetEmail(SuperuserEmail)
		su.SetPassword("1234567890")
		templateErr = app.Save(su)
		_ = app.ClearBootstrap()
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	return templateDir
}
