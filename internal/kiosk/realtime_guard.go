package kiosk

import (
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// writeStall is how long one realtime message may take to reach a
// screen's socket. A write only waits once the kernel's buffers (hundreds
// of KB) are full, so a stream stuck that long belongs to a screen that
// stopped reading; ending it frees its connection and buffers.
const writeStall = 30 * time.Second

// Realtime connection caps (ADR 0122). A screen holds one stream (two for
// a moment while it reconnects); a ward's tablets behind one NAT address a
// few dozen. Without a cap one address could open thousands: 4,000 took
// the server from 38 to 189 MB. The total keeps memory bounded whatever
// the addresses (~40 KB per stream).
var (
	maxStreamsPerAddress = 64
	maxStreams           = 10000
)

// retryAfter is what a refused client is told to wait, in seconds.
const retryAfter = 60

// streams counts the open realtime streams, in total and per client
// address (an IPv6 client by its /64, which one device can fill with
// addresses of its own).
type streams struct {
	mu     sync.Mutex
	byAddr map[string]int
	total  int

	warned atomic.Bool // the "behind an unconfigured proxy?" hint, once
}

func addressKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil || a.Is4() || a.Is4In6() {
		return ip
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// open counts a new stream from key, or says why not.
func (c *streams) open(key string) (ok bool, perAddress bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.total >= maxStreams {
		return false, false
	}
	if c.byAddr[key] >= maxStreamsPerAddress {
		return false, true
	}
	c.byAddr[key]++
	c.total++
	return true, false
}

func (c *streams) close(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total--
	if c.byAddr[key]--; c.byAddr[key] <= 0 {
		delete(c.byAddr, key)
	}
}

// bindRealtimeGuard caps realtime streams and keeps stalled ones from
// living for ever (and bindRealtimeStreams serves them). PocketBase clears the write deadline of its streams
// (apis/realtime.go) and its handler writes with no time limit; here each
// message gets one, and a client the fan-out drops gets its stream ended
// at once.
func bindRealtimeGuard(app core.App) {
	open := &streams{byAddr: map[string]int{}}
	app.OnRealtimeConnectRequest().BindFunc(func(e *core.RealtimeConnectRequestEvent) error {
		// RealIP honours Settings > TrustedProxy: behind nginx each screen
		// is its own address, not the proxy's
		key := addressKey(e.RealIP())
		ok, perAddress := open.open(key)
		if !ok {
			e.Response.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			if !perAddress {
				return e.TooManyRequestsError("The server has as many live screen connections as it can hold. This screen will try again.", nil)
			}
			if len(e.App.Settings().TrustedProxy.Headers) == 0 && forwarded(e.Request) && open.warned.CompareAndSwap(false, true) {
				e.App.Logger().Warn("realtime connections refused for one address that is a proxy: set Settings > Application > User IP proxy headers (docs/operations.md)",
					"address", key)
			}
			return e.TooManyRequestsError("Too many live connections from this address. Close other screens or tabs here, or try again later.", nil)
		}
		var once sync.Once
		e.Client.Set(clientReleaseKey, func() { once.Do(func() { open.close(key) }) })

		rc := http.NewResponseController(e.Response)
		e.Client.Set(clientKickKey, func() {
			// a deadline in the past fails the write the handler is stuck in
			_ = rc.SetWriteDeadline(time.Now().Add(-time.Second))
		})
		err := e.Next()
		// PocketBase's handler returns when its stream ends; a stream taken
		// over (realtime_stream.go) gives its slot back when it ends
		if taken, _ := e.Client.Get(clientTakenKey).(bool); !taken {
			releaseSlot(e.Client)
		}
		return err
	})
	app.OnRealtimeMessageSend().BindFunc(func(e *core.RealtimeMessageEvent) error {
		_ = http.NewResponseController(e.Response).SetWriteDeadline(time.Now().Add(writeStall))
		return e.Next()
	})
	bindRealtimeStreams(app)
	bindLightClients(app)
}

// forwarded reports whether a request came through a proxy that says so.
func forwarded(r *http.Request) bool {
	return r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("X-Real-IP") != "" || r.Header.Get("Forwarded") != ""
}
