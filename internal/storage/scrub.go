package storage

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// vacuumKey marks, in the app's store, that a migration removed text a
// person typed and the database should be rebuilt once.
const vacuumKey = "kkStorageVacuumPending"

// RequestVacuum asks for one VACUUM at the next start. Migrations call it
// after scrubbing rows: they run inside a transaction, where VACUUM
// cannot, and a database written before secure_delete was on may still
// hold the old text in its free pages.
func RequestVacuum(app core.App) {
	app.Store().Set(vacuumKey, true)
}

// VacuumPending reports whether a VACUUM waits for the next start.
func VacuumPending(app core.App) bool {
	pending, _ := app.Store().Get(vacuumKey).(bool)
	return pending
}

// Register runs a requested VACUUM before the server takes requests.
// Migrations have run by then (apis.Serve applies them first).
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if VacuumPending(se.App) {
			if err := Vacuum(se.App); err != nil {
				// the product still works; the free pages wait for the next try
				se.App.Logger().Error("storage: vacuum after scrub", "error", err)
			} else {
				se.App.Store().Remove(vacuumKey)
			}
		}
		return se.Next()
	})
}

// Vacuum rebuilds data.db without free pages, then truncates the WAL.
func Vacuum(app core.App) error {
	if _, err := app.NonconcurrentDB().NewQuery("VACUUM").Execute(); err != nil {
		return fmt.Errorf("storage: vacuum: %w", err)
	}
	return Checkpoint(app)
}

// Checkpoint copies the write-ahead logs of data.db and auxiliary.db into
// the databases and truncates them to zero bytes, so frames holding text
// that has since been removed leave the disk. PocketBase does the same at
// midnight (its __pbDBOptimize__ job); the purge job calls it right after
// wiping.
func Checkpoint(app core.App) error {
	if _, err := app.NonconcurrentDB().NewQuery("PRAGMA wal_checkpoint(TRUNCATE)").Execute(); err != nil {
		return fmt.Errorf("storage: checkpoint data.db: %w", err)
	}
	if _, err := app.AuxNonconcurrentDB().NewQuery("PRAGMA wal_checkpoint(TRUNCATE)").Execute(); err != nil {
		return fmt.Errorf("storage: checkpoint auxiliary.db: %w", err)
	}
	return nil
}
