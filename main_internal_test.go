package main

import "testing"

// TestNewAppIsDurable: the binary's app opens SQLite with
// synchronous=FULL (2), the choice of docs/adr/0040; NORMAL (1) only when
// the operator asks with KIOSK_SQLITE_SYNC=NORMAL.
func TestNewAppIsDurable(t *testing.T) {
	for env, want := range map[string]int{"": 2, "NORMAL": 1} {
		t.Setenv("KIOSK_SQLITE_SYNC", env)
		app, err := newApp(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if err := app.Bootstrap(); err != nil {
			t.Fatal(err)
		}
		var got int
		err = app.NonconcurrentDB().NewQuery("PRAGMA synchronous").Row(&got)
		_ = app.ClearBootstrap()
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("KIOSK_SQLITE_SYNC=%q: PRAGMA synchronous = %d, want %d", env, got, want)
		}
	}
	t.Setenv("KIOSK_SQLITE_SYNC", "OFF")
	if _, err := newApp(t.TempDir()); err == nil {
		t.Error("KIOSK_SQLITE_SYNC=OFF accepted")
	}
}
