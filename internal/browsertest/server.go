// Package browsertest runs the real product on 127.0.0.1 with a temp data
// folder and drives Debian's headless Chromium against it (chromedp), so
// tests can look at what a person sees.
//
// Without Chromium, tests skip with a loud message; with CI=true they fail
// instead, because CI installs Chromium and must not silently skip.
package browsertest

import (
	"errors"
	"io/fs"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"

	// the product schema
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
)

// Server is a running product instance.
type Server struct {
	URL  string
	Addr string
	Dir  string
	App  core.App

	srv  *http.Server
	done chan error
}

// Options tune a server.
type Options struct {
	Dir    string // data folder; default a new temp dir
	Addr   string // listen address; default 127.0.0.1:0
	AppURL string // Meta.AppURL; default the server's own URL
	Public fs.FS  // static assets; default the embedded pb_public (another one = "a new release")
}

// StartServer starts the product and stops it when the test ends.
func StartServer(t testing.TB) *Server {
	return StartServerWith(t, Options{})
}

// StartServerWith starts the product with options (e.g. the same Dir and
// Addr again to simulate a restart).
func StartServerWith(t testing.TB, o Options) *Server {
	t.Helper()
	if o.Dir == "" {
		o.Dir = t.TempDir()
	}
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	ln, err := listenRetry(o.Addr)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), Dir: o.Dir, done: make(chan error, 1)}
	s.URL = "http://" + s.Addr
	if o.AppURL == "" {
		o.AppURL = s.URL
	}

	app := core.NewBaseApp(core.BaseAppConfig{DataDir: o.Dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	if o.Public == nil {
		o.Public = pb_public.FS
	}
	if _, err := site.Register(app, site.Config{Public: o.Public, AppURL: o.AppURL}); err != nil {
		t.Fatal(err)
	}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Listener = ln
		se.InstallerFunc = nil // no browser launch, no installer token in tests
		s.srv = se.Server
		return se.Next()
	})
	s.App = app

	go func() {
		s.done <- apis.Serve(app, apis.ServeConfig{HttpAddr: s.Addr, ShowStartBanner: false})
	}()
	if err := waitHealthy(s.URL, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// Stop shuts the server down the way SIGTERM does (PocketBase's
// OnTerminate: open realtime streams end, then a graceful shutdown), so
// connected screens see what they see when IT restarts the service.
// Safe to call twice.
func (s *Server) Stop() {
	if s.srv == nil {
		return
	}
	s.srv = nil
	_ = s.App.OnTerminate().Trigger(&core.TerminateEvent{App: s.App})
	<-s.done
	_ = s.App.ClearBootstrap()
}

func listenRetry(addr string) (net.Listener, error) {
	var err error
	for i := 0; i < 50; i++ {
		var ln net.Listener
		if ln, err = net.Listen("tcp", addr); err == nil {
			return ln, nil
		}
		time.Sleep(100 * time.Millisecond) // the previous instance may still hold the port
	}
	return nil, err
}

func waitHealthy(url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("browsertest: server did not become healthy at " + url)
}
