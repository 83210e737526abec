package moderation

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"testing/fstest"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// dashboardJS makes PocketBase's dashboard open on the queue, pin it,
// and decide a pending note or story in one click (see the file).
//
//go:embed dashboard/main.js
var dashboardJS []byte

// DashboardExtension is the name of the PocketBase UI extension.
const DashboardExtension = "kindness"

// dashboardConfig is what the extension needs from the server: the
// queue's collection id (for the sidebar's pin), and the status words of
// each collection.
type dashboardConfig struct {
	Queue   string                       `json:"queue"`
	QueueID string                       `json:"queueId"`
	Pinned  []string                     `json:"pinned"`
	Decide  map[string]map[string]string `json:"decide"`
}

// registerDashboard adds the extension when the server starts (after
// migrations, so the collection ids are final). PocketBase's UI
// extensions are marked experimental in v0.40; ADR 0162 says what happens
// if they change.
func registerDashboard(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		js, err := dashboardScript(se.App)
		if err != nil {
			se.App.Logger().Warn("dashboard extension off", "error", err)
			return se.Next()
		}
		// fstest.MapFS is the standard library's in-memory fs.FS: the
		// script is made here, once, with this database's collection ids
		se.UIExtensions = append(se.UIExtensions, core.UIExtension{
			Name: DashboardExtension,
			FS:   fstest.MapFS{"main.js": &fstest.MapFile{Data: js, Mode: 0o444}},
		})
		return se.Next()
	})
}

// dashboardScript is main.js with its settings above it.
func dashboardScript(app core.App) ([]byte, error) {
	cfg := dashboardConfig{
		Queue: QueueView,
		Decide: map[string]map[string]string{
			s.Notes:   {"approve": s.StatusApproved, "reject": s.StatusRejected},
			s.Stories: {"approve": s.StatusPublished, "reject": s.StatusRejected},
		},
	}
	queue, err := app.FindCachedCollectionByNameOrId(QueueView)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	// only the queue: pinned collections keep the sidebar's own order
	// (auth, base, views), so pinning notes too would put them above it
	cfg.QueueID, cfg.Pinned = queue.Id, []string{queue.Id}
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	return append([]byte("const KK = "+string(b)+";\n"), dashboardJS...), nil
}
