package deploy_test

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// eventually polls a JavaScript condition (promises awaited) until it
// holds; errors while the page navigates count as "not yet".
func eventually(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(testwait.Left(t))
	var lastErr error
	for time.Now().Before(deadline) {
		var ok bool
		evalCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		lastErr = chromedp.Run(evalCtx, chromedp.Evaluate(js, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}))
		cancel()
		if lastErr == nil && ok {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	var text string
	_ = chromedp.Run(ctx, chromedp.Evaluate(`document.body ? document.body.innerText.slice(0, 300) : ''`, &text))
	t.Fatalf("timed out waiting for %s (last error: %v); the page shows: %q", what, lastErr, text)
}

// spki is the base64 SHA-256 of a certificate's public key, for Chromium's
// --ignore-certificate-errors-spki-list: the throw-away certificate is then
// trusted like the hospital CA's, so the service worker may register.
func spki(t *testing.T, certFile string) string {
	t.Helper()
	block, _ := pem.Decode([]byte(read(t, certFile)))
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(sum[:])
}

const (
	kioskLive   = `document.body.className.indexOf('js') >= 0 && document.getElementById('status').className.indexOf('hidden') >= 0`
	kioskCached = `caches.keys().then(function (ks) { return Promise.all(ks.map(function (k) { return caches.open(k).then(function (c) { return c.match(location.href); }); })); })
		.then(function (rs) { return !!navigator.serviceWorker.controller && rs.some(Boolean); })`
)

// TestKioskReloadBehindProxyWhileDown: behind nginx with the shipped
// config, a screen that reloads while the app is down (a TV's nightly
// reboot during an upgrade) shows its cached screen, not nginx's "502 Bad
// Gateway", and is live again by itself once the app is back. Before, the
// service worker fell back to its cache only on a network error, and the
// proxy's answer is not one.
func TestKioskReloadBehindProxyWhileDown(t *testing.T) {
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Skip("nginx not installed")
	}
	dir := t.TempDir()
	const appURL = "https://kindness.hospital.example"
	srv := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, AppURL: appURL})
	ngx := startNginx(t, srv.Addr)
	kktest.Create(t, srv.App, s.Notes, map[string]any{s.NoteTo: "The night team on 5 West", s.NoteBody: "You turned a hard night into a kind one.", s.FieldStatus: s.StatusApproved})

	ctx := browsertest.NewBrowser(t, 1280, 720, chromedp.Flag("ignore-certificate-errors-spki-list", spki(t, ngx.certFile)))
	screen := ngx.base + "/kiosk/break-room"
	browsertest.Run(t, ctx, chromedp.Navigate(screen))
	eventually(t, ctx, "the live screen through nginx", kioskLive)
	eventually(t, ctx, "the service worker holding the screen", kioskCached)

	srv.Stop()
	res, err := ngx.client.Get(screen)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode < 500 {
		t.Fatalf("with the app down nginx answered %d, want a 5xx", res.StatusCode)
	}
	// a screen without the service worker gets a page that retries itself
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), `http-equiv="refresh"`) {
		t.Errorf("nginx's answer for a screen while the app is down: %d\n%s", res.StatusCode, body)
	}

	browsertest.Run(t, ctx, chromedp.Reload())
	eventually(t, ctx, "the cached screen with its note after the reload",
		`!!document.getElementById('deck') && document.body.innerText.indexOf('The night team on 5 West') >= 0`)
	var text string
	browsertest.Run(t, ctx, chromedp.Evaluate(`document.body.innerText`, &text))
	if strings.Contains(text, "Bad Gateway") || strings.Contains(text, "Connecting to the kiosk server") {
		t.Fatalf("the screen shows the proxy's page: %q", text)
	}
	eventually(t, ctx, "the card faded in", `(function (el) { return !!el && getComputedStyle(el).opacity === '1'; })(document.querySelector('.kcard.active'))`)
	browsertest.Screenshot(t, ctx, "kiosk-proxy-app-down")

	// the app comes back on the same address: the screen goes live by
	// itself and shows what was approved meanwhile
	srv2 := browsertest.StartServerWith(t, browsertest.Options{Dir: dir, Addr: srv.Addr, AppURL: appURL})
	late := kktest.Create(t, srv2.App, s.Notes, map[string]any{s.NoteTo: "Housekeeping", s.NoteBody: "The ward sparkles.", s.FieldStatus: s.StatusApproved})
	eventually(t, ctx, "the screen live again", kioskLive)
	eventually(t, ctx, "the note approved while the app was down", fmt.Sprintf(`!!document.querySelector('.kcard[data-id="%s"]')`, late.Id))
	fresh := kktest.Create(t, srv2.App, s.Notes, map[string]any{s.NoteTo: "Pharmacy", s.NoteBody: "Quick as ever.", s.FieldStatus: s.StatusApproved})
	eventually(t, ctx, "a new approval pushed live", fmt.Sprintf(`!!document.querySelector('.kcard[data-id="%s"]')`, fresh.Id))
}
