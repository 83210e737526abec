// Package rooms keeps the break rooms in memory for the pages that read
// them on every request. A hospital has tens of rooms and changes them a
// few times a year, but every note post looked its room up by slug, the
// unit it thanks by slug, and (until this package) listed every active
// room for the "Where do they work?" select: three queries of the five a
// post sent, a third of its CPU in kkbench's profile (issue 12 item 11).
//
// The rooms are read once into an immutable snapshot held in the app's
// store, and dropped by the rooms' record hooks after any create, update
// or delete commits, from the dashboard, the REST API or a migration run
// by `serve` (docs/adr/0261-room-cache-and-the-note-hot-path.md).
package rooms

import (
	"fmt"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Room is what the pages need of a room. It is a value, not a record:
// the snapshot is shared by every request and must not be changed.
type Room struct {
	ID, Slug, Name, Unit string
	Active               bool
}

// storeKey is where the cache lives in the app's store.
const storeKey = "kkRooms"

// Register binds the hooks that keep the cache true; until it is called
// for an app, [BySlug] and [Active] read the database every time.
// Calling it again for the same app does nothing, so every package that
// reads rooms through here may call it from its own Register.
func Register(app core.App) {
	created := false
	c := app.Store().GetOrSet(storeKey, func() any { created = true; return &cache{} }).(*cache)
	if !created {
		return
	}
	forget := func(e *core.RecordEvent) error {
		c.forget()
		return e.Next()
	}
	// After*Success hooks run once the change is committed (after the
	// outer transaction, when there is one), so the next load sees it
	app.OnRecordAfterCreateSuccess(s.Rooms).BindFunc(forget)
	app.OnRecordAfterUpdateSuccess(s.Rooms).BindFunc(forget)
	app.OnRecordAfterDeleteSuccess(s.Rooms).BindFunc(forget)
	// a (re)bootstrap may open another database (tests, a restore)
	app.OnBootstrap().BindFunc(func(e *core.BootstrapEvent) error {
		err := e.Next()
		c.forget()
		return err
	})
}

// BySlug returns the room with this slug, active or not.
func BySlug(app core.App, slug string) (Room, bool) {
	if slug == "" {
		return Room{}, false
	}
	snap, err := get(app)
	if err != nil {
		app.Logger().Error("rooms: load", "error", err)
		return Room{}, false
	}
	r, ok := snap.bySlug[slug]
	return r, ok
}

// Active returns the active rooms ordered by unit, then name. The slice
// is shared: read it, don't change it.
func Active(app core.App) []Room {
	snap, err := get(app)
	if err != nil {
		app.Logger().Error("rooms: load", "error", err)
		return nil
	}
	return snap.active
}

// snapshot is every room as one load read them. Never changed once built.
type snapshot struct {
	bySlug map[string]Room
	active []Room // by unit, name
}

// cache holds the current snapshot. gen counts the changes committed, so
// a load that raced with a change is used once but never kept.
type cache struct {
	mu   sync.Mutex
	gen  uint64
	snap *snapshot
}

func (c *cache) forget() {
	c.mu.Lock()
	c.gen++
	c.snap = nil
	c.mu.Unlock()
}

// get returns the cached snapshot, loading it when there is none (or
// every time when [Register] was not called for app).
func get(app core.App) (*snapshot, error) {
	c, ok := app.Store().Get(storeKey).(*cache)
	if !ok {
		return loadRooms(app)
	}
	c.mu.Lock()
	snap, gen := c.snap, c.gen
	c.mu.Unlock()
	if snap != nil {
		return snap, nil
	}
	snap, err := loadRooms(app)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen { // no change committed while we read
		c.snap = snap
	}
	c.mu.Unlock()
	return snap, nil
}

// loadRooms is load; a test swaps it to commit a change mid-read.
var loadRooms = load

// load reads every room: one query, ordered as [Active] lists them.
func load(app core.App) (*snapshot, error) {
	recs, err := app.FindRecordsByFilter(s.Rooms, "", s.RoomUnit+","+s.RoomName, 0, 0)
	if err != nil {
		return nil, fmt.Errorf("rooms: %w", err)
	}
	snap := &snapshot{bySlug: make(map[string]Room, len(recs))}
	for _, rec := range recs {
		r := Room{ID: rec.Id, Slug: rec.GetString(s.RoomSlug), Name: rec.GetString(s.RoomName),
			Unit: rec.GetString(s.RoomUnit), Active: rec.GetBool(s.RoomActive)}
		snap.bySlug[r.Slug] = r
		if r.Active {
			snap.active = append(snap.active, r)
		}
	}
	return snap, nil
}
