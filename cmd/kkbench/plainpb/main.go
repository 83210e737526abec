// Command plainpb is plain PocketBase v0.40.4 for kkbench's side-by-side
// figures: no product code, no migrations of ours. kkbench creates the
// equivalent collections through the REST API. It adds only what kkbench
// needs to run the same sign-up algorithm (benchsrv), an optional
// profiler (--pprof addr), and --sqlite-sync, which opens SQLite with the
// product's own connect function (internal/storage: PocketBase's pragmas
// with the given synchronous mode, plus secure_delete) instead of
// PocketBase's stock one, so the note posts can be compared at equal
// durability (FULL: an fsync of the WAL per commit, as the product runs).
package main

import (
	"log"
	"os"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/cmd/kkbench/internal/benchsrv"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
)

func main() {
	// the flag is read after the app exists; PocketBase opens the
	// databases later, at bootstrap, and asks connect then
	connect := core.DefaultDBConnect
	app := pocketbase.NewWithConfig(pocketbase.Config{
		DBConnect: func(dbPath string) (*dbx.DB, error) { return connect(dbPath) },
	})
	var pprofAddr, sync string
	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&pprofAddr, "pprof", "", "serve net/http/pprof on this address")
	flags.StringVar(&sync, "sqlite-sync", "", "FULL or NORMAL: open SQLite as the product does (internal/storage) with this synchronous mode; empty = stock PocketBase")
	_ = app.RootCmd.ParseFlags(os.Args[1:])
	if sync != "" {
		c, err := storage.ConnectFor(sync)
		if err != nil {
			log.Fatal(err)
		}
		connect = c
	}
	benchsrv.ServePprof(pprofAddr)

	benchsrv.Register(app, benchsrv.TxSignUp)

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
