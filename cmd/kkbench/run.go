package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// report is everything a run measured.
type report struct {
	command string
	machine []string
	started time.Time
	took    time.Duration
	loadEnd string
	notes   *notesResult
	signups *signupsResult
	screens *screensResult
	kiosk   *firstLoadResult
	resync  *resyncResult
	cold    *coldResult
	cfg     *config
	notices []string
}

// run measures the sections of cfg against freshly started servers.
func run(ctx context.Context, cfg *config) (*report, error) {
	rep := &report{cfg: cfg, started: time.Now(), machine: machine()}
	if err := raiseFileLimit(); err != nil {
		rep.notices = append(rep.notices, "could not raise the open-files limit: "+err.Error())
	}
	if err := buildAll(ctx, cfg); err != nil {
		return nil, err
	}

	appURL := "--app-url=https://kindness.hospital.example"
	product, err := newServer("product", cfg.Bin, cfg.Work, appURL)
	if err != nil {
		return nil, err
	}
	plain, err := newServer("plain", cfg.PlainBin, cfg.Work)
	if err != nil {
		return nil, err
	}
	servers := []*server{product, plain}
	// the note section's equal-durability column: plain PocketBase opened
	// as the product opens SQLite (synchronous=FULL)
	var plainFull *server
	if cfg.Sections["notes"] {
		if plainFull, err = newServer("plainfull", cfg.PlainBin, cfg.Work, "--sqlite-sync=FULL"); err != nil {
			return nil, err
		}
		servers = append(servers, plainFull)
	}
	var productpb *server
	if cfg.Sections["signups"] || cfg.CPUProfile != "" {
		extra := []string{appURL}
		if cfg.CPUProfile != "" {
			addr, err := freeAddr()
			if err != nil {
				return nil, err
			}
			extra = append(extra, "--pprof="+addr)
			productpb, err = newServer("productpb", cfg.ProductPBBin, cfg.Work, extra...)
			if err != nil {
				return nil, err
			}
			productpb.pprof = addr
			if addr, err = freeAddr(); err != nil {
				return nil, err
			}
			plain.extra = append(plain.extra, "--pprof="+addr)
			plain.pprof = addr
			if plainFull != nil {
				if addr, err = freeAddr(); err != nil {
					return nil, err
				}
				plainFull.extra = append(plainFull.extra, "--pprof="+addr)
				plainFull.pprof = addr
			}
		} else if productpb, err = newServer("productpb", cfg.ProductPBBin, cfg.Work, extra...); err != nil {
			return nil, err
		}
		servers = append(servers, productpb)
	}
	defer func() {
		for _, s := range servers {
			_ = s.stop()
		}
	}()
	var wg sync.WaitGroup
	errs := make([]error, len(servers))
	for i, s := range servers {
		cfg.logf("starting %s (%s)", s.name, s.bin)
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = s.setup(ctx) }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	productRoom, err := prepareProduct(ctx, product)
	if err != nil {
		return nil, err
	}
	plainRoom, err := preparePlain(ctx, plain)
	if err != nil {
		return nil, err
	}
	var plainFullRoom string
	if plainFull != nil {
		if plainFullRoom, err = preparePlain(ctx, plainFull); err != nil {
			return nil, err
		}
	}
	var productpbRoom string
	if productpb != nil {
		if productpbRoom, err = prepareProduct(ctx, productpb); err != nil {
			return nil, err
		}
	}
	rep.notices = append(rep.notices, "The product's rate limiter was switched off for the run (PATCH /api/settings, "+
		"rateLimits.enabled=false, superuser token): its default allows 10 form posts a minute per address and every "+
		"request here comes from 127.0.0.1. Plain PocketBase has it off by default.")

	if cfg.Sections["notes"] {
		p, room := product, productRoom
		if cfg.CPUProfile != "" {
			p, room = productpb, productpbRoom
			rep.notices = append(rep.notices, "With -cpuprofile the product column of the note posts is productpb (the same wiring plus pprof).")
		}
		targets := noteTargets{product: p, plain: plain, plainFull: plainFull, productRoom: room, plainRoom: plainRoom, plainFullRoom: plainFullRoom}
		if rep.notes, err = benchNotes(ctx, cfg, targets); err != nil {
			return nil, err
		}
	}
	if cfg.Sections["signups"] {
		if cfg.SignupIndex {
			if err := addSignupIndex(ctx, plain); err != nil {
				return nil, fmt.Errorf("%s: add sign-up index: %w", plain.name, err)
			}
			rep.notices = append(rep.notices, "-signup-index: plain PocketBase got the product's index on signups (event, status, created) before the sign-ups.")
		}
		if rep.signups, err = benchSignups(ctx, cfg, productpb, plain); err != nil {
			return nil, err
		}
	}
	if cfg.Sections["screens"] {
		p, room := product, productRoom
		if cfg.CPUProfile != "" {
			p, room = productpb, productpbRoom
			rep.notices = append(rep.notices, "With -cpuprofile the product column of the screens is productpb (the same wiring plus pprof).")
		}
		if rep.screens, err = benchScreens(ctx, cfg, p, plain, room, plainRoom); err != nil {
			return nil, err
		}
	}
	if cfg.Sections["kiosk"] {
		if err := seedKiosk(ctx, product, productRoom); err != nil {
			return nil, err
		}
		if rep.kiosk, err = benchFirstLoad(ctx, product, roomSlug); err != nil {
			return nil, err
		}
	}
	if cfg.Sections["resync"] {
		if !cfg.Sections["kiosk"] {
			if err := seedKiosk(ctx, product, productRoom); err != nil {
				return nil, err
			}
		}
		if rep.resync, err = benchResync(ctx, cfg, product, plain, plainRoom, cfg.Resyncs); err != nil {
			return nil, err
		}
	}
	if cfg.Sections["coldstart"] {
		if rep.cold, err = benchColdStart(ctx, cfg, product, plain); err != nil {
			return nil, err
		}
	}
	rep.took = time.Since(rep.started)
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		rep.loadEnd = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return rep, nil
}

// buildAll builds the binaries not given, in parallel, the way the
// README builds the product.
func buildAll(ctx context.Context, cfg *config) error {
	jobs := []struct {
		dst *string
		pkg string
		out string
		if_ bool
	}{
		{&cfg.Bin, ".", "kindness-kiosk", true},
		{&cfg.PlainBin, "./cmd/kkbench/plainpb", "plainpb", true},
		{&cfg.ProductPBBin, "./cmd/kkbench/productpb", "productpb", cfg.Sections["signups"] || cfg.CPUProfile != ""},
	}
	var wg sync.WaitGroup
	errs := make([]error, len(jobs))
	for i, j := range jobs {
		if *j.dst != "" || !j.if_ {
			continue
		}
		*j.dst = filepath.Join(cfg.Work, "bin", j.out)
		cfg.logf("building %s", j.pkg)
		wg.Add(1)
		go func(i int, pkg, out string) {
			defer wg.Done()
			errs[i] = build(ctx, pkg, out)
		}(i, j.pkg, *j.dst)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// build builds one main package like the README's release build.
func build(ctx context.Context, pkg, out string) error {
	cmd := exec.CommandContext(ctx, goCmd(), "build", "-trimpath", "-ldflags", "-s -w", "-o", out, pkg)
	cmd.Dir = repoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOTOOLCHAIN=auto")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
	}
	return nil
}

// goCmd is the go command of the toolchain running kkbench (go run and
// go test put it first in PATH; GOROOT has it too).
func goCmd() string {
	// go test puts its own toolchain's bin first in PATH; GOROOT, when
	// set, names it too (runtime.GOROOT is deprecated)
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// repoRoot is the module root: the working directory of `go run
// ./cmd/kkbench`, or two levels up from the package in `go test`.
func repoRoot() string {
	dir, _ := os.Getwd()
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.mod")) && fileExists(filepath.Join(d, "pb_migrations")) {
			return d
		}
	}
	return dir
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// raiseFileLimit lifts the soft open-files limit to the hard one: 1,000
// screens need 1,000 sockets here and 1,000 in the server. Calling
// Setrlimit ourselves also makes the children inherit the raised limit.
func raiseFileLimit() error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	lim.Cur = lim.Max
	return syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
}

// seedKiosk fills the screen like a busy day: 30 approved notes (the
// most the screen shows), three upcoming events (each with its own QR
// code) and two published stories.
func seedKiosk(ctx context.Context, s *server, room string) error {
	n, err := s.api.count(ctx, "notes", "status='approved'")
	if err != nil {
		return err
	}
	for i := n; i < 30; i++ {
		to, body, from := noteFields(i)
		if _, err := s.api.create(ctx, "notes", map[string]any{"to": to, "body": body, "from": from, "room": room, "status": "approved"}); err != nil {
			return err
		}
	}
	for i, title := range []string{"Wellbeing walk", "Kindness coffee morning", "Choir for staff"} {
		if _, err := s.api.create(ctx, "events", map[string]any{
			"title": title, "description": "All staff welcome. Come as you are, even for ten minutes.", "place": "Garden entrance",
			"starts":   time.Now().Add(time.Duration(i+1) * 48 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z"),
			"capacity": 20, "status": "published",
		}); err != nil {
			return err
		}
	}
	for _, title := range []string{"The night the lift broke", "A cup of tea at four in the morning"} {
		if _, err := s.api.create(ctx, "stories", map[string]any{
			"title": title, "author": "A nurse", "status": "published",
			"body": strings.Repeat("Someone noticed I was struggling and simply stayed for a while. ", 8),
		}); err != nil {
			return err
		}
	}
	return nil
}

// machine describes where the figures come from.
func machine() []string {
	var out []string
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				out = append(out, "CPU: "+strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":")))
				break
			}
		}
	}
	out = append(out, fmt.Sprintf("cores: %d (GOMAXPROCS %d), %s/%s, %s", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version()))
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		out = append(out, "memory: "+strings.Join(strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1:], " "))
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		out = append(out, "load average at start: "+strings.Join(strings.Fields(string(b))[:3], " "))
	}
	return out
}

func (r *report) write(w io.Writer) {
	fmt.Fprintf(w, "## kkbench run, %s\n\n", r.started.Format("2006-01-02 15:04 MST"))
	if r.command != "" {
		fmt.Fprintf(w, "Command: `%s` (took %s)\n\n", r.command, r.took.Round(time.Second))
	}
	for _, m := range r.machine {
		fmt.Fprintf(w, "- %s\n", m)
	}
	if r.loadEnd != "" {
		fmt.Fprintf(w, "- load average at the end: %s (other work on the machine shows here)\n", r.loadEnd)
	}
	fmt.Fprintf(w, "- client and servers on the same machine (loopback); the client's own CPU use counts against the servers\n\n")
	for _, n := range r.notices {
		fmt.Fprintf(w, "> %s\n\n", n)
	}
	if r.notes != nil {
		t := r.notes.table(r.cfg)
		t.notes = append(t.notes, r.notes.durabilityNote())
		t.notes = append(t.notes, fmt.Sprintf("Closed loop: %d requests in flight for %s per target, in %d interleaved rounds. "+
			"Open loop: %d posts/s for %s per target, in the same rounds, each timed from its scheduled start. Each round starts with the next target.",
			r.cfg.Conc, r.cfg.Duration, max(1, r.cfg.Rounds), r.cfg.Rate, r.cfg.FixedDuration))
		for _, p := range r.notes.profile {
			t.notes = append(t.notes, "CPU profile: `"+p+"`")
		}
		t.write(w)
	}
	if r.signups != nil {
		t := r.signups.table(r.cfg)
		t.notes = append(t.notes, "The product column is productpb (main.go's wiring, SQLite synchronous=FULL as the product runs) "+
			"calling the product's events.SignUp behind POST /kkbench/signup/{event}, so the product's record hooks (kiosk push) run too. "+
			"Plain PocketBase runs the bare count-and-insert transaction (cmd/kkbench/internal/benchsrv.TxSignUp) on stock settings "+
			"(synchronous=NORMAL, no sign-up index) behind the same route, and, for reference, a guest REST create of a signups record "+
			"(POST /api/collections/signups/records, public create rule, no capacity check) at the same burst and concurrency.")
		t.write(w)
	}
	if r.screens != nil {
		t := r.screens.table(r.cfg)
		t.notes = append(t.notes, fmt.Sprintf("Each run starts a fresh server, connects the screens (GET /api/realtime, POST the subscription), "+
			"then approves %d pending notes one after another (PATCH status=approved as superuser); latency is from sending the PATCH "+
			"to the message arriving at each screen's socket (the kernel's receive timestamp, SO_TIMESTAMPNS), and to kkbench's "+
			"screen reading it (which, with 5,000 screens on the server's 2 cores, includes waiting for a core). "+
			"Each screen is a raw TCP connection read with recvmsg into a fixed buffer (no HTTP client). Then, screens still connected, phones post notes at %d/s for %s "+
			"(the form on the product, a REST create on plain PocketBase): each is a pending note no screen shows.",
			r.cfg.Approvals, r.cfg.Rate, r.cfg.PostsWithScreens))
		t.write(w)
	}
	if r.kiosk != nil {
		t := r.kiosk.budgetTable()
		t.title = "Kiosk first load"
		t.write(w)
		d := r.kiosk.table()
		d.title = ""
		d.write(w)
	}
	if r.resync != nil {
		r.resync.table().write(w)
	}
	if r.cold != nil {
		r.cold.table(r.cfg).write(w)
	}
}
