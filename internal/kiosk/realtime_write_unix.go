//go:build unix

package kiosk

import (
	"net"
	"syscall"
)

// rawConn is the stream's socket for non-blocking writes, or nil where
// there is none (a TLS connection): then every write goes through the
// flusher.
func rawConn(c net.Conn) syscall.RawConn {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	return rc
}

// nonblockingWrite is one write(2) on the socket, which Go's poller keeps
// in non-blocking mode: a full buffer answers EAGAIN instead of waiting.
func nonblockingWrite(fd uintptr, p []byte) (int, error) {
	return syscall.Write(int(fd), p)
}
