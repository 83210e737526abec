//go:build !unix

package kiosk

import (
	"net"
	"syscall"
)

// rawConn: no non-blocking writes here; every write goes through the
// flusher (one goroutine per write, with a deadline).
func rawConn(net.Conn) syscall.RawConn { return nil }

func nonblockingWrite(uintptr, []byte) (int, error) { return 0, syscall.EAGAIN }
