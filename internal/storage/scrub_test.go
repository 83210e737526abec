package storage_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
)

// TestVacuumOnceAfterScrub: a migration's RequestVacuum makes the next
// start rebuild the database, so pages freed before secure_delete was on
// (here: with it off) hold no old text; the start after that doesn't.
func TestVacuumOnceAfterScrub(t *testing.T) {
	app := newApp(t, t.TempDir(), core.DefaultDBConnect) // secure_delete off, as before this release
	notes, err := app.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		rec := core.NewRecord(notes)
		rec.Set(s.NoteTo, "Ana")
		rec.Set(s.NoteBody, strings.Repeat("patient Zyxwbert Quill in bed 12. ", 15))
		if err := app.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := app.DB().NewQuery("DELETE FROM notes").Execute(); err != nil {
		t.Fatal(err)
	}
	if free := pragma(t, app, "freelist_count"); free == 0 {
		t.Fatal("no free pages to vacuum; the test shows nothing")
	}

	// a fresh install ran the scrub migration too, which asked already
	if !storage.VacuumPending(app) {
		t.Error("the scrub migration did not ask for a vacuum")
	}
	app.Store().RemoveAll()
	storage.Register(app)

	serve(t, app) // nothing asked: no vacuum
	if free := pragma(t, app, "freelist_count"); free == 0 {
		t.Error("vacuumed without a request")
	}

	storage.RequestVacuum(app)
	serve(t, app)
	if free := pragma(t, app, "freelist_count"); free != 0 {
		t.Errorf("freelist_count = %d after the vacuum, want 0", free)
	}
	if storage.VacuumPending(app) {
		t.Error("the request is still pending: every start would vacuum")
	}
}

func pragma(t *testing.T, app core.App, name string) int {
	t.Helper()
	var n int
	if err := app.NonconcurrentDB().NewQuery("PRAGMA " + name).Row(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// serve runs the app's OnServe hooks as `serve` does, without listening.
func serve(t *testing.T, app core.App) {
	t.Helper()
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}, func(e *core.ServeEvent) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
}
