// Package recognition makes a thank-you reach the person thanked
// (issue 13): a note can name the unit where that person works
// (notes.for_room) and then shows on that unit's screen too; each approved
// note has a printable card; each unit has a printable huddle sheet of the
// week's notes; unit managers can get a weekly digest; moderators can put
// a note forward for an award (nominations).
//
// "Which notes belong to a unit" is decided here, once, for the huddle
// sheet, the digest and the screen's monthly count.
package recognition

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

type handler struct{ views *web.Views }

// Register binds the card and huddle pages and the weekly digest job.
func Register(app core.App, views *web.Views) {
	h := &handler{views: views}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/notes/{id}/card", h.showCard)
		se.Router.GET("/rooms/{slug}/huddle", h.showHuddle)
		// the committee's pages: moderators only (nominations are never public)
		mod := se.Router.Group("/moderate").Bind(staff.Require(s.RoleModerate))
		mod.GET("/notes/{id}/nominate", h.showNominate)
		mod.POST("/notes/{id}/nominate", h.nominate).Bind(apis.BodyLimit(forms.MaxBody))
		mod.GET("/nominations", h.showNominations)
		mod.GET("/nominations/{id}/copy", h.showNominationCopy)
		return se.Next()
	})
	registerDigest(app)
}

// unitExpr selects the approved notes that belong to a unit (room) and
// were created at or after since: those thanking someone who works there
// (for_room), and those written in that room that name no other unit.
// The huddle sheet, the digest and the screen's count all use it.
func unitExpr(roomID string, since time.Time) dbx.Expression {
	return dbx.NewExp(`status = 'approved' AND (for_room = {:room} OR (for_room = '' AND room = {:room})) AND created >= {:since}`,
		dbx.Params{"room": roomID, "since": dateString(since)})
}

// UnitNotes returns a unit's approved notes created at or after since,
// oldest first (the order a charge nurse reads them out), at most limit.
func UnitNotes(app core.App, roomID string, since time.Time, limit int) ([]*core.Record, error) {
	var notes []*core.Record
	err := app.RecordQuery(s.Notes).AndWhere(unitExpr(roomID, since)).OrderBy("created ASC").Limit(int64(limit)).All(&notes)
	return notes, err
}

// CountSince is how many approved notes a unit got since a moment: the
// screen shows it as "N thank-yous for this unit this month", no names.
func CountSince(app core.App, roomID string, since time.Time) (int, error) {
	n, err := app.CountRecords(s.Notes, unitExpr(roomID, since))
	return int(n), err
}

// MonthStart is the first moment of the current month in loc: "this
// month" on the screen means the hospital's month, not the server's.
func MonthStart(now time.Time, loc *time.Location) time.Time {
	l := now.In(loc)
	return time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, loc)
}

// dateString formats a moment the way PocketBase stores dates, so that
// string comparison in SQL is time order.
func dateString(t time.Time) string {
	dt, _ := types.ParseDateTime(t.UTC())
	return dt.String()
}

// longDate is "29 November 2026" in the hospital's time zone: a card and
// a huddle sheet are kept, so they carry the year.
func longDate(p prefs.Prefs, t time.Time) i18n.Text {
	return i18n.Pattern{Key: "recognition.format.date_year", T: t.In(p.Location)}
}

// Tally is the screen's line of recognition made visible without names:
// how many approved thank-yous the unit got this (hospital) month, in
// words; "" when none yet, so an empty month shows nothing rather than a
// discouraging zero.
func Tally(app core.App, roomID string, now time.Time) (string, error) {
	t, err := TallyText(app, roomID, now)
	if err != nil || t == nil {
		return "", err
	}
	return t.In(i18n.English), nil
}

// TallyText is [Tally] in the reader's language (a screen's), nil when
// none yet.
func TallyText(app core.App, roomID string, now time.Time) (i18n.Text, error) {
	n, err := CountSince(app, roomID, MonthStart(now, prefs.Load(app).Location))
	if err != nil || n == 0 {
		return nil, err
	}
	return i18n.M("kiosk.tally", "Count", n), nil
}
