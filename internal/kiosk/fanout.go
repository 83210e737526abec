package kiosk

import (
	"sync"

	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// backlogMax is how many messages a screen may fall behind before it is
// dropped. A screen that reads keeps up within one or two; one that has
// not taken 16 messages is stalled (a TV whose Wi-Fi dropped silently),
// and a dropped screen reconnects and re-syncs its whole feed (ETag), so
// dropping loses it nothing that holding it would have kept.
const backlogMax = 16

// clientKickKey is the realtime client store key of a func that ends the
// client's stream at once (see bindRealtimeGuard), even when its handler is
// stuck writing to a socket nobody reads.
const clientKickKey = "kkKick"

// fanout delivers messages to realtime clients so that no client can hold
// up another (Memos' sse_hub does the same): a client whose stream is
// waiting takes the message at once; one that is busy gets a short ordered
// backlog drained by its own goroutine, which exists only while the
// backlog does; one whose backlog overflows is discarded.
//
// PocketBase's clients have unbuffered channels and Client.Send blocks
// until the client's stream takes the message; the stream blocks, with no
// deadline, on a socket whose peer stopped reading.
type fanout struct {
	mu     sync.Mutex
	behind map[string]*backlog // by client id; only clients with undelivered messages
	stop   <-chan struct{}     // closed when the app stops
	wg     *sync.WaitGroup     // the drainers, waited for when the app stops
}

type backlog struct {
	client subscriptions.Client
	msgs   []subscriptions.Message
	quit   chan struct{} // closed to make the drainer let go of the client
	done   chan struct{} // closed when the drainer has ended
}

func newFanout(stop <-chan struct{}, wg *sync.WaitGroup) *fanout {
	return &fanout{behind: map[string]*backlog{}, stop: stop, wg: wg}
}

// send delivers m to c without ever waiting for c. Calls for one client
// must not overlap (the pusher sends one message at a time), so messages
// arrive in order.
func (f *fanout) send(c subscriptions.Client, m subscriptions.Message) {
	id := c.Id()
	f.mu.Lock()
	if b, ok := f.behind[id]; ok {
		if len(b.msgs) >= backlogMax {
			delete(f.behind, id)
			f.mu.Unlock()
			// the drainer must have let go of the channel before Discard
			// closes it (a close racing a send is a data race)
			close(b.quit)
			<-b.done
			drop(c)
			return
		}
		b.msgs = append(b.msgs, m) // behind what it has not taken yet
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()

	if offer(c, m) {
		return
	}
	if c.IsDiscarded() {
		return
	}
	b := &backlog{client: c, msgs: []subscriptions.Message{m}, quit: make(chan struct{}), done: make(chan struct{})}
	f.mu.Lock()
	f.behind[id] = b
	f.mu.Unlock()
	f.wg.Add(1)
	go f.drain(id, b)
}

// drain hands a backlog to its client one message at a time, and ends
// when the backlog is empty, the client is gone or the app stops.
func (f *fanout) drain(id string, b *backlog) {
	defer f.wg.Done()
	defer close(b.done)
	for {
		f.mu.Lock()
		if f.behind[id] != b || len(b.msgs) == 0 {
			if f.behind[id] == b {
				delete(f.behind, id)
			}
			f.mu.Unlock()
			return
		}
		m := b.msgs[0]
		b.msgs = b.msgs[1:]
		f.mu.Unlock()
		if !wait(b.client, m, f.stop, b.quit) {
			f.mu.Lock()
			if f.behind[id] == b {
				delete(f.behind, id)
			}
			f.mu.Unlock()
			return
		}
	}
}

// offer gives m to c only if c's stream is waiting for it right now.
func offer(c subscriptions.Client, m subscriptions.Message) (ok bool) {
	if c.IsDiscarded() {
		return false
	}
	defer func() {
		if recover() != nil { // the channel was closed (Discard) meanwhile
			ok = false
		}
	}()
	select {
	case c.Channel() <- m:
		return true
	default:
		return false
	}
}

// wait gives m to c, waiting until c's stream takes it, c is discarded,
// or stop or quit is closed.
func wait(c subscriptions.Client, m subscriptions.Message, stop, quit <-chan struct{}) (ok bool) {
	if c.IsDiscarded() {
		return false
	}
	defer func() {
		if recover() != nil { // discarded while we waited: Discard closes the channel
			ok = false
		}
	}()
	select {
	case c.Channel() <- m:
		return true
	case <-stop:
		return false
	case <-quit:
		return false
	}
}

// drop discards a client that cannot keep up and ends its stream, so the
// screen reconnects and re-syncs.
func drop(c subscriptions.Client) {
	c.Discard()
	if kick, ok := c.Get(clientKickKey).(func()); ok {
		kick()
	}
}
