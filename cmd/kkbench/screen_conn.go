package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"
)

// A simulated screen's stream, read as cheaply as kkbench can: the 5,000
// screens share the 2 cores with the server they measure, so every
// microsecond a screen spends reading is one the server does not get.
// Each screen is a raw TCP connection (no net/http client: no chunked
// reader, scanner or transport goroutines) read with recvmsg into a fixed
// buffer, scanned for two byte patterns (the event line of the topic and
// the current approval's record id) without parsing the stream.
//
// Arrival is timed by the kernel (SO_TIMESTAMPNS: when the bytes reached
// the screen's socket), and reading by kkbench (when its goroutine got to
// them): on a machine this busy the second includes the wait for a core,
// which a TV (a computer of its own) does not have. Both are reported.

// screenBuf is a screen's read buffer: a kiosk message is ~1.5 KB.
const screenBuf = 4 << 10

// carry is how many bytes of one read are kept before the next, so a
// pattern split between two reads is still found.
const carry = 64

// screenConn is one screen's connection.
type screenConn struct {
	conn net.Conn
	raw  syscall.RawConn
	buf  []byte // carry bytes of the last read, then the new ones
	keep int    // bytes carried over
	oob  [64]byte

	// the last recvmsg's results (fields, so the read callback is a
	// method value made once: no allocation per read)
	n, oobn int
	err     error
	step    func(fd uintptr) bool
}

// dialScreen opens GET /api/realtime from the screen's address and reads
// the response head. A stalled screen gets a Wi-Fi-sized segment and a
// small receive buffer: on loopback (64 KB segments) the server's send
// buffer would otherwise hold megabytes before a write comes back short,
// where a TV's link fills in tens of KB.
func dialScreen(ctx context.Context, addr string, from net.IP, stalled bool) (*screenConn, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: from}, Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_TIMESTAMPNS, 1)
			if serr == nil && stalled {
				if serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, 1200); serr == nil {
					serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
				}
			}
		})
		if err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	raw, err := conn.(*net.TCPConn).SyscallConn()
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &screenConn{conn: conn, raw: raw, buf: make([]byte, carry+screenBuf)}
	c.step = c.recv
	if _, err := fmt.Fprintf(conn, "GET /api/realtime HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", addr); err != nil {
		conn.Close()
		return nil, err
	}
	// the head: up to the blank line; what follows stays carried over
	for {
		data, _, err := c.read()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("realtime head: %w", err)
		}
		if i := bytes.Index(data, []byte("\r\n\r\n")); i >= 0 {
			if !bytes.HasPrefix(data, []byte("HTTP/1.1 200")) {
				conn.Close()
				line, _, _ := bytes.Cut(data, []byte("\r\n"))
				return nil, fmt.Errorf("realtime: %s", line)
			}
			c.keep = copy(c.buf, data[i+4:])
			return c, nil
		}
		if len(data) >= len(c.buf) {
			conn.Close()
			return nil, errors.New("realtime head too long")
		}
		c.keep = len(data) // keep reading the head
	}
}

// clientID reads up to PB_CONNECT and returns the client id in it.
func (c *screenConn) clientID() (string, error) {
	data := c.buf[:c.keep] // it often came with the head
	for {
		const key = `"clientId":"`
		if i := bytes.Index(data, []byte(key)); i >= 0 {
			rest := data[i+len(key):]
			if j := bytes.IndexByte(rest, '"'); j >= 0 {
				var id string
				err := json.Unmarshal(data[i+len(key)-1:i+len(key)+j+1], &id)
				c.keep = 0
				return id, err
			}
		}
		if len(data) >= len(c.buf) {
			return "", errors.New("no PB_CONNECT")
		}
		c.keep = len(data)
		var err error
		if data, _, err = c.read(); err != nil {
			return "", err
		}
	}
}

// read waits for more bytes and returns them after the carried ones, with
// the kernel's arrival time (zero if it gave none). The next read carries
// over c.keep bytes from the end of what this one returned: the caller
// sets it (scan does).
func (c *screenConn) read() (data []byte, arrived time.Time, err error) {
	if err := c.raw.Read(c.step); err != nil {
		return nil, time.Time{}, err
	}
	if c.err != nil {
		return nil, time.Time{}, c.err
	}
	if c.n == 0 {
		return nil, time.Time{}, errors.New("stream closed")
	}
	return c.buf[:c.keep+c.n], c.stamp(), nil
}

// recv is one recvmsg (the callback of RawConn.Read: false = wait for data).
func (c *screenConn) recv(fd uintptr) bool {
	c.n, c.oobn, _, _, c.err = syscall.Recvmsg(int(fd), c.buf[c.keep:], c.oob[:], 0)
	if c.err == syscall.EAGAIN || c.err == syscall.EINTR {
		c.err = nil
		return false
	}
	return true
}

// stamp is the SCM_TIMESTAMPNS in the last read's control data: a
// cmsghdr (len, level, type) then a timespec, on 64-bit Linux.
func (c *screenConn) stamp() time.Time {
	b := c.oob[:c.oobn]
	for len(b) >= 16 {
		l := int(binary.NativeEndian.Uint64(b))
		level, typ := int32(binary.NativeEndian.Uint32(b[8:])), int32(binary.NativeEndian.Uint32(b[12:]))
		if l < 16 || l > len(b) {
			return time.Time{}
		}
		if level == syscall.SOL_SOCKET && typ == syscall.SO_TIMESTAMPNS && l >= 32 {
			sec, nsec := int64(binary.NativeEndian.Uint64(b[16:])), int64(binary.NativeEndian.Uint64(b[24:]))
			return time.Unix(sec, nsec)
		}
		b = b[(l+7)&^7:]
	}
	return time.Time{}
}

// count returns how many times pat ends in data after its first `old`
// bytes (the carried-over ones were counted by the previous read).
func count(data []byte, old int, pat []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], pat)
		if j < 0 {
			return n
		}
		if i+j+len(pat) > old {
			n++
		}
		i += j + 1
	}
}

// contains reports whether pat ends in data after its first old bytes.
func contains(data []byte, old int, pat []byte) bool {
	start := max(0, old-len(pat)+1)
	return bytes.Contains(data[start:], pat)
}

// scan is done after each read: the next one carries the last bytes over.
func (c *screenConn) scanned(data []byte) {
	c.keep = copy(c.buf, data[max(0, len(data)-carry):])
}
