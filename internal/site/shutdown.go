package site

import (
	"context"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// shutdownGrace is how long a stop (SIGTERM from systemd, Ctrl-C) waits
// for requests in flight, e.g. a note still arriving over slow Wi-Fi.
// PocketBase alone allows 1 s; systemd's TimeoutStopSec (20 s in
// deploy/kindness-kiosk.service) must stay above it. See docs/adr/0041.
const shutdownGrace = 5 * time.Second

// registerShutdown lengthens PocketBase's graceful shutdown. It runs just
// before PocketBase's own terminate handler: it stops accepting, ends the
// realtime streams (they would otherwise hold the server until the grace
// runs out), waits for the other requests in flight, and only then lets
// PocketBase close the database.
func registerShutdown(se *core.ServeEvent) {
	srv := se.Server
	if srv == nil {
		return // tests that build the router without a server
	}
	se.App.OnTerminate().Bind(&hook.Handler[*core.TerminateEvent]{
		Id:       "kkGracefulShutdown",
		Priority: -10000, // PocketBase's pbGracefulShutdown is -9999
		Func: func(te *core.TerminateEvent) error {
			ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- srv.Shutdown(ctx) }() // closes the listeners at once
			for _, c := range te.App.SubscriptionsBroker().Clients() {
				c.Discard() // the realtime handler returns when its channel closes
			}
			if err := <-done; err != nil {
				te.App.Logger().Warn("shutdown: requests still running after the grace period", "error", err)
			}
			return te.Next()
		},
	})
}
