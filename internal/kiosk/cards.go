package kiosk

import (
	"html/template"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/home"
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
)

// Card is one slide of the screen. Rooms empty = every room.
type Card struct {
	ID    string        `json:"id"`
	Kind  string        `json:"kind"`
	Rooms []string      `json:"rooms"`
	HTML  template.HTML `json:"html"`
}

// cardData is what the "kcard" template renders.
type cardData struct {
	ID, Kind               string
	To, From               string
	Body                   template.HTML
	Title, Excerpt, Author string
	Day, Time, Place       string
	Seats                  string
	Night                  bool
	Cancelled              bool
	QR                     template.URL
}

// builder renders cards; it carries what every card of one pass shares.
type builder struct {
	app    core.App
	views  *web.Views
	prefs  prefs.Prefs
	appURL string
}

func newBuilder(app core.App, views *web.Views) *builder {
	return &builder{app: app, views: views, prefs: prefs.Load(app), appURL: app.Settings().Meta.AppURL}
}

func (b *builder) render(d cardData, rooms []string) (Card, error) {
	html, err := b.views.RenderPartial("kiosk", "kcard", d)
	if err != nil {
		return Card{}, err
	}
	if rooms == nil {
		rooms = []string{}
	}
	return Card{ID: d.ID, Kind: d.Kind, Rooms: rooms, HTML: template.HTML(html)}, nil //nolint:gosec // our template
}

func (b *builder) noteCard(r *core.Record) (Card, error) {
	var rooms []string
	if room := r.GetString(s.FieldRoom); room != "" {
		rooms = []string{room}
	}
	return b.render(cardData{ID: r.Id, Kind: "note", To: r.GetString(s.NoteTo), Body: markdown.Note(r.GetString(s.NoteBody)),
		From: home.DisplayFrom(r.GetString(s.NoteFrom)).In(i18n.English)}, rooms)
}

func (b *builder) storyCard(r *core.Record) (Card, error) {
	var rooms []string
	if room := r.GetString(s.FieldRoom); room != "" {
		rooms = []string{room}
	}
	return b.render(cardData{ID: r.Id, Kind: "story", Title: r.GetString(s.StoryTitle),
		Excerpt: web.Excerpt(320, markdown.Plain(r.GetString(s.StoryBody))), Author: home.DisplayFrom(r.GetString(s.StoryAuthor)).In(i18n.English)}, rooms)
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
	d := cardData{ID: v.ID, Kind: "event", Title: v.Title, Day: v.Day.In(i18n.English), Time: v.Time.In(i18n.English), Place: v.Place,
		Seats: v.Seats.In(i18n.English), Night: v.Night, Cancelled: v.Cancelled}
	if v.SignupOpen && qr.IsReachable(b.appURL) {
		var err error
		if d.QR, err = qr.DataURI(qr.Join(b.appURL, "/events/"+v.ID)); err != nil {
			return Card{}, err
		}
	}
	return b.render(d, v.Rooms)
}

// cardsFor returns the cards a room's screen shows, newest notes first,
// then stories, then upcoming events by date.
func (b *builder) cardsFor(roomID string) ([]Card, error) {
	var cards []Card
	params := dbx.Params{"room": roomID}

	notes, err := b.app.FindRecordsByFilter(s.Notes, "status = 'approved' && (room = '' || room = {:room})", "-created", maxNotes, 0, params)
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
	return cards, nil
}
