// Command productpb is the product exactly as main.go wires it (SQLite
// synchronous=FULL included), plus a bench-only route that calls the
// product's events.SignUp and an optional profiler (--pprof addr).
// kkbench uses it for the sign-up burst and for CPU profiles; every other
// figure comes from the real product binary.
package main

import (
	"log"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
	_ "time/tzdata"

	"github.com/kindness-coalition/kindness-kiosk/cmd/kkbench/internal/benchsrv"
	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

func main() {
	connect, err := storage.ConnectFor(os.Getenv("KIOSK_SQLITE_SYNC"))
	if err != nil {
		log.Fatal(err)
	}
	app := pocketbase.NewWithConfig(pocketbase.Config{DBConnect: connect})
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

	// the product's own sign-up (internal/events: the same transaction and
	// record hooks as the form, REST and dashboard) behind the bench route
	benchsrv.Register(app, func(app core.App, eventID string, p benchsrv.Person) (string, error) {
		rec, err := events.SignUp(app, eventID, p.Name, p.Email, p.Unit)
		if err != nil {
			return "", err
		}
		return rec.GetString("status"), nil
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
