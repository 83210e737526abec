package storage_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/storage"

	// the product schema
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
)

// TestConnectIsFull pins the durability choice of ADR 0040 and
// secure_delete (ADR 0161) on all of PocketBase's pools (the single writer
// and the readers, of data.db and of auxiliary.db, the logs), and that
// PocketBase's other pragmas survived the custom connect function.
func TestConnectIsFull(t *testing.T) {
	app := newApp(t, t.TempDir(), storage.Connect)
	pools := map[string]dbx.Builder{"writer": app.NonconcurrentDB(), "readers": app.ConcurrentDB(),
		"logs writer": app.AuxNonconcurrentDB(), "logs readers": app.AuxConcurrentDB()}
	checks := []struct{ pragma, want string }{
		{"synchronous", "2"}, // 2 = FULL; PocketBase's default is 1 (NORMAL)
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
		{"secure_delete", "1"}, // SQLite's default is 0: deleted text stays in free space
	}
	for name, db := range pools {
		for _, c := range checks {
			var got string
			if err := db.NewQuery("PRAGMA " + c.pragma).Row(&got); err != nil {
				t.Fatalf("%s: PRAGMA %s: %v", name, c.pragma, err)
			}
			if got != c.want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", name, c.pragma, got, c.want)
			}
		}
	}
}

// TestConnectWithNormal shows the test above can fail: PocketBase's own
// mode reads back as 1.
func TestConnectWithNormal(t *testing.T) {
	app := newApp(t, t.TempDir(), storage.ConnectWith(storage.SyncNormal))
	var got int
	if err := app.NonconcurrentDB().NewQuery("PRAGMA synchronous").Row(&got); err != nil {
		t.Fatal(err)
	}
	if got != 1 {
		t.Errorf("PRAGMA synchronous = %d, want 1 (NORMAL)", got)
	}
}

// newApp bootstraps a real on-disk app in dir with the product's
// migrations, using connect for every SQLite connection.
func newApp(t testing.TB, dir string, connect core.DBConnectFunc) core.App {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, DBConnect: connect})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	return app
}

func TestConnectFor(t *testing.T) {
	for mode, want := range map[string]int{"": 2, "full": 2, " FULL ": 2, "NORMAL": 1, "normal": 1} {
		connect, err := storage.ConnectFor(mode)
		if err != nil {
			t.Fatalf("%q: %v", mode, err)
		}
		db, err := connect(t.TempDir() + "/data.db")
		if err != nil {
			t.Fatal(err)
		}
		var got int
		if err := db.NewQuery("PRAGMA synchronous").Row(&got); err != nil {
			t.Fatal(err)
		}
		_ = db.Close()
		if got != want {
			t.Errorf("%q: synchronous = %d, want %d", mode, got, want)
		}
	}
	for _, bad := range []string{"OFF", "EXTRA", "2; DROP TABLE notes"} {
		if _, err := storage.ConnectFor(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
