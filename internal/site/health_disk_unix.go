//go:build unix

package site

import (
	"fmt"
	"syscall"
)

// diskHasRoom fails when the data folder's file system is (nearly) full.
func diskHasRoom(dir string) error {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		return fmt.Errorf("can't read the free space of %s: %w", dir, err)
	}
	free := uint64(fs.Bavail) * uint64(fs.Bsize)
	floor := min(uint64(minFreeBytes), uint64(fs.Blocks)*uint64(fs.Bsize)/20)
	if free < floor {
		return fmt.Errorf("the disk is full: %d MB free in %s, need at least %d MB", free>>20, dir, max(floor>>20, 1))
	}
	return nil
}
