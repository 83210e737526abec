package kiosk_test

import (
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/kiosk"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestPruneScreens: a screen silent for over 30 days leaves the list; a
// recent one stays, and the nightly job exists.
func TestPruneScreens(t *testing.T) {
	app := kktest.NewApp(t)
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "screen-recent01", s.FieldRoom: room.Id, s.ScreenLastSeen: now.Add(-29 * 24 * time.Hour)})
	kktest.Create(t, app, s.Screens, map[string]any{s.ScreenID: "screen-retired1", s.FieldRoom: room.Id, s.ScreenLastSeen: now.Add(-31 * 24 * time.Hour)})
	n, err := kiosk.PruneScreens(app, now)
	if err != nil || n != 1 {
		t.Fatalf("pruned %d (%v), want 1", n, err)
	}
	if _, err := app.FindFirstRecordByData(s.Screens, s.ScreenID, "screen-recent01"); err != nil {
		t.Error("the recent screen went too")
	}
	found := false
	for _, j := range app.Cron().Jobs() {
		found = found || j.Id() == "kkPruneScreens"
	}
	if !found {
		t.Error("no nightly prune job")
	}
}
