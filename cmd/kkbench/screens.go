package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// fanout is one approval on its way to every screen.
type fanout struct {
	id   []byte
	sent time.Time
	lat  []time.Duration // per screen; 0 = not received
	left atomic.Int64
	done chan struct{}
}

func (f *fanout) received(i int) {
	f.lat[i] = time.Since(f.sent)
	if f.left.Add(-1) == 0 {
		close(f.done)
	}
}

// screens is a set of simulated break-room screens: each holds an SSE
// connection to /api/realtime subscribed to one topic, as kiosk.js does.
type screens struct {
	topic  string
	msgs   atomic.Int64 // messages on topic received by all screens
	cur    atomic.Pointer[fanout]
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// connectScreens opens n realtime connections to s and subscribes each to
// topic (GET /api/realtime → PB_CONNECT → POST /api/realtime).
func connectScreens(ctx context.Context, s *server, topic string, n int) (*screens, error) {
	ctx, cancel := context.WithCancel(ctx)
	sc := &screens{topic: topic, cancel: cancel}
	stream := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: n}}
	sub := newAPI(s.base, 64)
	sem := make(chan struct{}, 64)
	errc := make(chan error, n)
	var connected sync.WaitGroup
	for i := 0; i < n; i++ {
		connected.Add(1)
		sem <- struct{}{}
		sc.wg.Add(1)
		go func(i int) {
			defer sc.wg.Done()
			var once sync.Once
			ready := func(err error) {
				once.Do(func() {
					<-sem
					if err != nil {
						errc <- err
					}
					connected.Done()
				})
			}
			ready(sc.listen(ctx, stream, sub, s.base, i, ready))
		}(i)
	}
	ok := make(chan struct{})
	go func() { connected.Wait(); close(ok) }()
	select {
	case <-ok:
	case <-time.After(2 * time.Minute):
		sc.close()
		return nil, fmt.Errorf("%d screens did not connect within 2 minutes", n)
	}
	select {
	case err := <-errc:
		sc.close()
		return nil, err
	default:
		return sc, nil
	}
}

// listen runs one screen: connect, subscribe (then ready(nil)), and note
// when each approval's message arrives. It returns when the stream ends.
func (sc *screens) listen(ctx context.Context, hc *http.Client, sub *api, base string, i int, ready func(error)) error {
	req, err := http.NewRequestWithContext(ctx, "GET", base+"/api/realtime", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("screen %d: %w", i, err)
	}
	defer resp.Body.Close()
	stop := context.AfterFunc(ctx, func() { resp.Body.Close() })
	defer stop()
	rd := bufio.NewScanner(resp.Body)
	rd.Buffer(make([]byte, 64<<10), 4<<20)
	var event string
	subscribed := false
	var last *fanout
	for rd.Scan() {
		line := rd.Bytes()
		switch {
		case bytes.HasPrefix(line, []byte("event:")):
			event = string(line[len("event:"):])
		case bytes.HasPrefix(line, []byte("data:")) && event == "PB_CONNECT" && !subscribed:
			var c struct {
				ClientID string `json:"clientId"`
			}
			if err := json.Unmarshal(line[len("data:"):], &c); err != nil {
				return err
			}
			if err := sub.call(ctx, "POST", "/api/realtime", map[string]any{"clientId": c.ClientID, "subscriptions": []string{sc.topic}}, nil); err != nil {
				return fmt.Errorf("screen %d subscribe: %w", i, err)
			}
			subscribed = true
			ready(nil)
		case bytes.HasPrefix(line, []byte("data:")) && event == sc.topic:
			sc.msgs.Add(1)
			if f := sc.cur.Load(); f != nil && f != last && bytes.Contains(line, f.id) {
				last = f
				f.received(i)
			}
		}
	}
	if !subscribed {
		return fmt.Errorf("screen %d: stream ended before PB_CONNECT", i)
	}
	return nil
}

func (sc *screens) close() {
	sc.cancel()
	sc.wg.Wait()
}

// approve sets a note's status to approved (as a moderator in the
// dashboard does) and waits until every screen has the message.
func (sc *screens) approve(ctx context.Context, s *server, n int, noteID string, timeout time.Duration) (*fanout, error) {
	f := &fanout{id: []byte(`"` + noteID + `"`), lat: make([]time.Duration, n), done: make(chan struct{})}
	f.left.Store(int64(n))
	f.sent = time.Now()
	sc.cur.Store(f)
	if err := s.api.call(ctx, "PATCH", "/api/collections/notes/records/"+noteID, map[string]string{"status": "approved"}, nil); err != nil {
		return nil, err
	}
	select {
	case <-f.done:
	case <-time.After(timeout):
	}
	sc.cur.Store(nil)
	return f, nil
}

// screensRun is one (server, number of screens) measurement.
type screensRun struct {
	n, approvals          int
	delivered, expected   int
	lat                   []time.Duration
	connectTook           time.Duration
	rssIdle, rssConnected int64
	rssAfterConnect       int64
	posts                 phase // note posts at cfg.Rate with the screens connected
	postMsgs              int64 // messages the screens received during those posts
}

type screensResult struct {
	names []string
	runs  map[string][]screensRun // by server name, in cfg.Screens order
}

// benchScreens connects cfg.Screens simulated screens to each server in
// turn (a fresh process each time, so RSS shows the screens alone),
// approves cfg.Approvals pending notes one after another and measures
// approval → screen latency for every screen and the server's RSS.
func benchScreens(ctx context.Context, cfg *config, product, plain *server, productRoom, plainRoom string) (*screensResult, error) {
	res := &screensResult{runs: map[string][]screensRun{}}
	targets := []struct {
		s     *server
		topic string
		room  string
	}{{product, "kiosk", productRoom}, {plain, "notes", plainRoom}}
	for _, t := range targets {
		res.names = append(res.names, t.s.name)
	}
	for _, n := range cfg.Screens {
		for _, t := range targets {
			run, err := screensOnce(ctx, cfg, t.s, t.topic, t.room, n)
			if err != nil {
				return nil, fmt.Errorf("%s, %d screens: %w", t.s.name, n, err)
			}
			res.runs[t.s.name] = append(res.runs[t.s.name], run)
		}
	}
	return res, nil
}

func screensOnce(ctx context.Context, cfg *config, s *server, topic, room string, n int) (screensRun, error) {
	run := screensRun{n: n, approvals: cfg.Approvals}
	if err := s.restart(ctx); err != nil {
		return run, err
	}
	ids := make([]string, cfg.Approvals)
	for i := range ids {
		to, body, from := noteFields(i)
		id, err := s.api.create(ctx, "notes", map[string]any{"to": to, "body": body, "from": from, "room": room, "status": "pending"})
		if err != nil {
			return run, err
		}
		ids[i] = id
	}
	time.Sleep(300 * time.Millisecond)
	run.rssIdle = s.rss()
	cfg.logf("screens: %s, connecting %d", s.name, n)
	t0 := time.Now()
	sc, err := connectScreens(ctx, s, topic, n)
	if err != nil {
		return run, err
	}
	defer sc.close()
	run.connectTook = time.Since(t0)
	time.Sleep(500 * time.Millisecond)
	run.rssAfterConnect = s.rss()
	cfg.logf("screens: %s, %d approvals to %d screens", s.name, cfg.Approvals, n)
	for _, id := range ids {
		f, err := sc.approve(ctx, s, n, id, 10*time.Second)
		if err != nil {
			return run, err
		}
		run.expected += n
		for _, d := range f.lat {
			if d > 0 {
				run.delivered++
				run.lat = append(run.lat, d)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	run.rssConnected = s.rss()

	// phones keep posting while screens are connected: every post is a
	// pending note, which no screen shows
	if cfg.PostsWithScreens > 0 {
		time.Sleep(300 * time.Millisecond)
		hc := newClient(64)
		post := restCreate(hc, s.base, room)
		if topic == "kiosk" {
			post = formPost(hc, s.base)
		}
		post = withTimeout(10*time.Second, post)
		cfg.logf("screens: %s, posts at %d/s for %s with %d screens connected", s.name, cfg.Rate, cfg.PostsWithScreens, n)
		sc.msgs.Store(0)
		run.posts = fixedRate(ctx, cfg.Rate, cfg.PostsWithScreens, post)
		time.Sleep(500 * time.Millisecond)
		run.postMsgs = sc.msgs.Load()
	}
	return run, nil
}

func (r *screensResult) table(cfg *config) *table {
	t := &table{
		title:   "Screens (realtime fan-out)",
		headers: []string{"metric", "product: topic `kiosk`", "plain PocketBase: `notes` record events", "budget", "result"},
	}
	p, q := r.runs[r.names[0]], r.runs[r.names[1]]
	for i, n := range cfg.Screens {
		a, b := p[i], q[i]
		big := n >= 1000
		budget, v := "", ""
		if big {
			budget = "p99 ≤ 250 ms"
			v = verdict(percentile(a.lat, 99) <= 250*time.Millisecond, ms(percentile(a.lat, 99)))
		}
		t.add(fmt.Sprintf("%d screens: approval → screen p50 / p99", n), latPair(a.lat), latPair(b.lat), budget, v)
		t.add(fmt.Sprintf("%d screens: delivered", n), delivered(a), delivered(b), "all",
			verdict(a.delivered == a.expected, fmt.Sprintf("%d missing", a.expected-a.delivered)))
		budget, v = "", ""
		if big {
			budget = "≤ 120 MB"
			v = verdict(a.rssConnected <= 120_000_000, mb(a.rssConnected))
		}
		rss := func(r screensRun) string {
			return fmt.Sprintf("%s (%s idle, %s connected)", mb(r.rssConnected), mb(r.rssIdle), mb(r.rssAfterConnect))
		}
		t.add(fmt.Sprintf("%d screens: server RSS after the approvals", n), rss(a), rss(b), budget, v)
		t.add(fmt.Sprintf("%d screens: time to connect and subscribe all", n), ms(a.connectTook), ms(b.connectTook), "", "")
		if a.posts.ok+a.posts.errs > 0 {
			posts := func(r screensRun) string {
				return fmt.Sprintf("%s; %s messages to screens; errors: %s", p50p99(r.posts), thousands(int(r.postMsgs)), errs(r.posts))
			}
			t.add(fmt.Sprintf("%d screens: note posts at %d/s meanwhile, p50 / p99", n, cfg.Rate), posts(a), posts(b), "", "")
		}
	}
	return t
}

func delivered(r screensRun) string {
	return fmt.Sprintf("%d of %d (%d approvals)", r.delivered, r.expected, r.approvals)
}

func latPair(d []time.Duration) string {
	return ms(percentile(d, 50)) + " / " + ms(percentile(d, 99))
}
