// Command kindness-kiosk is the whole product in one binary: PocketBase
// (database, dashboard, REST API) plus the break-room screens, the phone
// forms and the schema, all embedded.
//
//	kindness-kiosk serve --http 0.0.0.0:8090 --app-url https://kindness.hospital.local
package main

import (
	"cmp"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	// the schema, rules and default settings, compiled in
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
	// IANA time zones inside the binary: servers without tzdata still work
	_ "time/tzdata"

	"github.com/kindness-coalition/kindness-kiosk/internal/accounts"
	"github.com/kindness-coalition/kindness-kiosk/internal/demo"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/internal/storage"
	"github.com/kindness-coalition/kindness-kiosk/internal/version"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
)

func main() {
	app, err := newApp("")
	if err != nil {
		log.Fatal(err)
	}

	// which build this is: --version, and a line in the journal at start
	app.RootCmd.Version = version.String()
	app.OnServe().BindFunc(version.Announce)

	var appURL, hooksDir, corsOrigins string
	var seedDemo bool
	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&appURL, "app-url", os.Getenv("KIOSK_APP_URL"),
		"public base URL phones reach (QR codes encode it); also KIOSK_APP_URL; stored as Settings > Application URL")
	flags.StringVar(&corsOrigins, "cors", os.Getenv("KIOSK_CORS_ORIGINS"),
		"extra comma-separated origins allowed to call the API from a browser (the app URL always is; '*' = any); also KIOSK_CORS_ORIGINS")
	flags.BoolVar(&seedDemo, "demo", false, "fill an empty database with a realistic demo (rooms, notes, a story, events)")
	flags.StringVar(&hooksDir, "hooksDir", "", "folder of optional operator JS hooks (default pb_hooks inside the data folder)")
	_ = app.RootCmd.ParseFlags(os.Args[1:])

	// optional operator hooks (pb_hooks/*.pb.js) and JS migrations, inside the
	// data folder, not beside it: the product needs none (docs/adr/0001, 0105)
	jsvm.MustRegister(app, jsvm.Config{
		HooksDir:      cmp.Or(hooksDir, filepath.Join(app.DataDir(), "pb_hooks")),
		MigrationsDir: filepath.Join(app.DataDir(), "pb_migrations"),
		HooksWatch:    false,
	})
	// `migrate` command for operators; our migrations are Go and compiled in
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Dir: "pb_migrations"})
	// `moderator add EMAIL --roles ...`: staff accounts without superuser powers
	accounts.Register(app)

	if _, err := site.Register(app, site.Config{
		Public: pb_public.FS, AppURL: appURL, CORSOrigins: strings.Split(corsOrigins, ","),
	}); err != nil {
		log.Fatal(err)
	}
	if seedDemo {
		demo.Register(app)
	}

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// newApp creates PocketBase with SQLite synchronous=FULL unless
// KIOSK_SQLITE_SYNC=NORMAL (docs/adr/0040). dataDir "" means ./pb_data.
func newApp(dataDir string) (*pocketbase.PocketBase, error) {
	connect, err := storage.ConnectFor(os.Getenv("KIOSK_SQLITE_SYNC"))
	if err != nil {
		return nil, err
	}
	return pocketbase.NewWithConfig(pocketbase.Config{
		// not PocketBase's "dev when go run": the README's run command
		// should look like production, not print every SQL statement
		// (--dev still turns it on)
		DefaultDev:     false,
		DefaultDataDir: dataDir,
		DBConnect:      connect,
	}), nil
}
