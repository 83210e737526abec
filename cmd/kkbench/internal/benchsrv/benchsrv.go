// Package benchsrv is what kkbench adds to the servers it starts, and
// nothing else: one sign-up route (productpb binds events.SignUp to it,
// plainpb the bare TxSignUp), one route that reports how SQLite was
// opened (so the report can show each column's durability as read, not
// as intended), and an optional pprof listener for CPU profiles. The
// product binary itself never contains it.
package benchsrv

import (
	"errors"
	"log"
	"net/http"
	// the profiler on its own listener, only with --pprof
	_ "net/http/pprof"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
)

// Person is what a sign-up form sends.
type Person struct {
	Name, Email, Unit string
}

// SignUpFunc signs one person up for an event and returns the status
// given ("confirmed" or "waitlisted").
//
// productpb passes the product's events.SignUp; plainpb passes [TxSignUp],
// the bare algorithm a plain PocketBase app would need.
type SignUpFunc func(app core.App, eventID string, p Person) (string, error)

// ErrNoEvent means the event does not exist.
var ErrNoEvent = errors.New("no such event")

// TxSignUp is the capacity algorithm of PRODUCT.md: count the confirmed
// sign-ups for the event and insert the new one as confirmed or waitlisted,
// both inside one write transaction, so concurrent sign-ups cannot both
// take the last seat.
func TxSignUp(app core.App, eventID string, p Person) (string, error) {
	var status string
	err := app.RunInTransaction(func(tx core.App) error {
		event, err := tx.FindRecordById("events", eventID)
		if err != nil {
			return ErrNoEvent
		}
		confirmed, err := tx.CountRecords("signups", dbx.HashExp{"event": eventID, "status": "confirmed"})
		if err != nil {
			return err
		}
		capacity := event.GetInt("capacity")
		status = "waitlisted"
		if capacity == 0 || int(confirmed) < capacity {
			status = "confirmed"
		}
		signups, err := tx.FindCachedCollectionByNameOrId("signups")
		if err != nil {
			return err
		}
		rec := core.NewRecord(signups)
		rec.Set("event", eventID)
		rec.Set("name", p.Name)
		rec.Set("email", p.Email)
		rec.Set("unit", p.Unit)
		rec.Set("status", status)
		rec.Set("token", security.RandomString(32))
		return tx.Save(rec)
	})
	return status, err
}

// Register binds POST /kkbench/signup/{event} (form fields name, email,
// unit; answers {"status": ...}) to signUp.
func Register(app core.App, signUp SignUpFunc) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.POST("/kkbench/signup/{event}", func(e *core.RequestEvent) error {
			if err := e.Request.ParseForm(); err != nil {
				return e.BadRequestError("bad form", err)
			}
			f := e.Request.PostForm
			status, err := signUp(e.App, e.Request.PathValue("event"), Person{Name: f.Get("name"), Email: f.Get("email"), Unit: f.Get("unit")})
			switch {
			case errors.Is(err, ErrNoEvent):
				return e.NotFoundError("", err)
			case err != nil:
				return e.BadRequestError("sign-up failed", err)
			}
			return e.JSON(http.StatusOK, map[string]string{"status": status})
		})
		se.Router.GET("/kkbench/sqlite", func(e *core.RequestEvent) error {
			p, err := ReadPragmas(e.App)
			if err != nil {
				return e.InternalServerError("", err)
			}
			return e.JSON(http.StatusOK, p)
		})
		return se.Next()
	})
}

// Pragmas are the SQLite settings that decide what a commit costs.
type Pragmas struct {
	Synchronous  int `json:"synchronous"`   // 1 NORMAL, 2 FULL
	SecureDelete int `json:"secure_delete"` // 1 on
}

// ReadPragmas reads them on the connection every write goes through.
func ReadPragmas(app core.App) (Pragmas, error) {
	var p Pragmas
	db := app.NonconcurrentDB()
	if err := db.NewQuery("PRAGMA synchronous").Row(&p.Synchronous); err != nil {
		return p, err
	}
	err := db.NewQuery("PRAGMA secure_delete").Row(&p.SecureDelete)
	return p, err
}

// ServePprof starts net/http/pprof on addr (e.g. 127.0.0.1:6060) when addr
// is set, so kkbench can fetch a CPU profile of the server under load.
func ServePprof(addr string) {
	if addr == "" {
		return
	}
	go func() { log.Println("pprof:", http.ListenAndServe(addr, nil)) }()
}
