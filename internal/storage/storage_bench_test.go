package storage_test

import (
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
)

// BenchmarkNoteSave measures what synchronous=FULL costs per committed
// note against PocketBase's NORMAL, on a real data folder (ADR 0040).
// Each op is one app.Save of a note: one transaction, one commit.
// Set KIOSK_BENCH_DIR to measure on the disk the server will use (the
// default temp dir may be tmpfs, where fsync is free).
//
//	go test ./internal/storage -run '^$' -bench NoteSave -benchtime 2000x -count 3
func BenchmarkNoteSave(b *testing.B) {
	for _, mode := range []string{storage.SyncNormal, storage.SyncFull} {
		b.Run("sync="+mode+"/serial", func(b *testing.B) {
			app := newApp(b, benchDir(b), storage.ConnectWith(mode))
			notes := mustNotes(b, app)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				saveNote(b, app, notes, i)
			}
		})
		// 50 phones at once: saves still queue on PocketBase's single
		// writer connection, so this shows what the queue costs.
		b.Run("sync="+mode+"/parallel50", func(b *testing.B) {
			app := newApp(b, benchDir(b), storage.ConnectWith(mode))
			notes := mustNotes(b, app)
			var n atomic.Int64
			b.SetParallelism(25) // × GOMAXPROCS(2) = 50 goroutines
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					saveNote(b, app, notes, int(n.Add(1)))
				}
			})
		})
	}
}

func benchDir(b *testing.B) string {
	if root := os.Getenv("KIOSK_BENCH_DIR"); root != "" {
		dir, err := os.MkdirTemp(root, "durability-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = os.RemoveAll(dir) })
		return dir
	}
	return b.TempDir()
}

func mustNotes(b *testing.B, app core.App) *core.Collection {
	c, err := app.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func saveNote(b *testing.B, app core.App, notes *core.Collection, i int) {
	rec := core.NewRecord(notes)
	rec.Set(s.NoteTo, fmt.Sprintf("The night team %d", i))
	rec.Set(s.NoteBody, "Thank you for staying calm through a hard night and still making time for tea.")
	rec.Set(s.FieldStatus, s.StatusPending)
	if err := app.Save(rec); err != nil {
		b.Error(err)
	}
}

// BenchmarkSecureDelete measures what secure_delete costs (ADR 0161): one
// op writes a note, edits its text and deletes it (three commits), with
// PocketBase's own connection (secure_delete off) and ours, both at
// synchronous=NORMAL so only secure_delete differs.
//
//	go test ./internal/storage -run '^$' -bench SecureDelete -benchtime 500x -count 3
func BenchmarkSecureDelete(b *testing.B) {
	for name, connect := range map[string]core.DBConnectFunc{
		"secure_delete=off": core.DefaultDBConnect,
		"secure_delete=on":  storage.ConnectWith(storage.SyncNormal),
	} {
		b.Run(name, func(b *testing.B) {
			app := newApp(b, benchDir(b), connect)
			notes := mustNotes(b, app)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := core.NewRecord(notes)
				rec.Set(s.NoteTo, "The night team")
				rec.Set(s.NoteBody, "Thank you for sitting with the patient in bed 12 all night.")
				if err := app.Save(rec); err != nil {
					b.Fatal(err)
				}
				rec.Set(s.NoteBody, "Thank you for sitting with a patient all night.")
				if err := app.Save(rec); err != nil {
					b.Fatal(err)
				}
				if err := app.Delete(rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
