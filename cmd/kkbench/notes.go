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
	"time"
)

// Thank-you texts without anything the PHI guard flags (no digits, no
// names after "patient"), so every form post is a clean 303.
var (
	noteTo   = []string{"The night team", "Everyone on the ward", "Our porters", "The pharmacy crew", "Housekeeping"}
	noteBody = []string{
		"Thank you for covering my shift at short notice, it made a hard week so much easier.",
		"You stayed calm when everything was busy and made the whole room feel safe. Thank you.",
		"Thanks for the coffee and the kind words after a long night, it meant more than you know.",
		"You always take the time to explain things to new starters. We notice, and we are grateful.",
		"Thank you for **listening** when I needed it, and for making me laugh again.",
	}
	noteFrom = []string{"", "A grateful colleague", "Sam", "The day shift"}
)

func noteFields(i int) (to, body, from string) {
	if i < 0 {
		i = -i
	}
	return noteTo[i%len(noteTo)], noteBody[i%len(noteBody)], noteFrom[i%len(noteFrom)]
}

// formPost posts a note through the product's HTML form, as a phone does:
// urlencoded, same-origin (Go's CrossOriginProtection passes), success is
// a 303 to the sent page (not "held" by the PHI guard).
func formPost(hc *http.Client, base string) op {
	return func(ctx context.Context, i int) error {
		to, body, from := noteFields(i)
		form := url.Values{"to": {to}, "body": {body}, "from": {from}, "room": {roomSlug}}
		req, err := http.NewRequestWithContext(ctx, "POST", base+"/notes", strings.NewReader(form.Encode()))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("Origin", base)
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/notes/sent") || strings.Contains(loc, "held=1") {
			return fmt.Errorf("form post: %d %s", resp.StatusCode, loc)
		}
		return nil
	}
}

// restCreate posts a note as a guest over PocketBase's REST API.
func restCreate(hc *http.Client, base, roomID string) op {
	return func(ctx context.Context, i int) error {
		to, body, from := noteFields(i)
		b, _ := json.Marshal(map[string]string{"to": to, "body": body, "from": from, "room": roomID})
		req, err := http.NewRequestWithContext(ctx, "POST", base+"/api/collections/notes/records", bytes.NewReader(b))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("REST create: %d", resp.StatusCode)
		}
		return nil
	}
}

// notesResult holds the note-post figures per target.
type notesResult struct {
	targets []string // display names, in column order
	conc    map[string]phase
	fixed   map[string]phase
	sqlite  map[string]string        // how each plain server opened SQLite, as it reports it
	cpu     map[string]time.Duration // the server's own CPU time during the target's phases
	profile []string                 // CPU profile files, when asked
}

// Column names of the note section, in column order.
const (
	colForm      = "product: form `POST /notes`"
	colREST      = "product: REST create"
	colPlain     = "plain PocketBase: REST create (stock, synchronous=NORMAL)"
	colPlainFull = "plain PocketBase at FULL: REST create (the product's SQLite connect)"
)

// noteTargets are the servers of the note section.
type noteTargets struct {
	product, plain, plainFull             *server
	productRoom, plainRoom, plainFullRoom string
}

// benchNotes measures note posts: the product's form, the product's own
// REST create (for reference) and plain PocketBase's REST create twice:
// stock (synchronous=NORMAL) and opened as the product opens SQLite
// (synchronous=FULL, secure_delete; the equal-durability column the
// budget is judged against). Each runs closed-loop at cfg.Conc in flight
// and open-loop at cfg.Rate per second.
func benchNotes(ctx context.Context, cfg *config, t noteTargets) (*notesResult, error) {
	hc := newClient(cfg.Conc * 2)
	ops := []struct {
		name string
		s    *server
		do   op
	}{
		{colForm, t.product, formPost(hc, t.product.base)},
		{colREST, t.product, restCreate(hc, t.product.base, t.productRoom)},
		{colPlain, t.plain, restCreate(hc, t.plain.base, t.plainRoom)},
		{colPlainFull, t.plainFull, restCreate(hc, t.plainFull.base, t.plainFullRoom)},
	}
	res := &notesResult{conc: map[string]phase{}, fixed: map[string]phase{}, sqlite: map[string]string{}, cpu: map[string]time.Duration{}}
	for _, s := range []*server{t.plain, t.plainFull} {
		p, err := s.sqlitePragmas(ctx)
		if err != nil {
			return nil, err
		}
		res.sqlite[s.name] = p
	}
	for _, o := range ops {
		res.targets = append(res.targets, o.name)
		if err := warm(ctx, 20, o.do); err != nil {
			return nil, fmt.Errorf("%s: %w", o.name, err)
		}
	}
	// rounds interleave the targets, so a burst of load from elsewhere on
	// the machine hits all of them alike
	rounds := max(1, cfg.Rounds)
	slice := cfg.Duration / time.Duration(rounds)
	// each round starts with the next target: a target never always
	// follows the same one (whose disk writes may still be flushing)
	for r := 0; r < rounds; r++ {
		for k := range ops {
			o := ops[(k+r)%len(ops)]
			cfg.logf("notes: %s, %d in flight for %s (round %d of %d)", o.name, cfg.Conc, slice, r+1, rounds)
			var prof chan profileResult
			if r == 0 && cfg.CPUProfile != "" && o.s.pprof != "" && o.name != colREST {
				prof = fetchProfile(ctx, o.s, slice, cfg.CPUProfile, "notes-"+o.s.name)
			}
			cpu0 := o.s.cpuTime()
			res.conc[o.name] = merge(res.conc[o.name], closedLoop(ctx, cfg.Conc, slice, o.do))
			res.cpu[o.name] += o.s.cpuTime() - cpu0
			if prof != nil {
				p := <-prof
				if p.err != nil {
					return nil, p.err
				}
				res.profile = append(res.profile, p.file)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	// the open loop in interleaved rounds too: its p99 is what a burst of
	// load from elsewhere moves most
	fixedSlice := cfg.FixedDuration / time.Duration(rounds)
	time.Sleep(time.Second) // let the closed loop's writes settle first
	for r := 0; r < rounds; r++ {
		for k := range ops {
			o := ops[(k+r)%len(ops)]
			cfg.logf("notes: %s, %d/s for %s (round %d of %d)", o.name, cfg.Rate, fixedSlice, r+1, rounds)
			cpu0 := o.s.cpuTime()
			res.fixed[o.name] = merge(res.fixed[o.name], fixedRate(ctx, cfg.Rate, fixedSlice, o.do))
			res.cpu[o.name] += o.s.cpuTime() - cpu0
			time.Sleep(200 * time.Millisecond)
		}
	}
	return res, nil
}

// ratio is a's throughput over b's.
func ratio(a, b phase) float64 {
	if b.rate() <= 0 {
		return 0
	}
	return a.rate() / b.rate()
}

func (r *notesResult) table(cfg *config) *table {
	var conc, fixed []phase
	for _, name := range r.targets {
		conc, fixed = append(conc, r.conc[name]), append(fixed, r.fixed[name])
	}
	form, ff := conc[0], fixed[0]
	// the budget is judged at equal durability: plain PocketBase opened
	// as the product opens SQLite (FULL), not plain's stock NORMAL
	budget := ratio(form, conc[3])
	t := &table{
		title:   "Note posts",
		headers: append(append([]string{"metric"}, r.targets...), "budget", "result"),
	}
	row := func(metric string, cell func(i int) string, budget, result string) {
		cells := []string{metric}
		for i := range conc {
			cells = append(cells, cell(i))
		}
		t.add(append(cells, budget, result)...)
	}
	row(fmt.Sprintf("throughput, %d in flight", cfg.Conc), func(i int) string { return perSec(conc[i].rate()) },
		"form ≥ 0.8× plain at equal durability (FULL)", verdict(budget >= 0.8, fmt.Sprintf("%.2f×", budget)))
	row("form ÷ this column", func(i int) string {
		if i == 0 {
			return "—"
		}
		return fmt.Sprintf("%.2f×", ratio(form, conc[i]))
	}, "", "")
	row(fmt.Sprintf("p50 / p99, %d in flight", cfg.Conc), func(i int) string { return p50p99(conc[i]) }, "", "")
	row(fmt.Sprintf("p50 / p99 at %d posts/s", cfg.Rate), func(i int) string { return p50p99(fixed[i]) },
		"form p99 ≤ 60 ms", verdict(ff.pct(99) <= 60*time.Millisecond && ff.errs == 0, ms(ff.pct(99))))
	row("server CPU per post (both loops)", func(i int) string {
		n := conc[i].ok + conc[i].errs + fixed[i].ok + fixed[i].errs
		if n == 0 || r.cpu[r.targets[i]] <= 0 {
			return "—"
		}
		return fmt.Sprintf("%.2f ms", r.cpu[r.targets[i]].Seconds()*1000/float64(n))
	}, "", "")
	row("achieved rate (open loop)", func(i int) string { return perSec(fixed[i].rate()) }, "", "")
	row("errors", func(i int) string { return errs(conc[i], fixed[i]) }, "0", verdict(form.errs+ff.errs == 0, fmt.Sprint(form.errs+ff.errs)))
	return t
}

// durabilityNote says how each column commits, as the servers reported it.
func (r *notesResult) durabilityNote() string {
	return fmt.Sprintf("Durability: the product opens SQLite with synchronous=FULL and secure_delete (internal/storage, ADR 0040; "+
		"pinned by TestNewAppIsDurable). Plain PocketBase stock reports %s; plain PocketBase at FULL (plainpb --sqlite-sync=FULL, "+
		"the product's internal/storage connect) reports %s. The 0.8× budget is judged against the equal-durability column "+
		"(plain at FULL); the stock column shows what FULL's fsync per commit costs.",
		r.sqlite["plain"], r.sqlite["plainfull"])
}

func errs(ps ...phase) string {
	n, total := 0, 0
	var first error
	for _, p := range ps {
		n += p.errs
		total += p.errs + p.ok
		if first == nil {
			first = p.firstErr
		}
	}
	if first != nil {
		return fmt.Sprintf("%d of %d (%v)", n, total, first)
	}
	return fmt.Sprintf("0 of %d", total)
}
