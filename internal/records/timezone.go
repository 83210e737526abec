package records

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// validTimezone refuses a time zone Go can't load, with the message next to
// the field in the dashboard. prefs.Load falls back to the server's zone on
// a bad name (screens must stay up), so without this a typo such as
// "Europe/london" silently showed every time in the server's zone (often UTC).
func validTimezone(e *core.RecordEvent) error {
	if name := e.Record.GetString(s.SettingTimezone); name != "" {
		if _, err := time.LoadLocation(name); err != nil {
			return router.NewBadRequestError("Unknown time zone.",
				map[string]router.SafeErrorItem{s.SettingTimezone: fieldError{"validation_unknown_timezone",
					"Unknown time zone. Use an IANA name such as Europe/London or America/New_York (capitals matter), or leave it empty for the server's."}})
		}
	}
	return e.Next()
}

// fieldError is a field message the dashboard shows under the field.
type fieldError struct{ code, msg string }

func (f fieldError) Code() string  { return f.code }
func (f fieldError) Error() string { return f.msg }
