package kiosk

import (
	"html/template"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/qr"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// How much a screen shows: enough to rotate for a break, not a history.
const (
	maxNotes   = 30
	maxStories = 5
	maxEvents  = 8
	// announcements are urgent and few; more than a handful at once is
	// noise, and each takes a line above the rotation
	maxAnnouncements = 3
)

// Card is one slide of the screen, or (Kind "announcement") a notice above
// the rotation. Rooms empty = every room. Starts and Ends (Unix ms) are
// set for announcements only: the screen shows one between them by the
// server's clock, and hides it at Ends without a round trip.
type Card struct {
	ID    string        `json:"id"`
	Kind  string        `json:"kind"`
	Rooms []string      `json:"rooms"`
	HTML  template.HTML `json:"html"` // in English
	// HTMLs is the card in the other languages rooms' screens speak
	// (rooms.language), by language: a Spanish or alternating screen
	// shows htmls.es. Absent while every room is English.
	HTMLs  map[i18n.Lang]template.HTML `json:"htmls,omitempty"`
	Starts int64                       `json:"starts,omitempty"`
	Ends   int64                       `json:"ends,omitempty"`
}

// cardData is what the "kcard" template renders.
type cardData struct {
	ID, Kind       string
	To             string
	From, Author   i18n.Text
	Body           template.HTML
	Title, Excerpt string
	Day, Time      i18n.Text
	Place          string
	Seats          i18n.Text
	Night          bool
	Cancelled      bool
	QR             template.URL
	QRText         []string // the QR's address, short, in pieces that may wrap
	Text           string   // an announcement
	Live           bool     // an announcement showing now (for screens without script)
	Starts, Ends   int64    // an announcement's times, Unix ms
}

// builder renders cards; it carries what every card of one pass shares.
type builder struct {
	app    core.App
	views  *web.Views
	prefs  prefs.Prefs
	appURL string
	// langs are the languages besides English the cards are rendered in
	// too: those of every active room (a push goes to every screen)
	langs []i18n.Lang
}

func newBuilder(app core.App, views *web.Views) *builder {
	return &builder{app: app, views: views, prefs: prefs.Load(app), appURL: app.Settings().Meta.AppURL, langs: otherLangs(app)}
}

// otherLangs lists the languages other than English that active rooms'
// screens speak.
func otherLangs(app core.App) []i18n.Lang {
	var values []string
	if err := app.RecordQuery(s.Rooms).Select("DISTINCT [[" + s.RoomLanguage + "]]").
		AndWhere(dbx.HashExp{s.RoomActive: true}).Column(&values); err != nil {
		app.Logger().Warn("kiosk: room languages", "error", err)
		return nil
	}
	var out []i18n.Lang
	for _, v := range values {
		for _, l := range i18n.RoomLangs(v) {
			if l != i18n.English && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// roomLangs is what a room's screen speaks, in order (alternating if more
// than one).
func roomLangs(room *core.Record) []i18n.Lang { return i18n.RoomLangs(room.GetString(s.RoomLanguage)) }

func (b *builder) render(d cardData, rooms []string) (Card, error) {
	return b.renderNamed("kcard", d, rooms)
}

// renderNamed renders a card with one of kiosk.html's card templates.
func (b *builder) renderNamed(name string, d cardData, rooms []string) (Card, error) {
	html, err := b.views.RenderPartial("kiosk", name, d)
	if err != nil {
		return Card{}, err
	}
	if rooms == nil {
		rooms = []string{}
	}
	c := Card{ID: d.ID, Kind: d.Kind, Rooms: rooms, HTML: template.HTML(html)} //nolint:gosec // our template
	for _, l := range b.langs {
		other, err := b.views.RenderPartialIn(l, "kiosk", name, d)
		if err != nil {
			return Card{}, err
		}
		if c.HTMLs == nil {
			c.HTMLs = map[i18n.Lang]template.HTML{}
		}
		c.HTMLs[l] = template.HTML(other) //nolint:gosec // our template
	}
	return c, nil
}

func (b *builder) noteCard(r *core.Record) (Card, error) {
	// the room it was written in and the unit of the person thanked;
	// none = every screen
	var rooms []string
	if room := r.GetString(s.FieldRoom); room != "" {
		rooms = []string{room}
		if unit := r.GetString(s.NoteForRoom); unit != "" && unit != room {
			rooms = append(rooms, unit)
		}
	}
	return b.render(cardData{ID: r.Id, Kind: "note", To: r.GetString(s.NoteTo), Body: markdown.Note(r.GetString(s.NoteBody)),
		From: web.Author(r.GetString(s.NoteFrom))}, rooms)
}

func (b *builder) storyCard(r *core.Record) (Card, error) {
	var rooms []string
	if room := r.GetString(s.FieldRoom); room != "" {
		rooms = []string{room}
	}
	return b.render(cardData{ID: r.Id, Kind: "story", Title: r.GetString(s.StoryTitle),
		Excerpt: web.Excerpt(320, markdown.Plain(r.GetString(s.StoryBody))), Author: web.Author(r.GetString(s.StoryAuthor))}, rooms)
}

func (b *builder) eventCard(r *core.Record) (Card, error) {
	v, err := events.ViewOf(b.app, r)
	if err != nil {
		return Card{}, err
	}
	return b.eventViewCard(v)
}

// eventViewCard shows what the event's own page shows (events.View): its
// sign-up state in words, and a sign-up code only while sign-up is open.
func (b *builder) eventViewCard(v events.View) (Card, error) {
	d := cardData{ID: v.ID, Kind: "event", Title: v.Title, Day: v.Day, Time: v.Time, Place: v.Place,
		Seats: v.Seats, Night: v.Night, Cancelled: v.Cancelled}
	if v.SignupOpen && qr.IsReachable(b.appURL) {
		u := qr.Join(b.appURL, "/events/"+v.ID)
		var err error
		if d.QR, err = qr.DataURI(u); err != nil {
			return Card{}, err
		}
		d.QRText = shortURL(u)
	}
	return b.render(d, v.Rooms)
}

// cardsFor returns the cards a room's screen shows, newest notes first,
// then stories, then upcoming events by date.
func (b *builder) cardsFor(roomID string) ([]Card, error) {
	var cards []Card
	params := dbx.Params{"room": roomID}

	notes, err := b.app.FindRecordsByFilter(s.Notes, "status = 'approved' && (room = '' || room = {:room} || for_room = {:room})", "-created", maxNotes, 0, params)
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		c, err := b.noteCard(n)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}

	stories, err := b.app.FindRecordsByFilter(s.Stories, "status = 'published' && (room = '' || room = {:room})", "-created", maxStories, 0, params)
	if err != nil {
		return nil, err
	}
	for _, st := range stories {
		c, err := b.storyCard(st)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}

	upcoming, err := events.Upcoming(b.app, events.Query{Room: roomID, Limit: maxEvents})
	if err != nil {
		return nil, err
	}
	for _, v := range upcoming {
		c, err := b.eventViewCard(v)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}

	notices, err := b.announcementsFor(roomID)
	if err != nil {
		return nil, err
	}
	return append(cards, notices...), nil
}

// shortURL is a QR code's address as people read it beside the code:
// no scheme, no "www.", cut into pieces after each "/" and before "?"
// and "&", so it wraps where a reader expects (the template puts a <wbr>
// between pieces). A phone without a camera, or a screen reader, can
// follow it by hand.
func shortURL(u string) []string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	var parts []string
	start := 0
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '/':
			parts, start = append(parts, u[start:i+1]), i+1
		case '?', '&':
			if i > start {
				parts, start = append(parts, u[start:i]), i
			}
		}
	}
	if start < len(u) {
		parts = append(parts, u[start:])
	}
	return parts
}
