package kiosk

import (
	"errors"
	"net"
	"syscall"
	"time"
)

// A taken-over stream's writes never wait (ADR 0320).
//
// Every write (a kiosk frame from the fan-out, PB_CONNECT, a PocketBase
// record event) is first tried at once, without blocking: a screen that
// reads has room in its socket buffer, so the bytes go out in that one
// system call, from the caller's goroutine. What the socket cannot take
// is kept, in order, in a buffer of the stream's own, which one goroutine
// (started only then) writes out with a deadline; meanwhile further
// frames join that buffer without a system call. A stream whose buffer
// passes maxPending, or whose socket takes nothing for writeStall, is
// stalled: it is closed (costing nothing more from then on) and the
// screen, if it is alive after all, reconnects and re-syncs its feed.

// maxPending is how many bytes a stream may hold that its socket has not
// taken. The kernel buffers tens to hundreds of KB per socket before a
// write comes back short, so a screen this far behind on top of that has
// stopped reading (a TV whose Wi-Fi dropped silently); ~50 kiosk messages.
const maxPending = 64 << 10

var errStalled = errors.New("realtime stream stalled: closed so the screen reconnects and re-syncs")

// write sends p, framed, on the stream without waiting for the peer: what
// the socket does not take at once is kept for the flusher. p may be
// reused by the caller when write returns. An error means the stream is
// closed (it was stalled, or the peer left).
func (s *stream) write(p []byte) error {
	s.wmu.Lock()
	if s.dead {
		s.wmu.Unlock()
		return net.ErrClosed
	}
	if s.flushing {
		if len(s.pending)+len(p) > maxPending {
			s.wmu.Unlock()
			s.kill()
			return errStalled
		}
		s.pending = append(s.pending, p...)
		s.wmu.Unlock()
		return nil
	}
	n, err := s.tryWrite(p)
	if err != nil {
		s.wmu.Unlock()
		s.kill()
		return err
	}
	if n < len(p) {
		s.pending = append(s.pending[:0], p[n:]...)
		s.flushing = true
		go s.flush()
	}
	s.wmu.Unlock()
	return nil
}

// tryWrite writes what the socket takes now, without waiting: n < len(p)
// with a nil error when its buffer is full. Called with wmu held.
func (s *stream) tryWrite(p []byte) (n int, err error) {
	if s.raw == nil {
		return 0, nil // the flusher writes everything
	}
	if s.rawStep == nil {
		s.rawStep = s.writeStep // a method value allocates: once a stream
	}
	s.wp, s.wn, s.werr = p, 0, nil
	if err := s.raw.Write(s.rawStep); err != nil {
		s.werr = err
	}
	n, err = s.wn, s.werr
	s.wp, s.werr = nil, nil
	return n, err
}

// writeStep is the body of tryWrite's raw write (s.wp from s.wn on): it
// returns true at once whatever the socket took, so the poller never
// waits for room.
func (s *stream) writeStep(fd uintptr) bool {
	for s.wn < len(s.wp) {
		k, e := nonblockingWrite(fd, s.wp[s.wn:])
		if k > 0 {
			s.wn += k
		}
		switch {
		case e == syscall.EINTR:
			continue
		case e == syscall.EAGAIN || e == syscall.EWOULDBLOCK:
			return true // full: the rest waits for the flusher
		case e != nil:
			s.werr = e
			return true
		case k <= 0:
			return true
		}
	}
	return true
}

// flush writes the stream's pending bytes with a deadline, until there
// are none left (then the next write is tried at once again) or the
// socket takes nothing for writeStall (then the stream is closed).
func (s *stream) flush() {
	var buf []byte
	for {
		s.wmu.Lock()
		if s.dead {
			s.wmu.Unlock()
			return
		}
		if len(s.pending) == 0 {
			s.flushing = false
			// a deadline left behind would fail the next immediate write
			// once it passed
			_ = s.conn.SetWriteDeadline(time.Time{})
			s.wmu.Unlock()
			return
		}
		buf, s.pending = s.pending, buf[:0]
		s.wmu.Unlock()
		_ = s.conn.SetWriteDeadline(time.Now().Add(writeStall))
		if _, err := s.conn.Write(buf); err != nil {
			s.kill()
			return
		}
	}
}

// kill ends the stream at once: its connection is closed (which ends the
// flusher's write, the watcher's read and so serve) and its client
// discarded, so nothing is sent to it any more.
func (s *stream) kill() {
	s.wmu.Lock()
	if s.dead {
		s.wmu.Unlock()
		return
	}
	s.dead = true
	s.pending = nil
	s.wmu.Unlock()
	_ = s.conn.Close()
	s.client.Discard()
}
