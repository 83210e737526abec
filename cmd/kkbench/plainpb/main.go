// Command plainpb is plain PocketBase v0.40.4 for kkbench's side-by-side
// figures: no product code, no migrations of ours. kkbench creates the
// equivalent collections through the REST API. It adds only what kkbench
// needs to run the same sign-up algorithm (benchsrv) and an optional
// profiler (--pprof addr).
package main

import (
	"log"
	"os"

	"github.com/pocketbase/pocketbase"

	"github.com/kindness-coalition/kindness-kiosk/cmd/kkbench/internal/benchsrv"
)

func main() {
	app := pocketbase.New()
	var pprofAddr string
	app.RootCmd.PersistentFlags().StringVar(&pprofAddr, "pprof", "", "serve net/http/pprof on this address")
	_ = app.RootCmd.ParseFlags(os.Args[1:])
	benchsrv.ServePprof(pprofAddr)

	benchsrv.Register(app, benchsrv.TxSignUp)

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
