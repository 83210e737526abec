// Command kkbench is the load harness of BENCHMARKS.md. It builds (or
// takes) the product binary, runs it for real on loopback in a temporary
// data folder, and prints, side by side with plain PocketBase doing the
// equivalent in the same run, Markdown tables with the budgets of
// PRODUCT.md:
//
//   - note posts through the form vs a plain PocketBase REST create;
//   - a sign-up burst (500 at once on 20 seats) and sustained sign-ups;
//   - approval → screen latency and server memory with 100, 1,000 and
//     5,000 realtime screens, and with 1 % of 5,000 stalled (never reading);
//   - a screen's re-sync (304) with five 20,000-character stories;
//   - the kiosk's first-load bytes and requests;
//   - cold start on an existing data folder, binary size.
//
// Run from the repository root:
//
//	GOTOOLCHAIN=auto go run ./cmd/kkbench            # the full run, ~6-7 minutes on 2 cores
//	GOTOOLCHAIN=auto go run ./cmd/kkbench -quick     # a quick look, under a minute
//
// Plain PocketBase is cmd/kkbench/plainpb (stock pocketbase.New(), no
// product code); kkbench creates the product's collections in it through
// the REST API. Sign-ups run on cmd/kkbench/productpb (the product plus one
// bench-only route that calls events.SignUp), next to plain PocketBase's
// bare transaction and its REST create; see docs/adr/0060-benchmark-harness.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// config is everything a run needs; flags fill it, the smoke test too.
type config struct {
	Bin, PlainBin, ProductPBBin string // built into Work when empty
	Work                        string // temporary folder for binaries and data
	Sections                    map[string]bool
	Screens                     []int
	StalledAt                   int           // screens in the run with stalled ones (0 = skip it)
	StalledPct                  float64       // per cent of them that never read
	Duration                    time.Duration // closed-loop phases
	FixedDuration               time.Duration // fixed-rate phases
	Rounds                      int           // closed-loop note phases are split into this many interleaved rounds
	Conc, Rate                  int
	Burst, Seats                int
	Approvals                   int
	Resyncs                     int // screen re-syncs timed per server
	ColdRuns                    int
	PostsWithScreens            time.Duration // note posts while the screens are connected
	SignupIndex                 bool          // experiment: index signups (event, status) first
	CPUProfile                  string        // folder for CPU profiles of the note posts and sign-ups
	Verbose                     bool          // log each approval's figures
	Log                         io.Writer
}

func (c *config) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, "kkbench: "+format+"\n", args...)
	}
}

var allSections = []string{"notes", "signups", "screens", "kiosk", "resync", "coldstart"}

func main() {
	cfg := &config{Log: os.Stderr}
	var screens, sections, out string
	var quick, keep bool
	flag.StringVar(&cfg.Bin, "bin", "", "product binary to measure (default: build . with -trimpath -ldflags \"-s -w\")")
	flag.StringVar(&screens, "screens", "100,1000,5000", "numbers of simulated screens, comma-separated")
	flag.IntVar(&cfg.StalledAt, "stalled-at", -1, "screens in the run where some never read (default: the largest of -screens; 0 = skip)")
	flag.Float64Var(&cfg.StalledPct, "stalled", 1, "per cent of the -stalled-at screens that connect, subscribe and never read")
	flag.StringVar(&sections, "only", strings.Join(allSections, ","), "sections to run, comma-separated")
	flag.BoolVar(&quick, "quick", false, "short phases and fewer screens and approvals (a smoke run, figures are rough)")
	flag.DurationVar(&cfg.Duration, "duration", 9*time.Second, "length of each closed-loop phase (per target)")
	flag.IntVar(&cfg.Rounds, "rounds", 3, "split the closed-loop note posts into this many interleaved rounds")
	flag.DurationVar(&cfg.FixedDuration, "fixed", 10*time.Second, "length of each fixed-rate phase")
	flag.IntVar(&cfg.Conc, "conc", 50, "requests in flight in closed-loop phases")
	flag.IntVar(&cfg.Rate, "rate", 100, "posts per second in the fixed-rate phase")
	flag.IntVar(&cfg.Burst, "burst", 500, "sign-ups sent at once")
	flag.IntVar(&cfg.Seats, "seats", 20, "seats of the burst event")
	flag.IntVar(&cfg.Approvals, "approvals", 20, "approvals per screens run")
	flag.IntVar(&cfg.Resyncs, "resyncs", 1000, "screen re-syncs timed per server")
	flag.DurationVar(&cfg.PostsWithScreens, "screenposts", 3*time.Second, "note posts at -rate while the screens are connected (0 = skip)")
	flag.IntVar(&cfg.ColdRuns, "cold", 5, "cold starts per server (the median is reported)")
	flag.BoolVar(&cfg.SignupIndex, "signup-index", false, "experiment: give plain PocketBase the product's index on signups (event, status, created) before the sign-ups")
	flag.StringVar(&cfg.CPUProfile, "cpuprofile", "", "folder: take CPU profiles of the servers during the note posts and the screens' approvals, and of kkbench itself during the approvals (product side runs productpb)")
	flag.BoolVar(&cfg.Verbose, "v", false, "log each approval's p50 / p99 / last screen (to see whether a tail is one slow approval)")
	flag.StringVar(&out, "o", "", "also write the Markdown report to this file")
	flag.BoolVar(&keep, "keep", false, "keep the temporary folder (binaries, data, server logs)")
	flag.Parse()

	if quick {
		cfg.Duration, cfg.FixedDuration, cfg.Approvals, cfg.ColdRuns, cfg.Rounds = 2*time.Second, 3*time.Second, 5, 3, 1
		cfg.Resyncs = 200
		if screens == "100,1000,5000" {
			screens = "100"
		}
	}
	for _, f := range strings.Split(screens, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fatal(fmt.Errorf("-screens: bad number %q", f))
		}
		cfg.Screens = append(cfg.Screens, n)
	}
	if cfg.StalledAt < 0 {
		cfg.StalledAt = slices.Max(cfg.Screens)
	}
	cfg.Sections = map[string]bool{}
	for _, s := range strings.Split(sections, ",") {
		cfg.Sections[strings.TrimSpace(s)] = true
	}

	if cfg.CPUProfile != "" {
		if err := os.MkdirAll(cfg.CPUProfile, 0o755); err != nil {
			fatal(err)
		}
	}
	work, err := os.MkdirTemp("", "kkbench-")
	if err != nil {
		fatal(err)
	}
	cfg.Work = work
	if keep {
		cfg.logf("keeping %s", work)
	} else {
		defer os.RemoveAll(work)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := run(ctx, cfg)
	if err != nil {
		if !keep {
			os.RemoveAll(work)
			cfg.logf("run again with -keep to keep the server logs")
		}
		fatal(err)
	}
	rep.command = "GOTOOLCHAIN=auto go run ./cmd/kkbench " + strings.Join(os.Args[1:], " ")
	w := io.Writer(os.Stdout)
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			fatal(err)
		}
		defer f.Close()
		w = io.MultiWriter(os.Stdout, f)
	}
	rep.write(w)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "kkbench:", err)
	os.Exit(1)
}
