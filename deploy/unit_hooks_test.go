package deploy_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// TestUnitLoadsHooksFromItsDataFolder: with the shipped unit (data in
// /var/lib/kindness-kiosk) operator JS hooks and JS migrations load from
// pb_hooks/ and pb_migrations/ inside the data folder. PocketBase's default
// is beside it (pb_data/../pb_hooks), which for the unit meant
// /var/lib/pb_hooks and /var/lib/pb_migrations: folders shared by anything
// else under /var/lib, that no backup of the data folder holds.
func TestUnitLoadsHooksFromItsDataFolder(t *testing.T) {
	bin := productBinary(t)
	parent := t.TempDir() // what the unit calls /var/lib
	data := filepath.Join(parent, "kindness-kiosk")
	write := func(path, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, content)
	}
	write(filepath.Join(data, "pb_hooks", "inside.pb.js"), `routerAdd("GET", "/kk-hook-inside", (e) => e.string(200, "inside"));`)
	write(filepath.Join(parent, "pb_hooks", "beside.pb.js"), `routerAdd("GET", "/kk-hook-beside", (e) => e.string(200, "beside"));`)
	migration := func(name string) string {
		return `migrate((app) => { app.db().newQuery("CREATE TABLE ` + name + ` (id INTEGER)").execute(); }, (app) => {});`
	}
	write(filepath.Join(data, "pb_migrations", "1765001001_inside.js"), migration("kk_js_inside"))
	write(filepath.Join(parent, "pb_migrations", "1765001002_beside.js"), migration("kk_js_beside"))

	svc := startUnit(t, bin, data)
	for path, want := range map[string]int{"/kk-hook-inside": 200, "/kk-hook-beside": 404} {
		res, err := http.Get(svc.Base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	svc.Stop()

	app := openApp(t, data)
	for table, want := range map[string]bool{"kk_js_inside": true, "kk_js_beside": false} {
		if got := app.HasTable(table); got != want {
			t.Errorf("table %s made by a JS migration: %v, want %v", table, got, want)
		}
	}
}
