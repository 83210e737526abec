package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// resyncStories is how many long stories the re-sync runs with: the most
// a screen shows (internal/kiosk maxStories).
const resyncStories = 5

// longStoryBody is a 20,000-character story (the longest the form takes)
// written the way people write on a phone: short paragraphs, emphasis,
// line breaks, a heading now and then, a link. Markup makes many text
// nodes, which is what made markdown.Plain expensive.
func longStoryBody(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i%12 == 0 {
			fmt.Fprintf(&b, "## Night %d\n\n", i/12+1)
		}
		fmt.Fprintf(&b, "At %d o'clock the ward was *quiet* for once, and **Ana** sat with the family\nfor a while; she did not "+
			"rush, she listened, and [the leaflet](https://intranet.example/leaflet) helped.\n\n", i%24)
	}
	return b.String()[:n]
}

type resyncResult struct {
	names     []string
	notMod    map[string]phase // product: 304 re-syncs; plain: the equivalent list requests
	full      phase            // product: the feed built (no If-None-Match)
	feedBytes int
	plainReqs int
}

// benchResync measures a screen's periodic re-sync with five
// 20,000-character stories published. On the product that is one GET of
// /kiosk/{slug}/feed with If-None-Match, answered 304 (the ETag is
// checked before the feed is built); for reference, the same GET without
// it (the feed built and sent). Plain PocketBase has no feed and no ETag:
// a client re-syncs by listing what a screen shows (approved notes,
// published stories, events), sent in full every time.
func benchResync(ctx context.Context, cfg *config, product, plain *server, plainRoom string, n int) (*resyncResult, error) {
	res := &resyncResult{names: []string{product.name, plain.name}, notMod: map[string]phase{}}
	body := longStoryBody(20000)
	for i := 0; i < resyncStories; i++ {
		if _, err := product.api.create(ctx, "stories", map[string]any{"title": fmt.Sprintf("A long night %d", i+1), "author": "A nurse",
			"body": body, "status": "published"}); err != nil {
			return nil, fmt.Errorf("%s: story: %w", product.name, err)
		}
	}
	if err := preparePlainStories(ctx, plain, body); err != nil {
		return nil, err
	}

	hc := newClient(4)
	feed := product.base + "/kiosk/" + roomSlug + "/feed"
	get := func(ctx context.Context, u, etag string) (int, string, int, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
		if err != nil {
			return 0, "", 0, err
		}
		req.Header.Set("Accept-Encoding", "gzip")
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := hc.Do(req)
		if err != nil {
			return 0, "", 0, err
		}
		b, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("ETag"), int(b), nil
	}
	code, etag, size, err := get(ctx, feed, "")
	if err != nil || code != http.StatusOK || etag == "" {
		return nil, fmt.Errorf("%s: first feed: %d %q %v", product.name, code, etag, err)
	}
	res.feedBytes = size
	cfg.logf("resync: %s, %d re-syncs", product.name, n)
	res.notMod[product.name] = sequential(ctx, n, func(ctx context.Context) error {
		code, _, _, err := get(ctx, feed, etag)
		if err == nil && code != http.StatusNotModified {
			err = fmt.Errorf("re-sync: %d, want 304", code)
		}
		return err
	})
	res.full = sequential(ctx, max(10, n/20), func(ctx context.Context) error {
		code, _, _, err := get(ctx, feed, "")
		if err == nil && code != http.StatusOK {
			err = fmt.Errorf("feed: %d", code)
		}
		return err
	})

	lists := []string{
		"/api/collections/notes/records?perPage=30&sort=-created&filter=" + url.QueryEscape("status='approved' && (room='' || room='"+plainRoom+"')"),
		"/api/collections/stories/records?perPage=5&sort=-created&filter=" + url.QueryEscape("status='published'"),
		"/api/collections/events/records?perPage=8&sort=starts&filter=" + url.QueryEscape("status='published'"),
	}
	res.plainReqs = len(lists)
	cfg.logf("resync: %s, %d re-syncs", plain.name, n)
	res.notMod[plain.name] = sequential(ctx, n, func(ctx context.Context) error {
		for _, l := range lists {
			if err := plain.api.call(ctx, "GET", l, nil, nil); err != nil {
				return err
			}
		}
		return nil
	})
	return res, nil
}

// preparePlainStories gives plain PocketBase the product's stories
// collection (public list of published ones) and five long stories.
func preparePlainStories(ctx context.Context, s *server, body string) error {
	if err := s.api.call(ctx, "POST", "/api/collections", map[string]any{
		"name": "stories", "type": "base", "listRule": `status = "published"`, "viewRule": `status = "published"`,
		"fields": []map[string]any{
			{"name": "title", "type": "text", "required": true, "max": 140},
			{"name": "body", "type": "text", "max": 20000},
			{"name": "author", "type": "text", "max": 80},
			{"name": "status", "type": "select", "values": []string{"pending", "published", "rejected"}, "maxSelect": 1},
			{"name": "created", "type": "autodate", "onCreate": true},
		},
	}, nil); err != nil {
		return fmt.Errorf("%s: create stories: %w", s.name, err)
	}
	for i := 0; i < resyncStories; i++ {
		if _, err := s.api.create(ctx, "stories", map[string]any{"title": fmt.Sprintf("A long night %d", i+1), "author": "A nurse",
			"body": body, "status": "published"}); err != nil {
			return fmt.Errorf("%s: story: %w", s.name, err)
		}
	}
	return nil
}

// sequential runs op n times one after another (a screen's requests are
// not concurrent) and times each.
func sequential(ctx context.Context, n int, op func(context.Context) error) phase {
	var r recorder
	t0 := time.Now()
	for i := 0; i < n && ctx.Err() == nil; i++ {
		s := time.Now()
		err := op(ctx)
		r.add(time.Since(s), err)
	}
	r.ph.elapsed = time.Since(t0)
	return r.ph
}

func (r *resyncResult) table() *table {
	p, q := r.notMod[r.names[0]], r.notMod[r.names[1]]
	t := &table{
		title:   "Screen re-sync (five 20,000-character stories published)",
		headers: []string{"metric", "product: `GET /kiosk/{slug}/feed`", fmt.Sprintf("plain PocketBase: %d list requests", r.plainReqs), "budget", "result"},
	}
	t.add("unchanged re-sync p50 / p99", p50p99(p)+" (304)", p50p99(q)+" (200, everything again)", "p99 ≤ 5 ms",
		verdict(p.errs == 0 && p.pct(99) <= 5*time.Millisecond, ms(p.pct(99))))
	t.add("re-syncs timed · errors", fmt.Sprintf("%d · %s", p.ok+p.errs, errs(p)), fmt.Sprintf("%d · %s", q.ok+q.errs, errs(q)), "", "")
	t.add("the feed built and sent (no If-None-Match) p50 / p99", p50p99(r.full)+fmt.Sprintf(" (%s gzip)", kb(r.feedBytes)), "", "", "")
	t.notes = append(t.notes, "One request at a time, as a screen sends them (every 5 minutes and after each reconnect). "+
		"The product's 304 is answered before the feed is built (ETag kept per room until a record changes or the minute turns); "+
		"plain PocketBase has no ETag, so its client lists approved notes, published stories and events in full each time.")
	return t
}
