package site

import (
	"fmt"
	"log"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// journal writes to stderr, which systemd keeps in the journal
// (`journalctl -u kindness-kiosk`). PocketBase keeps its logs only in the
// database (dashboard → Logs): when that database is what fails, IT would
// see nothing.
var journal = log.New(os.Stderr, "", log.LstdFlags)

// registerJournal copies warnings and errors to the journal as PocketBase
// logs them: the app's own (a failed save, a failed backup) and requests
// that failed on the server's side (5xx). Requests refused for the
// client's fault (404, 429, ...) stay in the dashboard only: every bot
// probing the intranet would flood the journal.
//
// NB! The copy is made as the log is saved (a batch every few seconds),
// before the database write, so it still happens when that write fails.
// With Settings → Logs → max days = 0 PocketBase saves no logs, and then
// nothing is copied.
func registerJournal(app core.App) {
	app.OnModelCreate(core.LogsTableName).Bind(&hook.Handler[*core.ModelEvent]{
		Id: "kkJournal",
		Func: func(e *core.ModelEvent) error {
			if l, ok := e.Model.(*core.Log); ok {
				if line, ok := journalLine(l); ok {
					journal.Print(line)
				}
			}
			return e.Next()
		},
	})
}

// journalLine formats a log for the journal, or says to leave it out.
func journalLine(l *core.Log) (string, bool) {
	if status, isRequest := l.Data["status"]; isRequest {
		if n, err := strconv.Atoi(fmt.Sprint(status)); err == nil && n < 500 {
			return "", false
		}
	} else if l.Level < int(slog.LevelWarn) {
		return "", false
	}
	var b strings.Builder
	b.WriteString(slog.Level(l.Level).String())
	b.WriteString(" ")
	b.WriteString(l.Message)
	for _, k := range slices.Sorted(maps.Keys(l.Data)) {
		v := fmt.Sprint(l.Data[k])
		if v == "" {
			continue
		}
		if len(v) > 500 {
			v = v[:500] + "…"
		}
		fmt.Fprintf(&b, " %s=%q", k, v)
	}
	return b.String(), true
}
