package kiosk

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// writeStall is how long one realtime message may take to reach a
// screen's socket. A write only waits once the kernel's buffers (hundreds
// of KB) are full, so a stream stuck that long belongs to a screen that
// stopped reading; ending it frees its connection and buffers.
const writeStall = 30 * time.Second

// bindRealtimeGuard keeps stalled realtime streams from living for ever.
// PocketBase clears the write deadline of its streams (apis/realtime.go)
// and its handler writes with no time limit; here each message gets one,
// and a client the fan-out drops gets its stream ended at once.
func bindRealtimeGuard(app core.App) {
	app.OnRealtimeConnectRequest().BindFunc(func(e *core.RealtimeConnectRequestEvent) error {
		rc := http.NewResponseController(e.Response)
		e.Client.Set(clientKickKey, func() {
			// a deadline in the past fails the write the handler is stuck in
			_ = rc.SetWriteDeadline(time.Now().Add(-time.Second))
		})
		return e.Next()
	})
	app.OnRealtimeMessageSend().BindFunc(func(e *core.RealtimeMessageEvent) error {
		_ = http.NewResponseController(e.Response).SetWriteDeadline(time.Now().Add(writeStall))
		return e.Next()
	})
}
