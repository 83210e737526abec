package deploy_test

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/demo"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"

	// the product schema
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
)

// TestRestoreDrill is the drill docs/operations.md asks IT to run: make
// data, take a backup the way the daily cron does (app.CreateBackup),
// unzip it into a fresh folder, open it with a new app and compare every
// collection's row count; then run deploy/restore-drill.sh, the operators'
// version, against the built binary.
func TestRestoreDrill(t *testing.T) {
	src := t.TempDir()
	app := openApp(t, src)
	if err := demo.Seed(app); err != nil {
		t.Fatal(err)
	}
	su := core.NewRecord(mustCollection(t, app, core.CollectionNameSuperusers))
	su.SetEmail("admin@hospital.example")
	su.SetPassword("a long passphrase")
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}
	want := counts(t, app)
	if want[s.Notes] == 0 || want[s.Rooms] < 2 {
		t.Fatalf("demo data too thin to prove anything: %v", want)
	}

	if err := app.CreateBackup(context.Background(), "drill.zip"); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(src, core.LocalBackupsDirName, "drill.zip")
	// writes after the backup must not show up in the restore
	kkNote(t, app)

	dst := filepath.Join(t.TempDir(), "pb_data")
	unzip(t, backup, dst)
	restored := openApp(t, dst)
	var integrity string
	if err := restored.DB().NewQuery("PRAGMA integrity_check").Row(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q (%v)", integrity, err)
	}
	got := counts(t, restored)
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: restored %d rows, backed up %d", name, got[name], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("collections: restored %d, backed up %d", len(got), len(want))
	}
	if _, err := restored.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@hospital.example"); err != nil {
		t.Errorf("the admin did not survive the restore: %v", err)
	}

	t.Run("operators' script", func(t *testing.T) {
		for _, tool := range []string{"bash", "curl"} {
			if _, err := exec.LookPath(tool); err != nil {
				t.Skipf("SKIPPED LOUDLY: %s not installed; restore-drill.sh not run", tool)
			}
		}
		bin := productBinary(t) // built once for the package
		port := strings.Split(freeAddr(t), ":")[1]
		expect := fmt.Sprintf("notes=%d rooms=%d stories=%d _superusers=1", want[s.Notes], want[s.Rooms], want[s.Stories])

		out, err := drill(backup, bin, port, expect)
		if err != nil || !strings.Contains(out, "restore drill passed") || !strings.Contains(out, "integrity_check ok") {
			t.Fatalf("restore-drill.sh: %v\n%s", err, out)
		}
		t.Logf("restore-drill.sh:\n%s", out)

		// and it fails when the numbers don't match
		out, err = drill(backup, bin, port, fmt.Sprintf("notes=%d", want[s.Notes]+1))
		if err == nil || !strings.Contains(out, "FAILED") {
			t.Errorf("restore-drill.sh passed with a wrong expectation:\n%s", out)
		}
		// or the file is not a backup
		junk := filepath.Join(t.TempDir(), "junk.zip")
		writeFile(t, junk, "not a zip")
		if out, err = drill(junk, bin, port, ""); err == nil {
			t.Errorf("restore-drill.sh passed on junk:\n%s", out)
		}
	})
}

func drill(backup, bin, port, expect string) (string, error) {
	cmd := exec.Command("bash", "restore-drill.sh", backup, bin)
	cmd.Env = append(os.Environ(), "PORT="+port, "EXPECT="+expect)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// openApp bootstraps an app on dir and runs the migrations (the same as
// `serve` does at start).
func openApp(t *testing.T, dir string) core.App {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	return app
}

// counts returns the rows of every collection that holds records.
func counts(t *testing.T, app core.App) map[string]int64 {
	t.Helper()
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, c := range cols {
		if c.IsView() {
			continue
		}
		n, err := app.CountRecords(c.Name)
		if err != nil {
			t.Fatalf("count %s: %v", c.Name, err)
		}
		out[c.Name] = n
	}
	return out
}

func kkNote(t *testing.T, app core.App) {
	t.Helper()
	rec := core.NewRecord(mustCollection(t, app, s.Notes))
	rec.Set(s.NoteTo, "After the backup")
	rec.Set(s.NoteBody, "This note must not be in the restore.")
	if err := app.Save(rec); err != nil {
		t.Fatal(err)
	}
}

func mustCollection(t *testing.T, app core.App, name string) *core.Collection {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// unzip extracts a backup the way an operator would (unzip -d pb_data).
func unzip(t *testing.T, file, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(path, filepath.Clean(dir)+string(os.PathSeparator)) {
			t.Fatalf("zip entry escapes: %s", f.Name)
		}
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
