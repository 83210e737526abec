package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// fanout is one approval on its way to every screen.
type fanout struct {
	id       []byte
	sent     time.Time
	answered time.Duration   // the PATCH's answer came after this
	lat      []time.Duration // per screen, arrival at its socket (kernel time); 0 = not received
	read     []time.Duration // per screen, read by kkbench
	left     atomic.Int64
	done     chan struct{}
}

func (f *fanout) received(i int, arrived time.Time) {
	f.read[i] = time.Since(f.sent)
	f.lat[i] = f.read[i]
	if !arrived.IsZero() {
		f.lat[i] = max(arrived.Sub(f.sent), time.Nanosecond) // f.sent's wall clock
	}
	if f.left.Add(-1) == 0 {
		close(f.done)
	}
}

// screens is a set of simulated break-room screens: each holds an SSE
// connection to /api/realtime subscribed to one topic, as kiosk.js does.
type screens struct {
	topic   string
	stalled []bool       // by screen: connected and subscribed, then never reads
	msgs    atomic.Int64 // messages on topic received by all screens
	cur     atomic.Pointer[fanout]
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

// live is how many screens read their stream.
func (sc *screens) live() int {
	n := 0
	for _, s := range sc.stalled {
		if !s {
			n++
		}
	}
	return n
}

// screensPerAddress is how many simulated screens share a source address:
// each TV has its own, and the product accepts 64 streams per address
// (ADR 0122), so kkbench spreads its screens over 127.0.x.y.
const screensPerAddress = 50

// screenAddr is screen i's source address on loopback (127.0.0.0/8 all
// reaches the server).
func screenAddr(i int) net.IP {
	k := i / screensPerAddress
	return net.IPv4(127, 0, byte(1+k/250), byte(1+k%250))
}

// connectScreens opens n realtime connections to s and subscribes each to
// topic (GET /api/realtime → PB_CONNECT → POST /api/realtime). Of them,
// stalled (spread evenly) stop reading once subscribed.
func connectScreens(ctx context.Context, s *server, topic string, n, stalled int) (*screens, error) {
	ctx, cancel := context.WithCancel(ctx)
	sc := &screens{topic: topic, cancel: cancel, stalled: make([]bool, n)}
	for k := 0; k < stalled; k++ {
		sc.stalled[k*n/stalled] = true
	}
	// the subscription must come from the stream's address (PocketBase
	// checks), and a pooled connection must not carry another address's:
	// one client per address
	subs := make([]*api, (n+screensPerAddress-1)/screensPerAddress)
	for k := range subs {
		ip := screenAddr(k * screensPerAddress)
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}}
		subs[k] = &api{base: s.base, hc: &http.Client{Timeout: 30 * time.Second,
			Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}}}
	}
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
			ready(sc.listen(ctx, subs[i/screensPerAddress], s.addr, i, ready))
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
func (sc *screens) listen(ctx context.Context, sub *api, addr string, i int, ready func(error)) error {
	c, err := dialScreen(ctx, addr, screenAddr(i), sc.stalled[i])
	if err != nil {
		return fmt.Errorf("screen %d: %w", i, err)
	}
	defer c.conn.Close()
	stop := context.AfterFunc(ctx, func() { c.conn.Close() })
	defer stop()
	id, err := c.clientID()
	if err != nil {
		return fmt.Errorf("screen %d: %w", i, err)
	}
	if err := sub.call(ctx, "POST", "/api/realtime", map[string]any{"clientId": id, "subscriptions": []string{sc.topic}}, nil); err != nil {
		return fmt.Errorf("screen %d subscribe (client %q): %w", i, id, err)
	}
	ready(nil)
	if sc.stalled[i] {
		<-ctx.Done() // a TV whose Wi-Fi dropped silently: never reads again
		return nil
	}
	event := []byte("event:" + sc.topic + "\n")
	var last *fanout
	for {
		old := c.keep
		data, arrived, err := c.read()
		if err != nil {
			return nil // the stream ended (kkbench closes it at the end)
		}
		if k := count(data, old, event); k > 0 {
			sc.msgs.Add(int64(k))
		}
		if f := sc.cur.Load(); f != nil && f != last && contains(data, old, f.id) {
			last = f
			f.received(i, arrived)
		}
		c.scanned(data)
	}
}

func (sc *screens) close() {
	sc.cancel()
	sc.wg.Wait()
}

// approve sets a note's status to approved (as a moderator in the
// dashboard does) and waits until every live screen has the message.
func (sc *screens) approve(ctx context.Context, s *server, noteID string, timeout time.Duration) (*fanout, error) {
	f := &fanout{id: []byte(`"` + noteID + `"`), lat: make([]time.Duration, len(sc.stalled)), read: make([]time.Duration, len(sc.stalled)), done: make(chan struct{})}
	f.left.Store(int64(sc.live()))
	f.sent = time.Now()
	sc.cur.Store(f)
	if err := s.api.call(ctx, "PATCH", "/api/collections/notes/records/"+noteID, map[string]string{"status": "approved"}, nil); err != nil {
		return nil, err
	}
	f.answered = time.Since(f.sent)
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
	stalled               int // screens that never read (their latencies are not counted)
	stoppedEarly          bool
	delivered, expected   int             // to live screens
	lat                   []time.Duration // approval → arrival at the screen's socket (kernel timestamp)
	read                  []time.Duration // approval → read by kkbench's screen
	steady                []time.Duration // lat without the first approval after the server started
	answered, first       []time.Duration // per approval: the PATCH answered; the first screen's arrival
	connectTook           time.Duration
	rssIdle, rssConnected int64
	rssAfterConnect       int64
	posts                 phase // note posts at cfg.Rate with the screens connected
	// CPU used during the approvals: the server's (from /proc) and
	// kkbench's own (getrusage), which holds every screen on the same
	// cores; per approval they move much less with the machine's load
	// than latencies do
	serverCPU, clientCPU time.Duration
	postMsgs             int64 // messages the screens received during those posts
}

type screensResult struct {
	names   []string
	runs    map[string][]screensRun // by server name, in cfg.Screens order
	stalled map[string]*screensRun  // by server name: the run with stalled screens
}

// benchScreens connects cfg.Screens simulated screens to each server in
// turn (a fresh process each time, so RSS shows the screens alone),
// approves cfg.Approvals pending notes one after another and measures
// approval → screen latency for every screen and the server's RSS. Then,
// with cfg.StalledAt screens of which cfg.StalledPct % stop reading once
// subscribed, the same for the screens that read.
func benchScreens(ctx context.Context, cfg *config, product, plain *server, productRoom, plainRoom string) (*screensResult, error) {
	res := &screensResult{runs: map[string][]screensRun{}, stalled: map[string]*screensRun{}}
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
			run, err := screensOnce(ctx, cfg, t.s, t.topic, t.room, n, 0)
			if err != nil {
				return nil, fmt.Errorf("%s, %d screens: %w", t.s.name, n, err)
			}
			res.runs[t.s.name] = append(res.runs[t.s.name], run)
		}
	}
	if stalled := int(float64(cfg.StalledAt) * cfg.StalledPct / 100); cfg.StalledAt > 0 && stalled > 0 {
		for _, t := range targets {
			run, err := screensOnce(ctx, cfg, t.s, t.topic, t.room, cfg.StalledAt, stalled)
			if err != nil {
				return nil, fmt.Errorf("%s, %d screens, %d stalled: %w", t.s.name, cfg.StalledAt, stalled, err)
			}
			res.stalled[t.s.name] = &run
		}
	}
	return res, nil
}

// stalledApprovals is how many approvals a run with stalled screens sends:
// enough to fill a stalled screen's buffers (~30 KB at ~1.3 KB a message)
// on either server (plain PocketBase's note events are ~0.5 KB) and then
// some, so the run shows the fleet after the stall, not before.
const stalledApprovals = 120

func screensOnce(ctx context.Context, cfg *config, s *server, topic, room string, n, stalled int) (screensRun, error) {
	approvals, wait := cfg.Approvals, 10*time.Second
	if stalled > 0 {
		// a message that has not arrived in 3 s is not coming: a 250 ms
		// budget doesn't need the 10 s the other runs allow
		approvals, wait = max(cfg.Approvals, stalledApprovals), 3*time.Second
	}
	run := screensRun{n: n, stalled: stalled}
	if err := s.restart(ctx); err != nil {
		return run, err
	}
	ids := make([]string, approvals)
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
	cfg.logf("screens: %s, connecting %d (%d stalled)", s.name, n, stalled)
	t0 := time.Now()
	sc, err := connectScreens(ctx, s, topic, n, stalled)
	if err != nil {
		return run, err
	}
	defer sc.close()
	run.connectTook = time.Since(t0)
	time.Sleep(500 * time.Millisecond)
	run.rssAfterConnect = s.rss()
	cfg.logf("screens: %s, %d approvals to %d screens", s.name, approvals, n)
	stopProfiles, err := profileApprovals(ctx, cfg, s, n, stalled, approvals)
	if err != nil {
		return run, err
	}
	cpu0, self0 := s.cpuTime(), selfCPU()
	short := 0 // approvals in a row that missed screens
	for _, id := range ids {
		f, err := sc.approve(ctx, s, id, wait)
		if err != nil {
			return run, err
		}
		run.approvals++
		run.expected += sc.live()
		got := 0
		first := time.Duration(0)
		for k, d := range f.lat {
			if d > 0 {
				got++
				run.lat = append(run.lat, d)
				run.read = append(run.read, f.read[k])
				if run.approvals > 1 {
					run.steady = append(run.steady, d)
				}
				if first == 0 || d < first {
					first = d
				}
			}
		}
		run.answered = append(run.answered, f.answered)
		run.first = append(run.first, first)
		run.delivered += got
		if cfg.Verbose {
			var mine []time.Duration
			for _, d := range f.lat {
				if d > 0 {
					mine = append(mine, d)
				}
			}
			cfg.logf("  approval %d: %d screens, PATCH answered %s, first %s, p50 %s, p99 %s, last %s", run.approvals, got,
				ms(f.answered), ms(percentile(mine, 0)), ms(percentile(mine, 50)), ms(percentile(mine, 99)), ms(percentile(mine, 100)))
		}
		if got == sc.live() {
			short = 0
		} else {
			short++
		}
		if stalled > 0 && short >= 3 {
			run.stoppedEarly = true // the fleet has stopped hearing: more would only take minutes
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	run.serverCPU, run.clientCPU = s.cpuTime()-cpu0, selfCPU()-self0
	if err := stopProfiles(); err != nil {
		return run, err
	}
	run.rssConnected = s.rss()
	if stalled > 0 {
		return run, nil
	}

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
		t.add(fmt.Sprintf("%d screens: approval → screen p50 / p99 (arrived at its socket)", n), latPair(a.lat), latPair(b.lat), budget, v)
		t.add(fmt.Sprintf("%d screens: … without the first approval after start, p50 / p99", n), latPair(a.steady), latPair(b.steady), "", "")
		t.add(fmt.Sprintf("%d screens: … read by kkbench's screen, p50 / p99", n), latPair(a.read), latPair(b.read), "", "")
		t.add(fmt.Sprintf("%d screens: PATCH answered / first screen, p50 (p99)", n), answeredFirst(a), answeredFirst(b), "", "")
		t.add(fmt.Sprintf("%d screens: delivered", n), delivered(a), delivered(b), "all",
			verdict(a.delivered == a.expected, fmt.Sprintf("%d missing", a.expected-a.delivered)))
		budget, v = "", ""
		if limit := rssBudget(n); limit > 0 {
			budget = "≤ " + mb(limit)
			v = verdict(a.rssConnected <= limit, mb(a.rssConnected))
		}
		rss := func(r screensRun) string {
			return fmt.Sprintf("%s (%s idle, %s connected)", mb(r.rssConnected), mb(r.rssIdle), mb(r.rssAfterConnect))
		}
		t.add(fmt.Sprintf("%d screens: server RSS after the approvals", n), rss(a), rss(b), budget, v)
		t.add(fmt.Sprintf("%d screens: CPU per approval, server / kkbench", n), cpuPer(a), cpuPer(b), "", "")
		t.add(fmt.Sprintf("%d screens: time to connect and subscribe all", n), ms(a.connectTook), ms(b.connectTook), "", "")
		if a.posts.ok+a.posts.errs > 0 {
			posts := func(r screensRun) string {
				return fmt.Sprintf("%s; %s messages to screens; errors: %s", p50p99(r.posts), thousands(int(r.postMsgs)), errs(r.posts))
			}
			t.add(fmt.Sprintf("%d screens: note posts at %d/s meanwhile, p50 / p99", n, cfg.Rate), posts(a), posts(b), "", "")
		}
	}
	if a, b := r.stalled[r.names[0]], r.stalled[r.names[1]]; a != nil && b != nil {
		head := fmt.Sprintf("%d screens, %d stalled (never read)", a.n, a.stalled)
		t.add(head+": approval → live screen p50 / p99 (arrived at its socket)", latPair(a.lat), latPair(b.lat), "p99 ≤ 250 ms",
			verdict(percentile(a.lat, 99) <= 250*time.Millisecond, ms(percentile(a.lat, 99))))
		t.add(head+": … without the first approval after start, p50 / p99", latPair(a.steady), latPair(b.steady), "", "")
		t.add(head+": … read by kkbench's screen, p50 / p99", latPair(a.read), latPair(b.read), "", "")
		t.add(head+": PATCH answered / first screen, p50 (p99)", answeredFirst(*a), answeredFirst(*b), "", "")
		live := func(r *screensRun) string {
			s := delivered(*r)
			if r.stoppedEarly {
				s += "; stopped: 3 approvals in a row missed screens"
			}
			return s
		}
		t.add(head+": delivered to the live screens", live(a), live(b), "all",
			verdict(a.delivered == a.expected, fmt.Sprintf("%d missing", a.expected-a.delivered)))
		rss := func(r *screensRun) string {
			return fmt.Sprintf("%s (%s connected)", mb(r.rssConnected), mb(r.rssAfterConnect))
		}
		budget, v := "", ""
		if limit := rssBudget(a.n); limit > 0 {
			budget, v = "≤ "+mb(limit), verdict(a.rssConnected <= limit, mb(a.rssConnected))
		}
		t.add(head+": server RSS after the approvals", rss(a), rss(b), budget, v)
		t.add(head+": CPU per approval, server / kkbench", cpuPer(*a), cpuPer(*b), "", "")
	}
	return t
}

// rssBudget is PRODUCT.md's memory budget for n screens (0: none).
func rssBudget(n int) int64 {
	switch {
	case n >= 5000:
		return 250_000_000
	case n >= 1000:
		return 120_000_000
	}
	return 0
}

func delivered(r screensRun) string {
	return fmt.Sprintf("%d of %d (%d approvals)", r.delivered, r.expected, r.approvals)
}

func latPair(d []time.Duration) string {
	return ms(percentile(d, 50)) + " / " + ms(percentile(d, 99))
}

// cpuPer is a run's server and kkbench CPU time per approval.
func cpuPer(r screensRun) string {
	if r.approvals == 0 {
		return "—"
	}
	per := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", d.Seconds()*1000/float64(r.approvals)) }
	return per(r.serverCPU) + " / " + per(r.clientCPU)
}

// answeredFirst is when the approvals' PATCH was answered and when their
// first screen had the message: the time before the fan-out began.
func answeredFirst(r screensRun) string {
	return fmt.Sprintf("%s (%s) / %s (%s)", ms(percentile(r.answered, 50)), ms(percentile(r.answered, 99)),
		ms(percentile(r.first, 50)), ms(percentile(r.first, 99)))
}
