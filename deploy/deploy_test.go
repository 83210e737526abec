package deploy_test

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// unitKeys parses a systemd unit into "Section.Key" → values.
func unitKeys(unit string) map[string][]string {
	keys := map[string][]string{}
	section := ""
	for _, line := range strings.Split(unit, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		default:
			k, v, _ := strings.Cut(line, "=")
			keys[section+"."+k] = append(keys[section+"."+k], v)
		}
	}
	return keys
}

// TestSystemdUnit checks the keys hospital IT relies on, then (where
// systemd-analyze exists) lets systemd itself verify the unit and score
// its sandbox.
func TestSystemdUnit(t *testing.T) {
	unit := read(t, "kindness-kiosk.service")
	keys := unitKeys(unit)
	want := map[string]string{
		"Service.DynamicUser":        "yes",
		"Service.User":               "kindness-kiosk",
		"Service.StateDirectory":     "kindness-kiosk",
		"Service.ExecStart":          "/usr/local/bin/kindness-kiosk serve --http 127.0.0.1:8090 --dir /var/lib/kindness-kiosk",
		"Service.Restart":            "always",
		"Unit.StartLimitIntervalSec": "0",
		"Service.LimitNOFILE":        "65536",
		"Service.NoNewPrivileges":    "yes",
		"Service.ProtectSystem":      "strict",
		"Service.PrivateTmp":         "yes",
		"Service.ProtectHome":        "yes",
		"Service.KillSignal":         "SIGTERM",
		"Install.WantedBy":           "multi-user.target",
	}
	for k, v := range want {
		if got := keys[k]; len(got) != 1 || got[0] != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}

	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Log("systemd-analyze not installed: checked the keys only")
		return
	}
	// verify needs ExecStart to exist: point it at a stand-in executable
	dir := t.TempDir()
	bin := filepath.Join(dir, "kindness-kiosk")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(dir, "kindness-kiosk.service")
	if err := os.WriteFile(local, []byte(strings.ReplaceAll(unit, "/usr/local/bin/kindness-kiosk", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("systemd-analyze", "verify", local).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	// "1.5 OK" when written; anything above 3 means hardening was lost
	out, _ := exec.Command("systemd-analyze", "security", "--offline=yes", local).CombinedOutput()
	m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no exposure level in:\n%s", out)
	}
	var score float64
	fmt.Sscan(string(m[1]), &score)
	t.Logf("systemd-analyze security: exposure %.1f", score)
	if score > 3 {
		t.Errorf("systemd exposure %.1f > 3: hardening lost?\n%s", score, out)
	}
}

// TestNginxConf checks the directives realtime and the rate limiter need,
// then, where nginx is installed, runs `nginx -t` and a real nginx in
// front of the product: a page and a realtime stream through the proxy.
func TestNginxConf(t *testing.T) {
	conf := read(t, "nginx.conf")
	for _, d := range []string{
		"proxy_http_version 1.1;", `proxy_set_header Connection "";`,
		"proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_set_header X-Real-IP $remote_addr;",
		"proxy_set_header Host $http_host;", "proxy_buffering off;", "proxy_read_timeout 1h;",
		"location = /api/realtime", "server 127.0.0.1:8090;",
	} {
		if !strings.Contains(conf, d) {
			t.Errorf("nginx.conf lacks %s", d)
		}
	}
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Log("nginx not installed: checked the directives only")
		return
	}

	srv := serverBehindProxy(t, "X-Real-IP")
	ngx := startNginx(t, srv.Addr)
	client, base := ngx.client, ngx.base
	res, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET / through nginx: %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}

	// plain HTTP redirects to HTTPS
	if res, err := client.Get("http://" + ngx.httpAddr + "/kiosk/break-room"); err != nil || res.StatusCode != 301 ||
		!strings.HasPrefix(res.Header.Get("Location"), "https://") {
		t.Errorf("http:// redirect: %v %v", err, res)
	}

	// behind the proxy each phone is its own client for the rate limiter
	phonesBehindProxy(t, srv, base, "X-Real-IP")
	longStoriesThroughProxy(t, srv, base)
	formsFromOldBrowsers(t, base)

	// the realtime stream's first event arrives through the proxy at once
	req, _ := http.NewRequest(http.MethodGet, base+"/api/realtime", nil)
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("realtime through nginx: %d %s", res.StatusCode, ct)
	}
	// the first event (id:, event:PB_CONNECT, data:, blank line)
	r := bufio.NewReader(res.Body)
	event := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("realtime through nginx after %q: %v", event, err)
		}
		if line == "\n" {
			break
		}
		event += line
	}
	if !strings.Contains(event, "event:PB_CONNECT") {
		t.Errorf("first realtime event through nginx: %q", event)
	}
}

// TestCaddyfile checks the realtime and body-size settings, then
// validates the file with Caddy where it is installed.
func TestCaddyfile(t *testing.T) {
	conf := read(t, "Caddyfile")
	for _, d := range []string{"reverse_proxy 127.0.0.1:8090", "flush_interval -1", "tls internal", "read_timeout 1h"} {
		if !strings.Contains(conf, d) {
			t.Errorf("Caddyfile lacks %s", d)
		}
	}
	if _, err := exec.LookPath("caddy"); err != nil {
		t.Log("caddy not installed: checked the directives only")
		return
	}
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	local := strings.NewReplacer(
		"/etc/ssl/kindness-kiosk/fullchain.pem", cert,
		"/etc/ssl/kindness-kiosk/privkey.pem", key,
	).Replace(conf)
	file := filepath.Join(dir, "Caddyfile")
	writeFile(t, file, local)
	env := append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	cmd := exec.Command("caddy", "validate", "--config", file, "--adapter", "caddyfile")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("caddy validate: %v\n%s", err, out)
	}

	// the same file, on test ports, in front of the product
	srv := serverBehindProxy(t, "X-Forwarded-For")
	base, res := startCaddy(t, local, srv.Addr, env, file, dir)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET / through caddy: %d", res.StatusCode)
	}
	phonesBehindProxy(t, srv, base, "X-Forwarded-For")
	longStoriesThroughProxy(t, srv, base)
	formsFromOldBrowsers(t, base)
}

// startCaddy runs the Caddyfile on free test ports in front of upstream
// and returns its HTTPS base URL and the first answer to GET /. A port
// picked free can be taken by another test process before caddy binds it
// (go test runs packages in parallel): then it tries again with new ports.
// It waits as long as the test's -timeout allows, not a fixed 10 s.
func startCaddy(t *testing.T, local, upstream string, env []string, file, dir string) (string, *http.Response) {
	t.Helper()
	client := &http.Client{
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, // our throw-away cert
		Timeout:   10 * time.Second,
	}
	for attempt := 1; ; attempt++ {
		httpsAddr, httpAddr := freeAddr(t), freeAddr(t)
		running := "{\n\tadmin off\n\tauto_https disable_redirects\n}\n\n" + strings.NewReplacer(
			"kindness.hospital.example {", "https://"+httpsAddr+" {",
			"http://kindness.hospital.example {", "http://"+httpAddr+" {",
			"reverse_proxy 127.0.0.1:8090", "reverse_proxy "+upstream,
		).Replace(local)
		writeFile(t, file, running)
		caddy := exec.Command("caddy", "run", "--config", file, "--adapter", "caddyfile")
		caddy.Env = env
		logs := filepath.Join(dir, fmt.Sprintf("caddy-%d.log", attempt))
		logFile, err := os.Create(logs)
		if err != nil {
			t.Fatal(err)
		}
		caddy.Stdout, caddy.Stderr = logFile, logFile
		if err := caddy.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = caddy.Wait(); close(exited) }()
		t.Cleanup(func() { _ = caddy.Process.Kill(); <-exited; logFile.Close() })

		base := "https://" + httpsAddr
		deadline := time.Now().Add(testwait.Left(t))
		for {
			res, err := client.Get(base + "/")
			if err == nil {
				return base, res
			}
			select {
			case <-exited:
				if l := read(t, logs); strings.Contains(l, "address already in use") && attempt < 5 {
					t.Logf("caddy: a test port was taken meanwhile (attempt %d), trying others", attempt)
				} else {
					t.Fatalf("caddy exited: %s", l)
				}
			default:
				if time.Now().After(deadline) {
					t.Fatalf("through caddy: %v\n%s", err, read(t, logs))
				}
				time.Sleep(50 * time.Millisecond)
				continue
			}
			break
		}
	}
}

func writeFile(t *testing.T, name, s string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	// A port the kernel hands out for port 0 comes from the ephemeral range,
	// the same range every outgoing connection on the machine draws from:
	// between our Close and the proxy's bind, a busy machine (browser tests,
	// a benchmark's thousands of clients) takes it, five times in a row
	// under load. Ports below the ephemeral range are never auto-assigned,
	// so only another test picking the same random port can collide, and
	// the callers retry for that. The proxies bind ":port" (every
	// interface), so that is what is checked free.
	for range 200 {
		port := 20000 + mrand.IntN(12000) // 20000-31999, below 32768
		ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err != nil {
			continue
		}
		ln.Close()
		return fmt.Sprintf("127.0.0.1:%d", port)
	}
	t.Fatal("no free test port in 20000-31999")
	return ""
}

// selfSigned writes a throw-away certificate for the proxies under test.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "kindness.hospital.example"},
		DNSNames:     []string{"kindness.hospital.example"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "fullchain.pem"), filepath.Join(dir, "privkey.pem")
	writeFile(t, certFile, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	writeFile(t, keyFile, string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})))
	return certFile, keyFile
}

// serverBehindProxy starts the product with Settings > User IP proxy
// headers = header already stored, as an operator sets it once. (Saving
// settings while a server runs races inside PocketBase: its request logger
// reads the settings while the reload writes them.)
func serverBehindProxy(t *testing.T, header string) *browsertest.Server {
	t.Helper()
	dir := t.TempDir()
	app := openApp(t, dir)
	settings, err := app.Settings().Clone()
	if err != nil {
		t.Fatal(err)
	}
	settings.TrustedProxy.Headers = []string{header}
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	if err := app.ClearBootstrap(); err != nil {
		t.Fatal(err)
	}
	return browsertest.StartServerWith(t, browsertest.Options{Dir: dir})
}

// phonesBehindProxy: with Settings > User IP proxy headers = header (as
// docs/operations.md says for each proxy), two phones behind the proxy
// (dialling from 127.0.0.2 and 127.0.0.3) have their own note quota, and a
// phone that forges the header is still counted as itself.
func phonesBehindProxy(t *testing.T, srv *browsertest.Server, base, header string) {
	t.Helper()
	settings := srv.App.Settings()
	if h := settings.TrustedProxy.Headers; len(h) != 1 || h[0] != header {
		t.Fatalf("server started without the %s proxy header: %v", header, h)
	}
	max := 0
	for _, r := range settings.RateLimits.Rules {
		if r.Label == "POST /notes" {
			max = r.MaxRequests
		}
	}
	post := func(from, forged string) int {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
		client := &http.Client{
			Transport:     &http.Transport{DialContext: d.DialContext, TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Timeout:       10 * time.Second,
		}
		req, _ := http.NewRequest(http.MethodPost, base+"/notes", strings.NewReader("to=Ana&body=Thank+you"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if forged != "" {
			req.Header.Set(header, forged)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("phone %s: %v", from, err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for i := 0; i < max; i++ {
		if code := post("127.0.0.2", ""); code != http.StatusSeeOther {
			t.Fatalf("phone A, note %d through the proxy: %d", i+1, code)
		}
	}
	if code := post("127.0.0.2", ""); code != http.StatusTooManyRequests {
		t.Errorf("phone A over its limit through the proxy: %d, want 429", code)
	}
	if code := post("127.0.0.2", "203.0.113.9"); code != http.StatusTooManyRequests {
		t.Errorf("phone A forging %s: %d, want 429", header, code)
	}
	if code := post("127.0.0.3", ""); code != http.StatusSeeOther {
		t.Errorf("phone B behind the same proxy: %d, want 303", code)
	}
}

// nginxProxy is a real nginx running the shipped deploy/nginx.conf on test
// ports, in front of a product server.
type nginxProxy struct {
	base     string       // https://127.0.0.1:port
	httpAddr string       // the plain-HTTP listener (redirects)
	certFile string       // its throw-away certificate
	client   *http.Client // trusts that certificate, follows no redirects
}

// startNginx runs deploy/nginx.conf with only its addresses and certificate
// paths changed, proxying to upstream, and waits until it answers.
func startNginx(t *testing.T, upstream string) *nginxProxy {
	t.Helper()
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	httpsAddr, httpAddr := freeAddr(t), freeAddr(t)
	local := strings.NewReplacer(
		"server 127.0.0.1:8090;", "server "+upstream+";",
		"listen 443 ssl http2;", "listen "+httpsAddr+" ssl http2;",
		"listen [::]:443 ssl http2;", "",
		"listen 80;", "listen "+httpAddr+";",
		"listen [::]:80;", "",
		"/etc/ssl/kindness-kiosk/fullchain.pem", cert,
		"/etc/ssl/kindness-kiosk/privkey.pem", key,
	).Replace(read(t, "nginx.conf"))
	site := filepath.Join(dir, "kindness-kiosk.conf")
	writeFile(t, site, local)
	main := filepath.Join(dir, "nginx.conf")
	writeFile(t, main, fmt.Sprintf("pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n access_log off;\n include %s;\n}\n", dir, dir, site))

	if out, err := exec.Command("nginx", "-t", "-p", dir, "-c", main).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v\n%s", err, out)
	}
	ngx := exec.Command("nginx", "-p", dir, "-c", main, "-g", "daemon off; master_process off;")
	if err := ngx.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ngx.Process.Kill(); _ = ngx.Wait() })

	p := &nginxProxy{base: "https://" + httpsAddr, httpAddr: httpAddr, certFile: cert, client: &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, // our throw-away cert
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       10 * time.Second,
	}}
	var err error
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		var res *http.Response
		if res, err = p.client.Get(p.base + "/api/health"); err == nil {
			res.Body.Close()
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("through nginx: %v\n%s", err, read(t, filepath.Join(dir, "error.log")))
		}
	}
}
