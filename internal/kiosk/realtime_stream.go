package kiosk

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// Realtime streams on a connection taken over from net/http (ADR 0124).
//
// PocketBase's realtimeConnect runs each stream's loop inside its HTTP
// handler: the goroutine parks under ~50 frames of router and middleware
// (its stack grows to 32 KB), net/http keeps a background reader goroutine
// and 10 KB of buffers per connection, and the request's clones stay
// alive: ~58 KB a stream, 290 MB for 5,000 screens (plain PocketBase the
// same), where PRODUCT.md allows 250 MB. Here the last OnRealtimeConnectRequest
// handler takes the connection over (http.Hijacker), writes the response
// head itself, and serves the stream from two goroutines of its own with
// shallow stacks (one waits for messages, one notices the peer leaving),
// then returns, so the handler goroutine and net/http's buffers go.
//
// What PocketBase's handler does is done the same way: the client is
// registered and unregistered, PB_CONNECT and every message go through
// OnRealtimeMessageSend, the connect event's idle and max timeouts hold.
// Where the connection cannot be taken over (HTTP/2, a test recorder),
// PocketBase's own handler serves it.

// Realtime client store keys: clientReleaseKey holds the func that gives a
// stream's slot back to the connection caps (see bindRealtimeGuard);
// clientTakenKey is set once a stream outlives its handler, which then
// leaves the release to the stream's end.
const (
	clientReleaseKey = "kkRelease"
	clientTakenKey   = "kkTaken"
)

// streamHookPriority puts the takeover after every other connect handler
// (they run first, and must: it never calls e.Next()).
const streamHookPriority = 1 << 20

func bindRealtimeStreams(app core.App) {
	app.OnRealtimeConnectRequest().Bind(&hook.Handler[*core.RealtimeConnectRequestEvent]{
		Id:       "kkRealtimeStream",
		Priority: streamHookPriority,
		Func:     serveStream,
	})
}

func serveStream(e *core.RealtimeConnectRequestEvent) error {
	conn, buffered, err := http.NewResponseController(e.Response).Hijack()
	if err != nil {
		return e.Next() // not HTTP/1.x: PocketBase's handler
	}
	if buffered.Reader.Buffered() > 0 {
		_ = conn.Close() // a client that sent more than the request: not an EventSource
		return nil
	}
	s := &stream{
		conn:    conn,
		chunked: e.Request.ProtoAtLeast(1, 1),
		client:  e.Client,
		gone:    make(chan struct{}),
	}
	re := &core.RequestEvent{App: e.App, Auth: e.Auth}
	re.Request = e.Request
	re.Response = &streamWriter{s: s, header: e.Response.Header().Clone()}
	s.event = re

	e.Client.Set(clientKickKey, func() { _ = conn.Close() })
	e.Client.Set(clientTakenKey, true)
	// registered before the head goes out: once a screen sees the
	// stream open, a shutdown's Discard reaches it (a hijacked
	// connection is not closed by http.Server.Shutdown; registering after
	// the head left a window where a stop missed the stream, seen under
	// load in TestShutdownWaitsForSlowPosts)
	e.App.SubscriptionsBroker().Register(e.Client)
	if err := s.writeHead(re.Response.Header()); err != nil {
		e.App.SubscriptionsBroker().Unregister(e.Client.Id())
		_ = conn.Close()
		releaseSlot(e.Client)
		return nil
	}
	go s.watch()
	go s.serve(e.App, e.IdleTimeout, e.MaxTimeout)
	return nil
}

// stream is one taken-over realtime connection.
type stream struct {
	conn    net.Conn
	chunked bool
	client  subscriptions.Client
	event   *core.RequestEvent // for OnRealtimeMessageSend; its Response writes to conn
	gone    chan struct{}      // closed when the peer has left
}

// writeHead sends the status line and headers: those PocketBase's handler
// and the middlewares set (event-stream, no-store, X-Accel-Buffering,
// security and CORS headers), framed as net/http would.
func (s *stream) writeHead(h http.Header) error {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 200 OK\r\n")
	h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	h.Set("Connection", "close") // the stream ends with the connection
	if s.chunked {
		h.Set("Transfer-Encoding", "chunked")
	}
	_ = h.Write(&b)
	b.WriteString("\r\n")
	_ = s.conn.SetWriteDeadline(time.Now().Add(writeStall))
	_, err := s.conn.Write(b.Bytes())
	return err
}

// watch notices the peer leaving (a screen closed, rebooted, reconnected)
// at once, as net/http's background read does for a handler.
func (s *stream) watch() {
	// a tiny buffer: an EventSource sends nothing after its request, and
	// io.Copy's 8 KB buffer, held by every parked reader, was 40 MB for
	// 5,000 screens
	b := make([]byte, 16)
	for {
		if _, err := s.conn.Read(b); err != nil {
			close(s.gone)
			return
		}
	}
}

// serve is PocketBase's stream loop (apis/realtime.go realtimeConnect).
func (s *stream) serve(app core.App, idle, maxAge time.Duration) {
	defer func() {
		app.SubscriptionsBroker().Unregister(s.client.Id())
		if s.chunked {
			_ = s.conn.SetWriteDeadline(time.Now().Add(time.Second))
			_, _ = s.conn.Write([]byte("0\r\n\r\n"))
		}
		_ = s.conn.Close()
		releaseSlot(s.client)
	}()
	if s.send(app, subscriptions.Message{Name: "PB_CONNECT", Data: []byte(`{"clientId":"` + s.client.Id() + `"}`)}) != nil {
		return
	}
	maxTimer, idleTimer := time.NewTimer(maxAge), time.NewTimer(idle)
	defer maxTimer.Stop()
	defer idleTimer.Stop()
	for {
		select {
		case <-maxTimer.C:
			return
		case <-idleTimer.C:
			return
		case <-s.gone:
			return
		case msg, ok := <-s.client.Channel():
			if !ok {
				return // discarded: dropped by the fan-out, or shutting down
			}
			if s.send(app, msg) != nil {
				return
			}
			idleTimer.Reset(idle)
		}
	}
}

func (s *stream) send(app core.App, msg subscriptions.Message) error {
	me := new(core.RealtimeMessageEvent)
	me.RequestEvent = s.event
	me.Client = s.client
	me.Message = &msg
	return app.OnRealtimeMessageSend().Trigger(me, func(me *core.RealtimeMessageEvent) error {
		if err := me.Message.WriteSSE(me.Response, me.Client.Id()); err != nil {
			return err
		}
		return me.Flush()
	})
}

// streamWriter is the http.ResponseWriter OnRealtimeMessageSend handlers
// see: a message is gathered, then written in one system call on Flush.
// http.ResponseController finds FlushError and SetWriteDeadline on it.
type streamWriter struct {
	s      *stream
	header http.Header
	buf    *[]byte // from framePool while a message is gathered
}

// framePool holds message buffers: 5,000 screens each take one for a
// moment per message instead of allocating (and the garbage collector
// collecting) 5,000 per approval.
var framePool = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

func (w *streamWriter) Header() http.Header { return w.header }

func (w *streamWriter) WriteHeader(int) {}

func (w *streamWriter) Write(p []byte) (int, error) {
	if w.buf == nil {
		w.buf = framePool.Get().(*[]byte)
	}
	*w.buf = append(*w.buf, p...)
	return len(p), nil
}

func (w *streamWriter) Flush() { _ = w.FlushError() }

// FlushError writes what was gathered, framed as an HTTP/1.1 chunk, in one
// writev, and gives the buffer back.
func (w *streamWriter) FlushError() error {
	if w.buf == nil {
		return nil
	}
	buf := w.buf
	w.buf = nil
	defer func() {
		if cap(*buf) <= 64<<10 { // a huge message's buffer is not kept
			*buf = (*buf)[:0]
			framePool.Put(buf)
		}
	}()
	if !w.s.chunked {
		_, err := w.s.conn.Write(*buf)
		return err
	}
	var head [20]byte
	frame := net.Buffers{fmt.Appendf(head[:0], "%x\r\n", len(*buf)), *buf, crlf}
	_, err := frame.WriteTo(w.s.conn)
	return err
}

var crlf = []byte("\r\n")

func (w *streamWriter) SetWriteDeadline(t time.Time) error { return w.s.conn.SetWriteDeadline(t) }

// releaseSlot gives a stream's slot back to the connection caps, once.
func releaseSlot(c subscriptions.Client) {
	if release, ok := c.Get(clientReleaseKey).(func()); ok {
		release()
	}
}
