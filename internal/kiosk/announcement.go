package kiosk

import (
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	validation "github.com/pocketbase/ozzo-validation/v4"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// kindAnnouncement is an announcement's Card.Kind: a notice above the
// rotation, not a slide in it.
const kindAnnouncement = "announcement"

// bindAnnouncements keeps announcements sane for every way one arrives
// (the desk's form, the REST API, the dashboard) and pushes each change to
// the screens at once: a notice posted now is on every screen within a
// second. Screens hide one at its end by themselves (server time), so
// nothing has to be pushed when it expires.
func bindAnnouncements(app core.App, p *pusher) {
	app.OnRecordValidate(s.Announcements).BindFunc(validateAnnouncement)
	push := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		p.pushAnnouncement(e.App, e.Record)
		return nil
	}
	app.OnRecordAfterCreateSuccess(s.Announcements).BindFunc(push)
	app.OnRecordAfterUpdateSuccess(s.Announcements).BindFunc(push)
	app.OnRecordAfterDeleteSuccess(s.Announcements).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		p.broadcast(e.App, Message{Op: "remove", ID: e.Record.Id})
		return nil
	})
}

// validateAnnouncement refuses an end that is not after the start: such a
// notice would never show, and the moderator would not know why.
func validateAnnouncement(e *core.RecordEvent) error {
	starts, ends := e.Record.GetDateTime(s.AnnouncementStarts), e.Record.GetDateTime(s.AnnouncementEnds)
	if !starts.IsZero() && !ends.IsZero() && !ends.After(starts) {
		return validation.Errors{s.AnnouncementEnds: validation.NewError("validation_ends_before_starts", "Must be after the start.")}
	}
	if words := AnnouncementPatientDetails(e.Record.GetString(s.AnnouncementText)); words != "" {
		return validation.Errors{s.AnnouncementText: validation.NewError("validation_patient_details",
			"This looks like it has patient details ("+words+"). Announcements go straight to every screen: please take them out.")}
	}
	return e.Next()
}

// AnnouncementPatientDetails names, in plain words, what the PHI guard
// finds in an announcement's text ("" when nothing). An announcement goes
// straight to every screen with no second pair of eyes, so whatever the
// path (the desk, the REST API, the dashboard) patient details are
// refused, not merely flagged.
func AnnouncementPatientDetails(text string) string { return AnnouncementPatientDetailsIn("en", text) }

// AnnouncementPatientDetailsIn is [AnnouncementPatientDetails] in a
// language ("en", "es"), for the desk's message next to the field.
func AnnouncementPatientDetailsIn(lang, text string) string {
	text = phi.Normalize(text, false)
	found := phi.Scan(text)
	words := make([]string, 0, len(found))
	for _, f := range found {
		words = append(words, phi.Words(lang, f, text))
	}
	return strings.Join(words, ", ")
}

// pushAnnouncement sends a changed announcement to the screens, or its
// removal once it has ended (an edit that moves the end into the past).
func (p *pusher) pushAnnouncement(app core.App, r *core.Record) {
	if !r.GetDateTime(s.AnnouncementEnds).After(types.NowDateTime()) {
		p.broadcast(app, Message{Op: "remove", ID: r.Id})
		return
	}
	card, err := newBuilder(app, p.views).announcementCard(r)
	if err != nil {
		app.Logger().Error("kiosk announcement push", "error", err, "record", r.Id)
		return
	}
	p.broadcast(app, Message{Op: "upsert", Card: &card})
}

// announcementCard renders a notice with its times, so a screen can show
// it at its start and drop it at its end without asking the server.
func (b *builder) announcementCard(r *core.Record) (Card, error) {
	starts, ends := r.GetDateTime(s.AnnouncementStarts), r.GetDateTime(s.AnnouncementEnds)
	now := types.NowDateTime()
	d := cardData{ID: r.Id, Kind: kindAnnouncement, Text: r.GetString(s.AnnouncementText), Live: !starts.After(now) && ends.After(now),
		Starts: starts.Time().UnixMilli(), Ends: ends.Time().UnixMilli()}
	c, err := b.renderNamed("knotice", d, r.GetStringSlice(s.AnnouncementRooms))
	if err != nil {
		return Card{}, err
	}
	c.Starts, c.Ends = d.Starts, d.Ends
	return c, nil
}

// announcementsFor lists the notices a room's screen should hold: every
// one not yet ended, including those still to start (the screen shows
// them at their start even if the server is unreachable then).
//
// NB! `rooms:each ?=`, not `rooms ?=`: in PocketBase v0.40.4 a plain `?=`
// on a multiple relation matches nothing (TestAnnouncementsOnScreens).
func (b *builder) announcementsFor(roomID string) ([]Card, error) {
	recs, err := b.app.FindRecordsByFilter(s.Announcements, "ends > {:now} && (rooms:length = 0 || rooms:each ?= {:room})", "starts", maxAnnouncements, 0,
		dbx.Params{"now": types.NowDateTime().String(), "room": roomID})
	if err != nil {
		return nil, err
	}
	cards := make([]Card, 0, len(recs))
	for _, r := range recs {
		c, err := b.announcementCard(r)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}
	return cards, nil
}
