package events

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// SetMailClock gives the app's mail budget a test clock: now, and a sleep
// that moves it instead of waiting.
func SetMailClock(app core.App, now func() time.Time, sleep func(time.Duration)) {
	b := budgetOf(app)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now, b.sleep, b.last = now, sleep, now()
}
