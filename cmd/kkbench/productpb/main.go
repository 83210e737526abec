// Command productpb is the product exactly as main.go wires it, plus the
// bench-only sign-up route and an optional profiler (--pprof addr).
// kkbench uses it for the sign-up burst (the product has no sign-up route
// until internal/events lands) and for CPU profiles; every other figure
// comes from the real product binary.
package main

import (
	"log"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
	_ "time/tzdata"

	"github.com/kindness-coalition/kindness-kiosk/cmd/kkbench/internal/benchsrv"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

func main() {
	app := pocketbase.New()
	var appURL, pprofAddr string
	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&appURL, "app-url", "", "public base URL (as the product's --app-url)")
	flags.StringVar(&pprofAddr, "pprof", "", "serve net/http/pprof on this address")
	_ = app.RootCmd.ParseFlags(os.Args[1:])
	benchsrv.ServePprof(pprofAddr)

	jsvm.MustRegister(app, jsvm.Config{HooksWatch: false})
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Dir: "pb_migrations"})
	if _, err := site.Register(app, site.Config{Public: pb_public.FS, AppURL: appURL}); err != nil {
		log.Fatal(err)
	}

	// NB! switch to events.SignUp when internal/events lands
	benchsrv.Register(app, benchsrv.TxSignUp)

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
