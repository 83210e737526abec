package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// ChromiumPath finds Debian's chromium (or $CHROMIUM).
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// NewBrowser returns a chromedp context for a fresh headless Chromium with
// the given viewport, plus any extra allocator options (e.g. flags). It
// skips the test loudly when Chromium is missing, and fails it when CI=true.
func NewBrowser(t testing.TB, width, height int, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		msg := "BROWSER TESTS SKIPPED: no chromium on PATH (apt-get install chromium, or set CHROMIUM)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// not t.TempDir: Chromium's helper processes can still be writing the
	// profile when the test ends, and TempDir fails the test if it can't
	// remove it; this one is removed after the browser, with retries
	profile, err := os.MkdirTemp("", "kk-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-device-scale-factor", "1"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Run runs chromedp actions and fails the test on error. It may wait as
// long as the test's -timeout allows (testwait): a fixed 30 s failed on a
// busy 2-core machine.
func Run(t testing.TB, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, testwait.Left(t))
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// LooksOnly marks a test that checks only what a person sees (layout,
// contrast, type sizes, focus, accessibility rules, words): the server
// paths it drives are driven by other tests too. `go test -short` skips
// it. CI runs the race detector with -short: under -race these tests
// took half of this package's time (over go test's default 10-minute
// -timeout on a busy machine) and give the race detector nothing the
// behaviour tests don't (ADR 0340). The README's test command runs them.
func LooksOnly(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("looks only: skipped with -short (CI's race run); the README's test command runs it")
	}
}

// Screenshot saves a PNG of the viewport under $KK_SCREENSHOTS (default
// the repo's docs/screenshots when KK_SCREENSHOTS=docs, else a temp dir)
// and returns its bytes and path, so tests can decode what it shows.
func Screenshot(t testing.TB, ctx context.Context, name string) ([]byte, string) {
	t.Helper()
	var png []byte
	Run(t, ctx, chromedp.CaptureScreenshot(&png))
	dir := os.Getenv("KK_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kk-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	return png, p
}
