package rooms_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/rooms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// roomReads counts the queries that read the rooms table.
func roomReads(app core.App) *atomic.Int64 {
	var n atomic.Int64
	db := app.ConcurrentDB().(*dbx.DB)
	db.QueryLogFunc = func(_ context.Context, _ time.Duration, q string, _ *sql.Rows, _ error) {
		if strings.Contains(q, "FROM `rooms`") {
			n.Add(1)
		}
	}
	return &n
}

func slugs(rs []rooms.Room) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Slug)
	}
	return out
}

// TestRoomsAreReadOnce: once loaded, looking rooms up and listing them
// reads no more from the database.
func TestRoomsAreReadOnce(t *testing.T) {
	app := kktest.NewApp(t) // site.Register → notes.Register → rooms.Register
	reads := roomReads(app)
	for range 10 {
		if r, ok := rooms.BySlug(app, s.DefaultRoomSlug); !ok || r.Name == "" || !r.Active {
			t.Fatalf("default room: %+v %v", r, ok)
		}
		rooms.Active(app)
	}
	if n := reads.Load(); n != 1 {
		t.Errorf("%d reads of rooms for 10 lookups and 10 lists, want 1", n)
	}
}

// TestRoomsFollowEveryChange: a room created, renamed, moved to another
// unit, deactivated or deleted (as in the dashboard) shows at once.
func TestRoomsFollowEveryChange(t *testing.T) {
	app := kktest.NewApp(t)
	rooms.Active(app) // cached

	west := kktest.Create(t, app, s.Rooms, map[string]any{"name": "4 West", "slug": "4-west", "unit": "Medicine", "active": true})
	if r, ok := rooms.BySlug(app, "4-west"); !ok || r.ID != west.Id || r.Unit != "Medicine" {
		t.Fatalf("created room: %+v %v", r, ok)
	}
	kktest.Create(t, app, s.Rooms, map[string]any{"name": "Atrium", "slug": "atrium", "unit": "", "active": true})
	if got, want := slugs(rooms.Active(app)), []string{"atrium", s.DefaultRoomSlug, "4-west"}; !slices.Equal(got, want) {
		t.Errorf("active by unit, name = %v, want %v", got, want)
	}

	west.Set(s.RoomName, "4 West (Acute)")
	west.Set(s.RoomUnit, "Acute medicine")
	if err := app.Save(west); err != nil {
		t.Fatal(err)
	}
	if r, _ := rooms.BySlug(app, "4-west"); r.Name != "4 West (Acute)" || r.Unit != "Acute medicine" {
		t.Errorf("after the rename: %+v", r)
	}

	west.Set(s.RoomActive, false)
	if err := app.Save(west); err != nil {
		t.Fatal(err)
	}
	if r, ok := rooms.BySlug(app, "4-west"); !ok || r.Active {
		t.Errorf("after deactivating: %+v %v", r, ok)
	}
	if slices.Contains(slugs(rooms.Active(app)), "4-west") {
		t.Error("a deactivated room is still listed")
	}

	if err := app.Delete(west); err != nil {
		t.Fatal(err)
	}
	if _, ok := rooms.BySlug(app, "4-west"); ok {
		t.Error("a deleted room is still found")
	}
}

// TestRoomsChangeInsideTransaction: a change made in a transaction shows
// once it commits, and a rolled-back one never does.
func TestRoomsChangeInsideTransaction(t *testing.T) {
	app := kktest.NewApp(t)
	rooms.Active(app)
	err := app.RunInTransaction(func(tx core.App) error {
		c, err := tx.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		r := core.NewRecord(c)
		r.Set(s.RoomName, "Theatre")
		r.Set(s.RoomSlug, "theatre")
		r.Set(s.RoomActive, true)
		return tx.Save(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rooms.BySlug(app, "theatre"); !ok {
		t.Error("a room created in a committed transaction is not found")
	}

	// a page served while the transaction runs reads (and may cache) the
	// rooms as committed; the commit must still drop that
	err = app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindFirstRecordByData(s.Rooms, s.RoomSlug, "theatre")
		if err != nil {
			return err
		}
		r.Set(s.RoomName, "Theatres")
		if err := tx.Save(r); err != nil {
			return err
		}
		rooms.Active(app)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := rooms.BySlug(app, "theatre"); r.Name != "Theatres" {
		t.Errorf("after a committed rename the room reads %q", r.Name)
	}

	_ = app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindFirstRecordByData(s.Rooms, s.RoomSlug, "theatre")
		if err != nil {
			return err
		}
		r.Set(s.RoomName, "Never")
		if err := tx.Save(r); err != nil {
			return err
		}
		rooms.Active(app)
		return sql.ErrTxDone // roll back
	})
	if r, _ := rooms.BySlug(app, "theatre"); r.Name != "Theatres" {
		t.Errorf("after a rollback the room reads %q", r.Name)
	}
}

// TestRoomsWithoutRegister: an app that never registered the hooks gets
// no cache at all, so it can never serve a stale room, not even after a
// change no hook sees.
func TestRoomsWithoutRegister(t *testing.T) {
	app, err := tests.NewTestApp()
	if err != nil {
		t.Fatal(err)
	}
	defer app.Cleanup()
	// the product's migrations (imported through kktest), but neither
	// site.Register nor rooms.Register
	kktest.Create(t, app, s.Rooms, map[string]any{"name": "Old", "slug": "x", "active": true})
	rooms.BySlug(app, "x")
	// a change the hooks would not see (raw SQL): still read fresh
	if _, err := app.DB().NewQuery("UPDATE rooms SET name = 'New'").Execute(); err != nil {
		t.Fatal(err)
	}
	if got, _ := rooms.BySlug(app, "x"); got.Name != "New" {
		t.Errorf("name = %q, want New", got.Name)
	}
}
