package kiosk

import (
	"bytes"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
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
// Writes to the stream never wait for the screen (realtime_write.go, ADR
// 0320), and the kiosk fan-out writes its frames straight to the stream.
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
		raw:     rawConn(conn),
		chunked: e.Request.ProtoAtLeast(1, 1),
		client:  e.Client,
		idLine:  []byte("id:" + e.Client.Id() + "\n"),
		gone:    make(chan struct{}),
	}
	re := &core.RequestEvent{App: e.App, Auth: e.Auth}
	re.Request = e.Request
	re.Response = &streamWriter{s: s, header: e.Response.Header().Clone()}
	s.event = re

	e.Client.Set(clientKickKey, s.kill)
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
	if lc, ok := e.Client.(*lightClient); ok {
		lc.stream.Store(s) // the kiosk fan-out writes to it directly
	}
	go s.watch()
	go s.serve(e.App, e.IdleTimeout, e.MaxTimeout)
	return nil
}

// stream is one taken-over realtime connection.
type stream struct {
	conn    net.Conn
	raw     syscall.RawConn // for writes that never wait; nil: none (realtime_write.go)
	chunked bool
	client  subscriptions.Client
	idLine  []byte             // "id:<client id>\n", this stream's line of every event
	event   *core.RequestEvent // for OnRealtimeMessageSend; its Response writes to conn
	gone    chan struct{}      // closed when the peer has left

	// lastSend is when a message last went out (unix ns): the idle
	// timeout counts from it, whichever path the message took
	lastSend atomic.Int64

	wmu      sync.Mutex // guards what follows, and orders the writes
	pending  []byte     // framed bytes the socket has not taken yet
	flushing bool       // a flush goroutine is writing pending
	dead     bool       // closed: no more writes
	// tryWrite's state, kept here so a write allocates nothing
	rawStep func(uintptr) bool
	wp      []byte
	wn      int
	werr    error
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
	if _, err := s.conn.Write(b.Bytes()); err != nil {
		return err
	}
	// from here on writes never wait, and a deadline left behind would
	// fail them once it passed
	return s.conn.SetWriteDeadline(time.Time{})
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
			_ = s.write([]byte("0\r\n\r\n")) // the end, if the socket takes it now
		}
		s.kill()
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
			// the kiosk's messages reach the stream without passing here
			if left := idle - time.Since(time.Unix(0, s.lastSend.Load())); left > 0 {
				idleTimer.Reset(left)
				continue
			}
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

// FlushError sends what was gathered, framed as an HTTP/1.1 chunk, with
// one write that never waits (realtime_write.go), and gives the buffer
// back.
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
		return w.s.send1(*buf)
	}
	frame := framePool.Get().(*[]byte)
	defer func() {
		if cap(*frame) <= 64<<10 {
			*frame = (*frame)[:0]
			framePool.Put(frame)
		}
	}()
	b := strconv.AppendInt((*frame)[:0], int64(len(*buf)), 16)
	b = append(b, '\r', '\n')
	b = append(b, *buf...)
	b = append(b, '\r', '\n')
	*frame = b
	return w.s.send1(b)
}

// SetWriteDeadline is accepted and ignored: the stream's writes never
// wait, and the stream keeps its own deadline for what the socket has not
// taken yet (writeStall, realtime_write.go).
func (w *streamWriter) SetWriteDeadline(time.Time) error { return nil }

// send1 writes one framed message and notes when (for the idle timeout).
func (s *stream) send1(frame []byte) error {
	if err := s.write(frame); err != nil {
		return err
	}
	s.lastSend.Store(time.Now().UnixNano())
	return nil
}

// writeEvent sends one server-sent event of the kiosk fan-out: body is its
// "event:" and "data:" lines and the blank line that ends it, encoded once
// and shared by every stream; only the "id:" line is the stream's own, as
// PocketBase writes it. scratch is the caller's buffer, returned for reuse.
func (s *stream) writeEvent(body, scratch []byte, now int64) ([]byte, error) {
	b := scratch[:0]
	if s.chunked {
		b = strconv.AppendInt(b, int64(len(s.idLine)+len(body)), 16)
		b = append(b, '\r', '\n')
	}
	b = append(b, s.idLine...)
	b = append(b, body...)
	if s.chunked {
		b = append(b, '\r', '\n')
	}
	if err := s.write(b); err != nil {
		return b, err
	}
	s.lastSend.Store(now)
	return b, nil
}

// releaseSlot gives a stream's slot back to the connection caps, once.
func releaseSlot(c subscriptions.Client) {
	if release, ok := c.Get(clientReleaseKey).(func()); ok {
		release()
	}
}
