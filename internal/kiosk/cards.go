package kiosk

import (
	"html/template"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/kindness-coalition/kindness-kiosk/internal/home"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	"github.com/kindness-coalition/kindness-kiosk/internal/qr"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/seats"
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
	starts := r.GetDateTime(s.EventStarts).Time()
	confirmed, err := seats.Confirmed(b.app, r.Id)
	if err != nil {
		return Card{}, err
	}
	local := starts.In(b.prefs.Location)
	d := cardData{ID: r.Id, Kind: "event", Title: r.GetString(s.EventTitle), Day: b.prefs.FormatDay(starts), Time: b.prefs.FormatTime(starts),
		Place: r.GetString(s.EventPlace), Seats: seats.Label(r.GetInt(s.EventCapacity), confirmed),
		Night: local.Hour() < 7 || local.Hour() >= 19, Cancelled: r.GetString(s.FieldStatus) == s.StatusCancelled}
	if qr.IsReachable(b.appURL) {
		if d.QR, err = qr.DataURI(qr.Join(b.appURL, "/events/"+r.Id)); err != nil {
			return Card{}, err
		}
	}
	return b.render(d, r.GetStringSlice(s.EventRooms))
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

	params["since"] = types.NowDateTime().Add(-time.Hour).String()
	events, err := b.app.FindRecordsByFilter(s.Events, "status = 'published' && starts >= {:since} && (rooms:length = 0 || rooms ?= {:room})", "starts", maxEvents, 0, params)
	if err != nil {
		return nil, err
	}
	for _, ev := range events {
		c, err := b.eventCard(ev)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}
	return cards, nil
}
