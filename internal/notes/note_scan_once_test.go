package notes_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// guardedKey is records.guardedKey: where records.Guard leaves its
// reading on a record. If it is renamed there, rename it here.
const guardedKey = "@pbInternalPHIGuard"

// TestFormAndRESTScanOnce: the form (and the REST guard) scan a note to
// decide the answer, and hand the save a record that carries that
// reading, so the save's normalise-and-scan hook reuses it instead of
// scanning again (records.TestGuardReadsOnce pins the reuse).
func TestFormAndRESTScanOnce(t *testing.T) {
	app := kktest.NewApp(t)
	var seen, unread int
	app.OnRecordCreate(s.Notes).Bind(&hook.Handler[*core.RecordEvent]{
		Priority: -1000, // before records' normalise-and-scan
		Func: func(e *core.RecordEvent) error {
			seen++
			if e.Record.GetRaw(guardedKey) == nil {
				unread++
			}
			return e.Next()
		},
	})
	client := kktest.NewClient(t, app)
	if res := client.Do(http.MethodPost, "/notes", kktest.Form("to", "Ana", "body", "thank you"), kktest.FormHeaders); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("form post: %d", res.StatusCode)
	}
	if res := client.Do(http.MethodPost, "/api/collections/notes/records", kktest.Form("to", "Ana", "body", "thank you"), kktest.FormHeaders); res.StatusCode != http.StatusOK {
		t.Fatalf("REST create: %d", res.StatusCode)
	}
	if seen != 2 || unread != 0 {
		t.Errorf("%d of %d notes reached the save unscanned: the save scans them a second time", unread, seen)
	}
}
