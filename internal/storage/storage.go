// Package storage opens PocketBase's SQLite databases the way this product
// wants them: PocketBase's own pragmas, but with synchronous=FULL so a note
// or sign-up acknowledged to a phone survives a power cut of the VM
// (docs/adr/0040-sqlite-durability.md), and secure_delete=ON so text a
// moderator removed (a patient's name in a redacted note, a rejected note
// wiped after its keep days) does not live on in the file's free space
// (docs/adr/0161-no-patient-details-left-behind.md).
package storage

import (
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Synchronous modes of SQLite's PRAGMA synchronous, as PocketBase spells
// them in its connection string.
const (
	SyncNormal = "NORMAL" // PocketBase's default: WAL is synced at checkpoints only
	SyncFull   = "FULL"   // the WAL is synced at every commit
)

// Connect is a core.DBConnectFunc: PocketBase's default connection with
// synchronous=FULL. Pass it as pocketbase.Config.DBConnect.
func Connect(dbPath string) (*dbx.DB, error) {
	return ConnectWith(SyncFull)(dbPath)
}

// ConnectWith returns a core.DBConnectFunc with the given synchronous
// mode and PocketBase's other pragmas unchanged (busy_timeout first, WAL,
// foreign keys, ...), so the benchmark compares like with like. PocketBase
// calls it for both data.db and auxiliary.db (the logs), so both get it.
func ConnectWith(sync string) core.DBConnectFunc {
	return func(dbPath string) (*dbx.DB, error) {
		// same order and values as core.DefaultDBConnect (v0.40.4); only
		// synchronous differs, and secure_delete is added: SQLite then
		// zeroes deleted rows and freed pages instead of leaving them in
		// the file (and in every backup copy of it). busy_timeout must come
		// before journal_mode.
		pragmas := strings.Join([]string{
			"_pragma=busy_timeout(10000)",
			"_pragma=journal_mode(WAL)",
			"_pragma=journal_size_limit(200000000)",
			"_pragma=synchronous(" + sync + ")",
			"_pragma=foreign_keys(ON)",
			"_pragma=temp_store(MEMORY)",
			"_pragma=cache_size(-32000)",
			"_pragma=secure_delete(ON)",
			"_defensive=1",
		}, "&")
		db, err := dbx.Open("sqlite", dbPath+"?"+pragmas)
		if err != nil {
			return nil, fmt.Errorf("storage: open %s: %w", dbPath, err)
		}
		return db, nil
	}
}

// ConnectFor returns the connect function for an operator's
// KIOSK_SQLITE_SYNC value: "" or FULL (the default), or NORMAL
// (PocketBase's own, for storage where every fsync is slow; see the ADR).
func ConnectFor(mode string) (core.DBConnectFunc, error) {
	switch strings.ToUpper(strings.TrimSpace(mode)) {
	case "", SyncFull:
		return Connect, nil
	case SyncNormal:
		return ConnectWith(SyncNormal), nil
	default:
		return nil, fmt.Errorf("storage: KIOSK_SQLITE_SYNC=%q: want FULL or NORMAL", mode)
	}
}
