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
// (apis.RequireSuperuserAuth on the route, for scripts with a token);
// organisers download the same file from /organise.
func (h *handler) exportAttendees(e *core.RequestEvent) error {
	ev, err := e.App.FindRecordById(s.Events, e.Request.PathValue("id"))
	if err != nil {
		return h.notFound(e)
	}
	return ServeAttendeesCSV(e, ev)
}

// ServeAttendeesCSV answers with an event's attendee list as a CSV
// download ([AttendeesCSV]), never cached: it holds e-mail addresses.
// The caller has checked who is asking.
func ServeAttendeesCSV(e *core.RequestEvent, ev *core.Record) error {
	b, err := AttendeesCSV(e.App, ev)
	if err != nil {
		return err
	}
	hd := e.Response.Header()
	hd.Set("Content-Disposition", `attachment; filename="`+fileName(ev.GetString(s.EventTitle))+`-attendees.csv"`)
	hd.Set("Cache-Control", "no-store")
	return e.Blob(http.StatusOK, "text/csv; charset=utf-8", b)
}

// Attendee is one live sign-up as organisers see it (with the address).
type Attendee struct {
	Name, Email, Unit string
	Status            string // confirmed or waitlisted
	Position          int    // on the waitlist (1 = next), else 0
	SignedUp          time.Time
}

// Attendees lists an event's live sign-ups: confirmed people first, then
// the waitlist in order. Cancelled sign-ups are left out. The organisers'
// page and the CSV both read it.
func Attendees(app core.App, ev *core.Record) ([]Attendee, error) {
	var out []Attendee
	for _, status := range []string{s.StatusConfirmed, s.StatusWaitlisted} {
		var recs []*core.Record
		err := app.RecordQuery(s.Signups).
			AndWhere(dbx.HashExp{s.SignupEvent: ev.Id, s.FieldStatus: status}).
			OrderBy("[["+s.FieldCreated+"]] ASC", "[[rowid]] ASC").All(&recs)
		if err != nil {
			return nil, err
		}
		for i, r := range recs {
			a := Attendee{Name: r.GetString(s.SignupName), Email: r.GetString(s.SignupEmail), Unit: r.GetString(s.SignupUnit),
				Status: status, SignedUp: r.GetDateTime(s.FieldCreated).Time()}
			if status == s.StatusWaitlisted {
				a.Position = i + 1
			}
			out = append(out, a)
		}
	}
	return out, nil
}

// AttendeesCSV writes an event's attendee list ([Attendees]): name, email,
// unit, status, position (on the waitlist), signed_up (hospital time,
// ISO 8601).
func AttendeesCSV(app core.App, ev *core.Record) ([]byte, error) {
	loc := prefs.Load(app).Location
	list, err := Attendees(app, ev)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"name", "email", "unit", "status", "position", "signed_up"})
	for _, a := range list {
		pos := ""
		if a.Position > 0 {
			pos = strconv.Itoa(a.Position)
		}
		_ = w.Write([]string{safeCell(a.Name), safeCell(a.Email), safeCell(a.Unit), a.Status, pos, a.SignedUp.In(loc).Format(time.RFC3339)})
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
