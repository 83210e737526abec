// Package pending counts what waits for a moderator. It is its own small
// package so the start page (internal/home) can show the count without
// importing the desk (the desk uses the kiosk, which uses home).
package pending

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Collections are the collections a moderator decides.
var Collections = []string{s.Notes, s.Stories}

// Count counts the pending notes and stories.
func Count(app core.App) (int, error) {
	n := 0
	for _, c := range Collections {
		k, err := app.CountRecords(c, dbx.HashExp{s.FieldStatus: s.StatusPending})
		if err != nil {
			return 0, err
		}
		n += int(k)
	}
	return n, nil
}
