package site

import (
	"log/slog"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// TestJournalLine: warnings and errors of the app, and requests that
// failed on the server's side, go to the journal; requests refused for the
// client's fault (a bot's 404, a 429) and info logs don't.
func TestJournalLine(t *testing.T) {
	for _, c := range []struct {
		level int
		msg   string
		data  map[string]any
		want  string
	}{
		{int(slog.LevelError), "save note", map[string]any{"error": "disk I/O error"}, `ERROR save note error="disk I/O error"`},
		{int(slog.LevelWarn), "shutdown: requests still running", nil, "WARN shutdown: requests still running"},
		{int(slog.LevelError), "POST /notes", map[string]any{"status": int64(500), "error": "boom", "url": "/notes"}, `ERROR POST /notes error="boom" status="500" url="/notes"`},
		{int(slog.LevelInfo), "POST /notes", map[string]any{"status": 503.0, "url": "/notes"}, `INFO POST /notes status="503" url="/notes"`},
		{int(slog.LevelError), "GET /wp-login.php", map[string]any{"status": int64(404), "error": "not found"}, ""},
		{int(slog.LevelError), "POST /notes", map[string]any{"status": 429.0}, ""},
		{int(slog.LevelInfo), "GET /", map[string]any{"status": int64(200)}, ""},
		{int(slog.LevelInfo), "started", nil, ""},
	} {
		l := &core.Log{Level: c.level, Message: c.msg, Data: types.JSONMap[any](c.data)}
		got, ok := journalLine(l)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s %v: %q %v, want %q", c.msg, c.data, got, ok, c.want)
		}
	}
}
