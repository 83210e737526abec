package events

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// exportAttendees serves GET /events/{id}/attendees.csv to superusers
// (apis.RequireSuperuserAuth on the route): confirmed people first, then
// the waitlist in order. Cancelled sign-ups are left out.
func (h *handler) exportAttendees(e *core.RequestEvent) error {
	ev, err := e.App.FindRecordById(s.Events, e.Request.PathValue("id"))
	if err != nil {
		return h.notFound(e)
	}
	b, err := AttendeesCSV(e.App, ev)
	if err != nil {
		return err
	}
	hd := e.Response.Header()
	hd.Set("Content-Disposition", `attachment; filename="`+fileName(ev.GetString(s.EventTitle))+`-attendees.csv"`)
	hd.Set("Cache-Control", "no-store")
	return e.Blob(http.StatusOK, "text/csv; charset=utf-8", b)
}

// AttendeesCSV writes an event's attendee list: name, email, unit, status,
// position (on the waitlist), signed_up (hospital time, ISO 8601).
func AttendeesCSV(app core.App, ev *core.Record) ([]byte, error) {
	loc := prefs.Load(app).Location
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"name", "email", "unit", "status", "position", "signed_up"})
	for _, status := range []string{s.StatusConfirmed, s.StatusWaitlisted} {
		var recs []*core.Record
		err := app.RecordQuery(s.Signups).
			AndWhere(dbx.HashExp{s.SignupEvent: ev.Id, s.FieldStatus: status}).
			OrderBy("[["+s.FieldCreated+"]] ASC", "[[rowid]] ASC").All(&recs)
		if err != nil {
			return nil, err
		}
		for i, r := range recs {
			pos := ""
			if status == s.StatusWaitlisted {
				pos = strconv.Itoa(i + 1)
			}
			_ = w.Write([]string{
				safeCell(r.GetString(s.SignupName)), safeCell(r.GetString(s.SignupEmail)), safeCell(r.GetString(s.SignupUnit)),
				status, pos, r.GetDateTime(s.FieldCreated).Time().In(loc).Format(time.RFC3339),
			})
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// safeCell defuses CSV injection: a spreadsheet runs a cell that starts
// with = + - @ (or a tab or CR before one) as a formula, so such a cell
// gets a leading apostrophe (OWASP's advice).
func safeCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
