package kiosk

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// showFeed serves GET /kiosk/{slug}/feed as JSON with an ETag, so the
// periodic re-sync of an unchanged screen costs a 304 — answered before
// the feed is built when nothing changed since it was last built (see
// feedTags). A room that is gone answers 404 {"gone":true}: the screen
// says so and keeps retrying.
func (h *handler) showFeed(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return e.JSON(http.StatusNotFound, map[string]any{"gone": true})
	}
	e.Response.Header().Set("Cache-Control", "no-cache")
	key := h.feeds.key(time.Now())
	match := e.Request.Header.Get("If-None-Match")
	if tag, ok := h.feeds.lookup(room.Id, key); ok && match == tag {
		e.Response.Header().Set("ETag", tag)
		return e.NoContent(http.StatusNotModified)
	}

	feedBuilds.Add(1)
	feed, err := h.buildFeed(e.App, room)
	if err != nil {
		return err
	}
	body, err := json.Marshal(feed)
	if err != nil {
		return err
	}
	tag := etag(body)
	h.feeds.store(room.Id, key, tag)
	e.Response.Header().Set("ETag", tag)
	if match == tag {
		return e.NoContent(http.StatusNotModified)
	}
	return e.Blob(http.StatusOK, "application/json", body)
}
