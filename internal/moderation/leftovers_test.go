package moderation_test

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

// Three notes a careless writer might send, each with identifiers no
// other byte in a fresh data folder contains.
var (
	redactedNote = `Thank you for sitting with patient Zyxwbert Quill in bed 12, MRN 86753091, all night.`
	rejectedNote = `Patient Qorvalda Brix, DOB 03/04/1951, said you were wonderful.`
	deletedNote  = `Thanks for calling Vantreece Ullman's daughter on 07700 900123.`
	leftovers    = map[string][]string{
		"redacted": {"Zyxwbert", "86753091"},
		"rejected": {"Qorvalda", "03/04/1951"},
		"deleted":  {"Vantreece", "07700 900123"},
	}
)

// TestNoPatientDetailsLeftBehind follows a note through the three ways a
// moderator removes what it said (redact and approve; reject, then the
// wipe after reject_keep_days; delete), then looks for the identifiers in
// the raw bytes of every file in pb_data after a checkpoint (data.db, its
// WAL, the logs database) and in a backup made with PocketBase's backup
// API (the zip and every file inside it).
func TestNoPatientDetailsLeftBehind(t *testing.T) {
	app := newDiskApp(t, storage.Connect)
	found := scenario(t, app)
	for _, f := range found {
		t.Errorf("found %s", f)
	}
}

// TestWithoutSecureDeleteTextLingers is the control: the same steps on
// PocketBase's own SQLite settings leave the deleted note's identifiers in
// the file's free space, which is what secure_delete is for.
func TestWithoutSecureDeleteTextLingers(t *testing.T) {
	app := newDiskApp(t, core.DefaultDBConnect)
	found := strings.Join(scenario(t, app), "\n")
	if !strings.Contains(found, "07700 900123") {
		t.Errorf("without secure_delete the deleted note's text was not found; this test no longer shows what secure_delete does.\nfound:\n%s", found)
	}
}

// scenario runs the three removals and returns where identifiers remain.
func scenario(t *testing.T, app *tests.TestApp) []string {
	c := kktest.NewClient(t, app)
	json := map[string]string{"Content-Type": "application/json"}
	auth := func(token string) map[string]string {
		return map[string]string{"Content-Type": "application/json", "Authorization": token}
	}
	send := func(method, url, body string, h map[string]string, want int) string {
		t.Helper()
		var r io.Reader
		if body != "" {
			r = strings.NewReader(body)
		}
		res := c.Do(method, url, r, h)
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != want {
			t.Fatalf("%s %s: %d, want %d: %s", method, url, res.StatusCode, want, b)
		}
		return string(b)
	}

	// the public posts three notes over REST; the PHI guard flags them
	ids := map[string]string{}
	for name, body := range map[string]string{"redacted": redactedNote, "rejected": rejectedNote, "deleted": deletedNote} {
		id := (name + "000000000000000")[:15]
		send("POST", "/api/collections/notes/records", `{"id":"`+id+`","to":"Ana","body":"`+strings.ReplaceAll(body, `"`, `\"`)+`"}`, json, 200)
		ids[name] = id
	}
	mod := auth(kktest.StaffToken(t, app, "mod@hospital.example", s.RoleModerate))
	su := auth(kktest.SuperuserToken(t, app))

	// redact, then approve (two requests, as the dashboard would)
	send("PATCH", "/api/collections/notes/records/"+ids["redacted"], `{"body":"Thank you for sitting with a patient all night."}`, mod, 200)
	send("PATCH", "/api/collections/notes/records/"+ids["redacted"], `{"status":"approved"}`, mod, 200)
	// reject; eight days later the nightly job wipes it
	send("PATCH", "/api/collections/notes/records/"+ids["rejected"], `{"status":"rejected"}`, mod, 200)
	age(t, app, s.Notes, ids["rejected"], s.DefaultRejectKeepDays+1)
	if n, err := moderation.Purge(app, time.Now()); err != nil || n != 1 {
		t.Fatalf("Purge = %d, %v", n, err)
	}
	// delete (superusers only)
	send("DELETE", "/api/collections/notes/records/"+ids["deleted"], "", su, 204)

	// PocketBase's nightly checkpoint (its __pbDBOptimize__ job)
	for _, q := range []func() error{
		func() error {
			_, err := app.NonconcurrentDB().NewQuery("PRAGMA wal_checkpoint(TRUNCATE)").Execute()
			return err
		},
		func() error {
			_, err := app.AuxNonconcurrentDB().NewQuery("PRAGMA wal_checkpoint(TRUNCATE)").Execute()
			return err
		},
	} {
		if err := q(); err != nil {
			t.Fatal(err)
		}
	}
	send("POST", "/api/backups", `{"name":"after_moderation.zip"}`, su, 204)

	var found []string
	look := func(where string, b []byte) {
		for what, needles := range leftovers {
			for _, n := range needles {
				if bytes.Contains(b, []byte(n)) {
					found = append(found, what+" note's "+n+" in "+where)
				}
			}
		}
	}
	backups := filepath.Join(app.DataDir(), core.LocalBackupsDirName)
	err := filepath.WalkDir(app.DataDir(), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(app.DataDir(), path)
		look(rel, b)
		if filepath.Dir(path) == backups && strings.HasSuffix(path, ".zip") {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return err
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					return err
				}
				inner, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					return err
				}
				look(rel+"!"+f.Name, inner)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(backups, "after_moderation.zip")); err != nil {
		t.Fatalf("no backup made: %v", err)
	}
	return found
}

// newDiskApp is a test app on a real data folder, opened with connect,
// with the product's migrations, routes and hooks.
func newDiskApp(t *testing.T, connect core.DBConnectFunc) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestAppWithConfig(core.BaseAppConfig{DataDir: t.TempDir(), DBConnect: connect, EncryptionEnv: "pb_test_env"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if _, err := site.Register(app, site.Config{Public: pb_public.FS}); err != nil {
		t.Fatal(err)
	}
	superusers, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	su := core.NewRecord(superusers)
	su.SetEmail(kktest.SuperuserEmail)
	su.SetPassword("1234567890")
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}
	return app
}
