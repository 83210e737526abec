package rooms

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
)

// TestLoadRacingAChangeIsNotKept: a load that read the rooms before a
// change committed (and its hook ran) serves its own request, but is not
// kept: the next request reads again and sees the change.
func TestLoadRacingAChangeIsNotKept(t *testing.T) {
	app, err := tests.NewTestApp()
	if err != nil {
		t.Fatal(err)
	}
	defer app.Cleanup()
	Register(app)
	c := app.Store().Get(storeKey).(*cache)

	old := &snapshot{bySlug: map[string]Room{"er": {Slug: "er", Name: "Old name", Active: true}}}
	fresh := &snapshot{bySlug: map[string]Room{"er": {Slug: "er", Name: "New name", Active: true}}}
	loads := 0
	loadRooms = func(core.App) (*snapshot, error) {
		loads++
		if loads == 1 {
			c.forget() // the rename commits while the first load reads
			return old, nil
		}
		return fresh, nil
	}
	defer func() { loadRooms = load }()

	if r, _ := BySlug(app, "er"); r.Name != "Old name" {
		t.Fatalf("first read = %q", r.Name)
	}
	if r, _ := BySlug(app, "er"); r.Name != "New name" {
		t.Errorf("after the change: %q, want New name (the racing load was kept)", r.Name)
	}
	if r, _ := BySlug(app, "er"); r.Name != "New name" || loads != 2 {
		t.Errorf("third read: %q after %d loads, want the cached New name after 2", r.Name, loads)
	}
}
