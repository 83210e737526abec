package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// signupDriver is how kkbench signs one person up on a running server.
//
// Both servers answer POST /kkbench/signup/{event} with JSON: productpb
// calls the product's events.SignUp (its transaction and record hooks, as
// the form, REST and dashboard use them); plain PocketBase runs the bare
// count-and-insert transaction (internal/benchsrv.TxSignUp).
type signupDriver interface {
	// signUp returns the status the server gave ("confirmed"/"waitlisted").
	signUp(ctx context.Context, hc *http.Client, eventID string, i int) (string, error)
}

// benchRoute posts to the bench-only route of productpb and plainpb.
type benchRoute struct{ base string }

func (d benchRoute) signUp(ctx context.Context, hc *http.Client, eventID string, i int) (string, error) {
	form := url.Values{
		"name":  {fmt.Sprintf("Person %d", i)},
		"email": {fmt.Sprintf("person%d.%s@hospital.invalid", i, eventID)},
		"unit":  {"Ward B"},
	}
	req, err := http.NewRequestWithContext(ctx, "POST", d.base+"/kkbench/signup/"+eventID, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("sign-up: %d %s", resp.StatusCode, b)
	}
	var out struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return "", err
	}
	return out.Status, nil
}

// restSignup creates a signups record as a guest over plain PocketBase's
// REST API (POST /api/collections/signups/records; preparePlain gives the
// collection a public create rule): the framework's own record create,
// issue 5's reference for the sign-up figures. It runs no capacity check,
// so the status it "gives" is chosen by the client (the first seats
// confirmed), and the burst counts are not a result.
type restSignup struct {
	base  string
	seats int
}

func (d restSignup) signUp(ctx context.Context, hc *http.Client, eventID string, i int) (string, error) {
	status := "waitlisted"
	if i >= 0 && i < d.seats {
		status = "confirmed"
	}
	b, _ := json.Marshal(map[string]string{
		"event": eventID, "name": fmt.Sprintf("Person %d", i), "unit": "Ward B", "status": status,
		"email": fmt.Sprintf("person%d.%s@hospital.invalid", i, eventID),
	})
	req, err := http.NewRequestWithContext(ctx, "POST", d.base+"/api/collections/signups/records", bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("REST create: %d %s", resp.StatusCode, body)
	}
	return status, nil
}

// burstResult is one server's 500-at-once sign-up burst.
type burstResult struct {
	confirmed, waitlisted, errs int // as answered
	dbConfirmed, dbWaitlisted   int // as stored
	elapsed                     time.Duration
	p99                         time.Duration
	firstErr                    error
}

func (b burstResult) exact(n, seats int) bool {
	return b.errs == 0 && b.confirmed == seats && b.waitlisted == n-seats &&
		b.dbConfirmed == seats && b.dbWaitlisted == n-seats
}

type signupsResult struct {
	names     []string
	burst     map[string]burstResult
	sustained map[string]phase
	// plain PocketBase's REST create of a signups record, same burst and
	// concurrency: the framework's floor, without the capacity check
	restBurst     burstResult
	restSustained phase
}

// addSignupIndex gives plain PocketBase's signups collection the index the
// product has had since migration 1764000500 (event, status, created): the
// -signup-index experiment, to separate the index from the product's code.
func addSignupIndex(ctx context.Context, s *server) error {
	var c struct {
		Indexes []string `json:"indexes"`
	}
	if err := s.api.call(ctx, "GET", "/api/collections/signups", nil, &c); err != nil {
		return err
	}
	c.Indexes = append(c.Indexes, "CREATE INDEX idx_signups_event_status_created ON signups (event, status, created)")
	return s.api.call(ctx, "PATCH", "/api/collections/signups", map[string]any{"indexes": c.Indexes}, nil)
}

// newEvent creates a published event with capacity seats.
func newEvent(ctx context.Context, s *server, title string, seats int) (string, error) {
	return s.api.create(ctx, "events", map[string]any{
		"title": title, "starts": time.Now().Add(14 * 24 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z"),
		"capacity": seats, "status": "published",
	})
}

// burst sends n sign-ups at once (each on its own new connection, as n
// phones would) to a fresh event with seats seats.
func burst(ctx context.Context, s *server, d signupDriver, n, seats int) (burstResult, error) {
	eventID, err := newEvent(ctx, s, "Burst", seats)
	if err != nil {
		return burstResult{}, err
	}
	hc := newClient(n)
	var mu sync.Mutex
	var res burstResult
	var lat []time.Duration
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := 0; i < n; i++ {
		ready.Add(1)
		done.Add(1)
		go func(i int) {
			defer done.Done()
			ready.Done()
			<-start
			t := time.Now()
			status, err := d.signUp(ctx, hc, eventID, i)
			took := time.Since(t)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				res.errs++
				if res.firstErr == nil {
					res.firstErr = err
				}
			case status == "confirmed":
				res.confirmed++
			case status == "waitlisted":
				res.waitlisted++
			default:
				res.errs++
			}
			lat = append(lat, took)
		}(i)
	}
	ready.Wait()
	t0 := time.Now()
	close(start)
	done.Wait()
	res.elapsed = time.Since(t0)
	res.p99 = percentile(lat, 99)
	if res.dbConfirmed, err = s.api.count(ctx, "signups", fmt.Sprintf("event='%s' && status='confirmed'", eventID)); err != nil {
		return res, err
	}
	if res.dbWaitlisted, err = s.api.count(ctx, "signups", fmt.Sprintf("event='%s' && status='waitlisted'", eventID)); err != nil {
		return res, err
	}
	return res, nil
}

// benchSignups runs the burst on each server, then sustained sign-ups
// (cfg.Conc in flight for cfg.Duration) on one more event each, then both
// again as plain REST creates on plain (the last of servers), on events of
// their own, after its sign-ups so its table is the same size for those.
func benchSignups(ctx context.Context, cfg *config, servers ...*server) (*signupsResult, error) {
	res := &signupsResult{burst: map[string]burstResult{}, sustained: map[string]phase{}}
	for _, s := range servers {
		res.names = append(res.names, s.name)
		d := benchRoute{base: s.base}
		// warm up: connections, caches, statements
		if ev, err := newEvent(ctx, s, "Warm-up", 5); err != nil {
			return nil, err
		} else if err := warm(ctx, 10, func(ctx context.Context, i int) error {
			_, err := d.signUp(ctx, s.api.hc, ev, i)
			return err
		}); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		cfg.logf("sign-ups: %s, %d at once on %d seats", s.name, cfg.Burst, cfg.Seats)
		var prof chan profileResult
		if cfg.CPUProfile != "" && s.pprof != "" {
			prof = fetchProfile(ctx, s, 2*time.Second, cfg.CPUProfile, "burst-"+s.name)
			time.Sleep(100 * time.Millisecond)
		}
		b, err := burst(ctx, s, d, cfg.Burst, cfg.Seats)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		if prof != nil {
			if p := <-prof; p.err != nil {
				return nil, p.err
			}
		}
		res.burst[s.name] = b
		time.Sleep(200 * time.Millisecond)
	}
	for _, s := range servers {
		d := benchRoute{base: s.base}
		ev, err := newEvent(ctx, s, "Sustained", cfg.Seats)
		if err != nil {
			return nil, err
		}
		cfg.logf("sign-ups: %s, %d in flight for %s", s.name, cfg.Conc, cfg.Duration)
		hc := newClient(cfg.Conc * 2)
		var prof chan profileResult
		if cfg.CPUProfile != "" && s.pprof != "" {
			prof = fetchProfile(ctx, s, cfg.Duration, cfg.CPUProfile, "signups-"+s.name)
		}
		res.sustained[s.name] = closedLoop(ctx, cfg.Conc, cfg.Duration, func(ctx context.Context, i int) error {
			_, err := d.signUp(ctx, hc, ev, i)
			return err
		})
		if prof != nil {
			if p := <-prof; p.err != nil {
				return nil, p.err
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	plain := servers[len(servers)-1]
	d := restSignup{base: plain.base, seats: cfg.Seats}
	cfg.logf("sign-ups: %s REST create, %d at once, then %d in flight for %s", plain.name, cfg.Burst, cfg.Conc, cfg.Duration)
	b, err := burst(ctx, plain, d, cfg.Burst, cfg.Seats)
	if err != nil {
		return nil, fmt.Errorf("%s REST create: %w", plain.name, err)
	}
	res.restBurst = b
	time.Sleep(200 * time.Millisecond)
	ev, err := newEvent(ctx, plain, "Sustained REST", cfg.Seats)
	if err != nil {
		return nil, err
	}
	hc := newClient(cfg.Conc * 2)
	res.restSustained = closedLoop(ctx, cfg.Conc, cfg.Duration, func(ctx context.Context, i int) error {
		_, err := d.signUp(ctx, hc, ev, i)
		return err
	})
	return res, nil
}

func (r *signupsResult) table(cfg *config) *table {
	t := &table{
		title:   "Sign-ups",
		headers: []string{"metric", "product: events.SignUp (productpb)", "plain PocketBase: same transaction", "plain PocketBase: REST create", "budget", "result"},
	}
	p, q, rb := r.burst[r.names[0]], r.burst[r.names[1]], r.restBurst
	counts := func(b burstResult) string {
		s := fmt.Sprintf("%d confirmed, %d waitlisted, %d errors (stored: %d / %d)", b.confirmed, b.waitlisted, b.errs, b.dbConfirmed, b.dbWaitlisted)
		if b.firstErr != nil {
			s += fmt.Sprintf(" — %v", b.firstErr)
		}
		return s
	}
	exact := p.exact(cfg.Burst, cfg.Seats)
	restCounts := fmt.Sprintf("no capacity check: %d created, %d errors", rb.confirmed+rb.waitlisted, rb.errs)
	if rb.firstErr != nil {
		restCounts += fmt.Sprintf(" — %v", rb.firstErr)
	}
	t.add(fmt.Sprintf("%d at once on %d seats", cfg.Burst, cfg.Seats), counts(p), counts(q), restCounts,
		fmt.Sprintf("exactly %d / %d / 0", cfg.Seats, cfg.Burst-cfg.Seats), verdict(exact, map[bool]string{true: "exact", false: "not exact"}[exact]))
	t.add("burst: first sent → last answered", ms(p.elapsed), ms(q.elapsed), ms(rb.elapsed), "< 1 s", verdict(p.elapsed < time.Second, ms(p.elapsed)))
	t.add("burst: p99 per sign-up", ms(p.p99), ms(q.p99), ms(rb.p99), "", "")
	sp, sq, sr := r.sustained[r.names[0]], r.sustained[r.names[1]], r.restSustained
	t.add(fmt.Sprintf("sustained, %d in flight", cfg.Conc), perSec(sp.rate()), perSec(sq.rate()), perSec(sr.rate()), "", "")
	t.add("sustained p50 / p99", p50p99(sp), p50p99(sq), p50p99(sr), "", "")
	t.add("sustained errors", errs(sp), errs(sq), errs(sr), "0", verdict(sp.errs == 0, fmt.Sprint(sp.errs)))
	return t
}
