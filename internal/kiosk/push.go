package kiosk

import (
	"encoding/json"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// Message is what a screen receives on the "kiosk" topic.
//   - upsert: show (or replace) this card, if it is for the screen's room;
//   - remove: drop the card with this id (rejected, unpublished, deleted);
//   - resync: re-fetch the feed (rooms or settings changed).
type Message struct {
	Op   string `json:"op"`
	ID   string `json:"id,omitempty"`
	Card *Card  `json:"card,omitempty"`
	// Tallies is each affected room's new "N thank-yous for this unit
	// this month" line, when a note's status changed: a unit sees its
	// count move with the approval, not at the next re-sync.
	Tallies map[string]string `json:"tallies,omitempty"`
}

// bindPush pushes every change that affects what screens show, after the
// change is committed. A card is rendered once and sent to every screen;
// each screen keeps what is for its room.
func bindPush(app core.App, views *web.Views) {
	p := &pusher{app: app, views: views, seatsDue: map[string]bool{}}
	for _, c := range []string{s.Notes, s.Stories, s.Events} {
		app.OnRecordAfterCreateSuccess(c).BindFunc(p.onCreate)
		app.OnRecordAfterUpdateSuccess(c).BindFunc(p.onSave)
		app.OnRecordAfterDeleteSuccess(c).BindFunc(p.onDelete)
	}
	// seats left changed
	app.OnRecordAfterCreateSuccess(s.Signups).BindFunc(p.onSignup)
	app.OnRecordAfterUpdateSuccess(s.Signups).BindFunc(p.onSignup)
	app.OnRecordAfterDeleteSuccess(s.Signups).BindFunc(p.onSignup)
	// urgent notices above the rotation (announcement.go)
	bindAnnouncements(app, p)
	// a room renamed or deactivated, quiet hours changed, the base URL changed
	app.OnRecordAfterUpdateSuccess(s.Rooms, s.Settings).BindFunc(p.onResync)
	app.OnRecordAfterDeleteSuccess(s.Rooms).BindFunc(p.onResync)
	app.OnSettingsReload().BindFunc(func(e *core.SettingsReloadEvent) error {
		p.broadcast(e.App, Message{Op: "resync"})
		return e.Next()
	})
	// delayed seat pushes must not touch the app while it closes its
	// databases (shutdown, tests' cleanup, a backup restore)
	app.OnBootstrapClear().BindFunc(func(e *core.BootstrapEvent) error {
		p.life.Lock()
		p.closed = true
		p.life.Unlock()
		p.stopSender() // the sender and its drainers end with the app
		return e.Next()
	})
	app.OnBootstrap().BindFunc(func(e *core.BootstrapEvent) error {
		err := e.Next()
		p.life.Lock()
		p.closed = err != nil
		p.life.Unlock()
		p.run.Lock()
		p.stopped = err != nil
		p.run.Unlock()
		return err
	})
}

type pusher struct {
	app   core.App // the root app, for work done after a hook returns
	views *web.Views

	// run guards the sender: started by the first broadcast, stopped (and
	// waited for, drainers included) when the app's bootstrap is cleared
	run     sync.Mutex
	queue   chan queued   // nil while no sender runs
	stop    chan struct{} // closed to stop the sender and its drainers
	stopped bool          // the app is closed: start no sender
	workers sync.WaitGroup

	mu       sync.Mutex
	seatsDue map[string]bool // events whose seats update is scheduled

	// life guards closed: a delayed push holds it for reading while it
	// uses the app, so the app's databases are never closed under it
	life   sync.RWMutex
	closed bool
}

type queued struct {
	app core.App
	msg Message
}

func (p *pusher) onSave(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	p.push(e.App, e.Record)
	return nil
}

// onCreate pushes a new record only if screens show it: a note posted
// from a phone waits for a moderator and costs the screens nothing.
func (p *pusher) onCreate(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	if visible(e.Record) {
		p.push(e.App, e.Record)
	}
	return nil
}

// visible reports whether a record's status puts it on the screens.
func visible(r *core.Record) bool {
	switch r.GetString(s.FieldStatus) {
	case s.StatusApproved, s.StatusPublished:
		return true
	}
	return false
}

func (p *pusher) onDelete(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	p.broadcast(e.App, Message{Op: "remove", ID: e.Record.Id})
	return nil
}

// seatsDelay coalesces the seat-count updates of a sign-up rush: one
// re-rendered event card (QR code included) per event per 300 ms instead
// of one per sign-up, which cost 15-20% of the CPU of a 500-person rush.
const seatsDelay = 300 * time.Millisecond

func (p *pusher) onSignup(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	eventID := e.Record.GetString(s.SignupEvent)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seatsDue[eventID] {
		return nil
	}
	p.seatsDue[eventID] = true
	time.AfterFunc(seatsDelay, func() {
		p.mu.Lock()
		delete(p.seatsDue, eventID)
		p.mu.Unlock()
		// the root app: e.App may be a transaction that has ended by now
		app := p.app
		// NB! not app.IsBootstrapped(): it reads the database handles
		// without a lock while shutdown sets them to nil (a data race)
		p.life.RLock()
		defer p.life.RUnlock()
		if p.closed {
			return // shutting down
		}
		defer func() {
			// a seats update is not worth a crash (screens re-sync anyway)
			if r := recover(); r != nil {
				app.Logger().Warn("kiosk seats push after shutdown", "event", eventID, "panic", r)
			}
		}()
		// only events the screens show: a draft's id never goes out
		if ev, err := app.FindRecordById(s.Events, eventID); err == nil && visible(ev) {
			p.push(app, ev)
		}
	})
	return nil
}

func (p *pusher) onResync(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	p.broadcast(e.App, Message{Op: "resync"})
	return nil
}

// push sends the record's card if screens should show it, else a removal.
func (p *pusher) push(app core.App, r *core.Record) {
	b := newBuilder(app, p.views)
	var card Card
	var err error
	status := r.GetString(s.FieldStatus)
	switch r.Collection().Name {
	case s.Notes:
		if status == s.StatusApproved {
			card, err = b.noteCard(r)
		}
	case s.Stories:
		if status == s.StatusPublished {
			card, err = b.storyCard(r)
		}
	case s.Events:
		if status == s.StatusPublished {
			card, err = b.eventCard(r)
		}
	}
	if err != nil {
		app.Logger().Error("kiosk push", "error", err, "record", r.Id)
		return
	}
	var tallies map[string]string
	if r.Collection().Name == s.Notes {
		tallies = noteTallies(app, r)
	}
	if card.ID == "" {
		p.broadcast(app, Message{Op: "remove", ID: r.Id, Tallies: tallies})
		return
	}
	p.broadcast(app, Message{Op: "upsert", Card: &card, Tallies: tallies})
}

// noteTallies recounts the rooms a note can count for (the one it was
// written in and its for_room; recognition decides which one it does).
func noteTallies(app core.App, r *core.Record) map[string]string {
	tallies := map[string]string{}
	now := time.Now()
	for _, room := range []string{r.GetString(s.FieldRoom), r.GetString(s.NoteForRoom)} {
		if room == "" {
			continue
		}
		t, err := recognition.Tally(app, room, now)
		if err != nil {
			app.Logger().Warn("kiosk tally", "error", err, "room", room)
			continue
		}
		tallies[room] = t
	}
	return tallies
}

// chunkSize is how many clients a fan-out worker takes at a time
// (PocketBase's own realtime fan-out uses the same).
const chunkSize = 150

// queueSize is how many changes may wait for the sender; more is a burst
// no screen needs message by message (they re-sync).
const queueSize = 256

// broadcast queues a message for every screen without blocking the
// moderator's request on a slow client.
func (p *pusher) broadcast(app core.App, m Message) {
	p.run.Lock()
	defer p.run.Unlock()
	if p.stopped {
		return
	}
	if p.queue == nil {
		p.queue, p.stop = make(chan queued, queueSize), make(chan struct{})
		p.workers.Add(1)
		go p.send(p.queue, p.stop)
	}
	select {
	case p.queue <- queued{app, m}:
	default:
		// 256 changes behind: drop it; screens re-sync from the feed
		// every few minutes and after every reconnect
		app.Logger().Warn("kiosk push queue full; screens will catch up on re-sync", "op", m.Op)
	}
}

// stopSender stops the sender and its drainers and waits for them: none
// of them can block (deliveries never wait for a client past stop).
func (p *pusher) stopSender() {
	p.run.Lock()
	p.stopped = true
	if p.stop != nil {
		close(p.stop)
	}
	p.queue, p.stop = nil, nil
	p.run.Unlock()
	p.workers.Wait()
}

// send sends queued messages one at a time, in order (an approval and a
// quick rejection must not arrive swapped), each to every subscribed
// client (ADR 0320). The message is encoded once: its JSON and its
// server-sent event lines are the same bytes for every screen, and a
// taken-over stream (realtime_stream.go) gets them written straight to its
// socket by one of GOMAXPROCS workers, with a write that never waits
// (realtime_write.go): no lock, map, goroutine or channel per screen.
// Other clients (PocketBase's own handler serves them, e.g. over HTTP/2)
// get the message through their channel (fanout.go). No client can hold
// up another.
func (p *pusher) send(queue <-chan queued, stop <-chan struct{}) {
	defer p.workers.Done()
	out := newFanout(stop, &p.workers)
	scratch := make([][]byte, runtime.GOMAXPROCS(0)) // one frame buffer per worker
	for {
		var q queued
		select {
		case q = <-queue:
		case <-stop:
			return
		}
		data, err := json.Marshal(q.msg)
		if err != nil {
			continue
		}
		msg := subscriptions.Message{Name: Topic, Data: data}
		body := sseBody(Topic, data)
		now := time.Now().UnixNano()
		chunks := q.app.SubscriptionsBroker().ChunkedClients(chunkSize)
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := range min(len(scratch), len(chunks)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := scratch[w]
				for i := int(next.Add(1) - 1); i < len(chunks); i = int(next.Add(1) - 1) {
					for _, c := range chunks[i] {
						if lc, ok := c.(*lightClient); ok {
							if st := lc.stream.Load(); st != nil {
								if lc.kiosk.Load() {
									buf, _ = st.writeEvent(body, buf, now) // an error: the stream is closed
								}
								continue
							}
						}
						if c.HasSubscription(Topic) {
							out.send(c, msg)
						}
					}
				}
				scratch[w] = buf
			}()
		}
		wg.Wait()
	}
}

// sseBody is a server-sent event without its "id:" line, as PocketBase's
// Message.WriteSSE writes it after that line.
func sseBody(name string, data []byte) []byte {
	b := make([]byte, 0, len("event:\ndata:\n\n")+len(name)+len(data))
	b = append(b, "event:"...)
	b = append(b, name...)
	b = append(b, "\ndata:"...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}
