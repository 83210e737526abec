package site

import (
	"context"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// shutdownGrace is how long a stop (SIGTERM from systemd, Ctrl-C) waits
// for requests in flight, e.g. a note still arriving over slow Wi-Fi.
// PocketBase alone allows 1 s; systemd's TimeoutStopSec (20 s in
// deploy/kindness-kiosk.service) must stay above it. See docs/adr/0041.
const shutdownGrace = 5 * time.Second

// restartHold is how long a stop that arrives while a restart (after a
// dashboard restore) is under way waits for the re-exec before letting
// the process end anyway. The re-exec replaces the process, so normally
// the wait never ends; if the restart fails, systemd's Restart=always
// starts the service again. See docs/adr/0100.
const restartHold = time.Minute

// registerShutdown lengthens PocketBase's graceful shutdown. On a stop it
// runs just before PocketBase's own terminate handler: it stops
// accepting, ends the realtime streams (they would otherwise hold the
// server until the grace runs out), waits for the other requests in
// flight, and only then lets PocketBase close the database.
//
// NB! On a restart (a backup restore) it must NOT shut the server down
// itself: PocketBase's handler first marks the process as held for the
// re-exec, and only then shuts down; shutting down earlier lets `serve`
// return and the process exit 0, leaving every screen dark (issue 12).
func registerShutdown(se *core.ServeEvent) {
	srv := se.Server
	if srv == nil {
		return // tests that build the router without a server
	}
	var restart restartState
	se.App.OnTerminate().Bind(&hook.Handler[*core.TerminateEvent]{
		Id:       "kkGracefulShutdown",
		Priority: -10000, // PocketBase's pbGracefulShutdown is -9999
		Func: func(te *core.TerminateEvent) error {
			if te.IsRestart {
				endRealtime(te.App)
				done := restart.begin()
				defer close(done) // reached only if the re-exec failed
				return te.Next()  // PocketBase holds the process, then re-executes it
			}
			// `serve` returns as soon as a restart has closed the listener,
			// and then this stop arrives: the re-exec must win
			restart.wait(restartHold)

			ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- srv.Shutdown(ctx) }() // closes the listeners at once
			endRealtime(te.App)
			if err := <-done; err != nil {
				te.App.Logger().Warn("shutdown: requests still running after the grace period", "error", err)
			}
			return te.Next()
		},
	})
}

// endRealtime ends every realtime stream: its handler returns when its
// channel closes, and the screen reconnects to the new process.
func endRealtime(app core.App) {
	for _, c := range app.SubscriptionsBroker().Clients() {
		c.Discard()
	}
}

// restartState tells a stop that a restart is under way.
type restartState struct {
	mu   sync.Mutex
	done chan struct{} // open while a restart runs
}

func (r *restartState) begin() chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done = make(chan struct{})
	return r.done
}

func (r *restartState) wait(limit time.Duration) {
	r.mu.Lock()
	done := r.done
	r.mu.Unlock()
	if done == nil {
		return
	}
	select {
	case <-done:
	case <-time.After(limit):
	}
}
