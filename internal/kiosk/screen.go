package kiosk

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/qr"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Feed is what a screen re-syncs from: everything it shows, plus the
// settings its script needs. Its ETag changes only when content does.
type Feed struct {
	Version    string `json:"version"`
	RoomID     string `json:"roomId"`
	RoomName   string `json:"roomName"`
	Offset     int    `json:"offset"` // the hospital zone's UTC offset now, in minutes
	QuietStart string `json:"quietStart"`
	QuietEnd   string `json:"quietEnd"`
	AppURLOK   bool   `json:"appUrlOk"`
	// Tally is "12 thank-yous for this unit this month" ("" for none):
	// recognition made visible without names. It follows at each re-sync.
	Tally string `json:"tally"`
	// Tallies is Tally in the room's languages (kiosk.js shows its own)
	Tallies map[i18n.Lang]string `json:"tallies,omitempty"`
	Cards   []Card               `json:"cards"`
}

// screenPage is what kiosk.html and poster.html render.
type screenPage struct {
	Feed
	Slug              string
	NoteURL, EventURL string
	NoteQR, EventQR   template.URL
	AppURL            string
	// Local is the hospital's wall clock when the page was built, for the
	// first paint of the clock and date (in the page's language)
	Local time.Time
}

// activeRoom finds an active room by slug.
func activeRoom(app core.App, slug string) (*core.Record, error) {
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, slug)
	if err != nil || !room.GetBool(s.RoomActive) {
		return nil, errNoRoom
	}
	return room, nil
}

type noRoomError struct{}

func (noRoomError) Error() string { return "no such active room" }

var errNoRoom error = noRoomError{}

// buildFeed assembles a room's feed.
func (h *handler) buildFeed(app core.App, room *core.Record) (Feed, error) {
	b := newBuilder(app, h.views)
	cards, err := b.cardsFor(room.Id)
	if err != nil {
		return Feed{}, err
	}
	if cards == nil {
		cards = []Card{}
	}
	now := time.Now()
	_, offset := now.In(b.prefs.Location).Zone()
	tally, err := recognition.TallyText(app, room.Id, now)
	if err != nil {
		return Feed{}, err
	}
	f := Feed{
		Version: h.views.Version(), RoomID: room.Id, RoomName: room.GetString(s.RoomName),
		Offset: offset / 60, QuietStart: b.prefs.QuietStart, QuietEnd: b.prefs.QuietEnd,
		AppURLOK: qr.IsReachable(b.appURL), Cards: cards,
	}
	if tally != nil {
		f.Tally = tally.In(i18n.English)
		f.Tallies = map[i18n.Lang]string{}
		for _, l := range roomLangs(room) {
			f.Tallies[l] = tally.In(l)
		}
	}
	return f, nil
}

// buildPage adds the QR codes and the first clock reading to a feed.
func (h *handler) buildPage(app core.App, room *core.Record) (*screenPage, error) {
	feed, err := h.buildFeed(app, room)
	if err != nil {
		return nil, err
	}
	slug := room.GetString(s.RoomSlug)
	appURL := app.Settings().Meta.AppURL
	p := &screenPage{Feed: feed, Slug: slug, AppURL: appURL,
		NoteURL: qr.Join(appURL, "/notes/new?room="+slug), EventURL: qr.Join(appURL, "/events?room="+slug)}
	if feed.AppURLOK {
		if p.NoteQR, err = qr.DataURI(p.NoteURL); err != nil {
			return nil, err
		}
		if p.EventQR, err = qr.DataURI(p.EventURL); err != nil {
			return nil, err
		}
	}
	p.Local = time.Now().UTC().Add(time.Duration(feed.Offset) * time.Minute)
	return p, nil
}

// etag hashes the feed JSON.
func etag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}
