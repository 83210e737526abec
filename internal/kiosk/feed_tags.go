package kiosk

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// feedTags lets a screen's re-sync be answered before its feed is built:
// every screen asks every 5 minutes and after each reconnect, and a feed
// with five long stories and a few events (QR codes included) takes
// milliseconds to build — far more than the 304 that is almost always the
// answer.
//
// A feed depends on records (notes, stories, events, sign-ups, rooms, the
// product settings, and whatever another feature adds), on the app's
// settings, and on the clock (events drop off, sign-ups close, the time
// zone's offset changes). So the ETag built for a room is reused while
// (1) no record of any collection but screens changed since — a
// generation counter bumped by record hooks after each commit — and (2)
// the same clock minute lasts. The ETag stays the hash of the content:
// a change that leaves a room's feed as it was (a note waiting for a
// moderator) costs one rebuild and still answers 304.
type feedTags struct {
	gen atomic.Uint64 // bumped after every committed change a feed may show

	mu   sync.Mutex
	tags map[string]feedTag // by room id
}

type feedTag struct {
	gen    uint64
	minute int64
	etag   string
}

// feedBuilds counts feeds built for GET /kiosk/{slug}/feed (tests read it).
var feedBuilds atomic.Int64

// bindFeedTags bumps the generation after every committed record change
// (except screens' check-ins, which no feed shows and which arrive every
// minute from every screen) and every settings reload.
func bindFeedTags(app core.App) *feedTags {
	f := &feedTags{tags: map[string]feedTag{}}
	bump := func(e *core.RecordEvent) error {
		if e.Record.Collection().Name != s.Screens {
			f.gen.Add(1)
		}
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess().BindFunc(bump)
	app.OnRecordAfterUpdateSuccess().BindFunc(bump)
	app.OnRecordAfterDeleteSuccess().BindFunc(bump)
	app.OnSettingsReload().BindFunc(func(e *core.SettingsReloadEvent) error {
		f.gen.Add(1)
		return e.Next()
	})
	return f
}

// key is what a room's feed ETag is valid for now. Read it BEFORE building
// the feed: a change committed while the feed is built bumps the
// generation after its commit, so the next request builds again.
func (f *feedTags) key(now time.Time) feedTag {
	return feedTag{gen: f.gen.Load(), minute: now.Unix() / 60}
}

// lookup returns the room's ETag if it is still valid for k.
func (f *feedTags) lookup(roomID string, k feedTag) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.tags[roomID]
	if !ok || t.gen != k.gen || t.minute != k.minute {
		return "", false
	}
	return t.etag, true
}

// store remembers the ETag built for k (one entry per room: rooms are few).
func (f *feedTags) store(roomID string, k feedTag, etag string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k.etag = etag
	f.tags[roomID] = k
}
