package kiosk

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// lightClient is PocketBase's realtime client with a cheap "no" (ADR 0124).
//
// For every record change, PocketBase asks every connected client for its
// subscriptions under six prefixes (apis/realtime.go
// realtimeBroadcastRecord); DefaultClient answers each time with a new
// map, built under its lock, from strings it concatenates. With 5,000
// screens, which subscribe to "kiosk" only, that was 30,000 maps per
// record change: a note posted from a phone took 0.9 s (p50) to 4.7 s,
// two thirds of the CPU in DefaultClient.Subscriptions. lightClient keeps
// its subscription names aside and answers "none" without allocating;
// when something matches, DefaultClient answers as before.
type lightClient struct {
	*subscriptions.DefaultClient

	mu    sync.Mutex               // serialises Subscribe and Unsubscribe
	names atomic.Pointer[[]string] // the subscriptions' names, as DefaultClient keeps them

	// kiosk is whether the client subscribes to Topic, and stream its
	// taken-over connection (nil while PocketBase's handler serves it):
	// with both, the kiosk fan-out writes to the stream directly, without
	// a lock, a map or a goroutine per message (push.go)
	kiosk  atomic.Bool
	stream atomic.Pointer[stream]
	// only is set when the kiosk topic is the client's one subscription
	// (every screen): matches then answers from the prefix alone, without
	// reading the names (three cache misses a client, 5,000 clients, six
	// times per record change: 11 % of the server's CPU in an approval)
	only atomic.Bool
}

var _ subscriptions.Client = (*lightClient)(nil)

func newLightClient() *lightClient {
	return &lightClient{DefaultClient: subscriptions.NewDefaultClient()}
}

// Subscribe implements [subscriptions.Client.Subscribe].
func (c *lightClient) Subscribe(subs ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.DefaultClient.Subscribe(subs...)
	c.refresh()
}

// Unsubscribe implements [subscriptions.Client.Unsubscribe].
func (c *lightClient) Unsubscribe(subs ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.DefaultClient.Unsubscribe(subs...)
	c.refresh()
}

// refresh publishes a new list of names (never changed in place: matches
// reads it without a lock, from 5,000 clients at once, per record change).
func (c *lightClient) refresh() {
	all := c.DefaultClient.Subscriptions()
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	c.names.Store(&names)
	_, kiosk := all[Topic]
	c.kiosk.Store(kiosk)
	c.only.Store(kiosk && len(all) == 1)
}

// Subscriptions implements [subscriptions.Client.Subscriptions]: nil,
// without allocating, when no subscription has one of the prefixes.
func (c *lightClient) Subscriptions(prefixes ...string) map[string]subscriptions.SubscriptionOptions {
	if len(prefixes) > 0 && !c.matches(prefixes) {
		return nil
	}
	return c.DefaultClient.Subscriptions(prefixes...)
}

func (c *lightClient) matches(prefixes []string) bool {
	if c.only.Load() {
		for _, p := range prefixes {
			if hasPrefixQ(Topic, p) {
				return true
			}
		}
		return false
	}
	names := c.names.Load()
	if names == nil {
		return false
	}
	for _, name := range *names {
		for _, p := range prefixes {
			if hasPrefixQ(name, p) {
				return true
			}
		}
	}
	return false
}

// hasPrefixQ is DefaultClient's test, strings.HasPrefix(name+"?", p),
// without building name+"?".
func hasPrefixQ(name, p string) bool {
	if len(p) <= len(name) {
		return strings.HasPrefix(name, p)
	}
	return len(p) == len(name)+1 && p[len(name)] == '?' && strings.HasPrefix(p, name)
}

// lightClientPriority runs the swap before every other connect handler,
// so all of them, and PocketBase, see the same client.
const lightClientPriority = -1 << 20

// bindLightClients gives every realtime connection a lightClient.
func bindLightClients(app core.App) {
	app.OnRealtimeConnectRequest().Bind(&hook.Handler[*core.RealtimeConnectRequestEvent]{
		Id:       "kkLightClient",
		Priority: lightClientPriority,
		Func: func(e *core.RealtimeConnectRequestEvent) error {
			c := newLightClient()
			// the only key PocketBase sets before the hooks (it checks the
			// subscribing request's address against it)
			c.Set(apis.RealtimeClientIPKey, e.Client.Get(apis.RealtimeClientIPKey))
			e.Client = c
			return e.Next()
		},
	})
}
