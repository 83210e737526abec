// Package records holds the record hooks that must hold however a record
// arrives: an HTML form, the REST API, or the dashboard.
package records

import (
	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Register binds the default-value hooks, the time-zone check and the
// PHI guard's normalise-and-scan of notes and stories.
func Register(app core.App) {
	app.OnRecordCreate(s.Notes, s.Stories).BindFunc(normalizeAndScan)
	app.OnRecordUpdate(s.Notes, s.Stories).BindFunc(normalizeAndScan)
	app.OnRecordCreate(s.Notes, s.Stories).BindFunc(defaultStatus(s.StatusPending))
	app.OnRecordCreate(s.Events).BindFunc(defaultStatus(s.StatusDraft))
	app.OnRecordCreate(s.Rooms).BindFunc(defaultAudience)
	app.OnRecordCreate(s.Rooms).BindFunc(defaultLanguage)
	app.OnRecordValidate(s.Settings).BindFunc(validTimezone)
}

// defaultStatus fills an empty status: a select field has no default of its own.
func defaultStatus(status string) func(e *core.RecordEvent) error {
	return func(e *core.RecordEvent) error {
		if e.Record.GetString(s.FieldStatus) == "" {
			e.Record.Set(s.FieldStatus, status)
		}
		return e.Next()
	}
}

func defaultAudience(e *core.RecordEvent) error {
	if e.Record.GetString(s.RoomAudience) == "" {
		e.Record.Set(s.RoomAudience, "staff")
	}
	return e.Next()
}

// defaultLanguage: a new room's screen speaks English until told otherwise.
func defaultLanguage(e *core.RecordEvent) error {
	if e.Record.GetString(s.RoomLanguage) == "" {
		e.Record.Set(s.RoomLanguage, s.RoomLanguageEN)
	}
	return e.Next()
}
