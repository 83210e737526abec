package deploy_test

import (
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// proxyLimit reads a byte size from a proxy config ("1m", "1MiB", "64KB").
func proxyLimit(t *testing.T, conf string, re *regexp.Regexp) int64 {
	t.Helper()
	m := re.FindStringSubmatch(conf)
	if m == nil {
		t.Fatalf("no body limit matching %s", re)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	switch strings.ToLower(m[2]) {
	case "k", "kib":
		n <<= 10
	case "m", "mib":
		n <<= 20
	case "kb":
		n *= 1000
	case "mb":
		n *= 1000 * 1000
	}
	return n
}

// TestProxyLimitsAgree: each proxy passes exactly site.ProxyBodyLimit to
// the app, which is above the forms' own limit (so the app, not the proxy,
// answers an oversize post, with the words shown back).
func TestProxyLimitsAgree(t *testing.T) {
	nginx := proxyLimit(t, read(t, "nginx.conf"), regexp.MustCompile(`(?m)^    client_max_body_size (\d+)([km]?);`))
	caddy := proxyLimit(t, read(t, "Caddyfile"), regexp.MustCompile(`max_size (\d+)([KMG]i?B)`))
	if nginx != site.ProxyBodyLimit || caddy != site.ProxyBodyLimit {
		t.Errorf("body limits: nginx %d, Caddy %d, the app expects %d", nginx, caddy, site.ProxyBodyLimit)
	}
}

// longStoriesThroughProxy posts stories through a running proxy at base:
// a 15,000-character Cyrillic one and a 15,000-character Greek one (about
// 90 KB once a browser has encoded them) are saved; one over the app's
// limit gets the app's own 413 page with the words on it, not a bare
// proxy page or a 502.
func longStoriesThroughProxy(t *testing.T, srv *browsertest.Server, base string) {
	t.Helper()
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, // our throw-away cert
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       testwait.Left(t),
	}
	post := func(title, body string) (int, string) {
		form := url.Values{"title": {title}, "body": {body}, "author": {"Night shift"}}.Encode()
		res, err := client.Post(base+"/stories", "application/x-www-form-urlencoded", strings.NewReader(form))
		if err != nil {
			t.Fatalf("story through the proxy: %v", err)
		}
		defer res.Body.Close()
		page, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(page)
	}
	for _, story := range []struct{ title, word string }{{"Спасибо", "Спасибо "}, {"Ευχαριστώ", "Ευχαριστώ "}} {
		body := strings.Repeat(story.word, 15_000/len([]rune(story.word)))
		if code, page := post(story.title, body); code != http.StatusSeeOther {
			t.Errorf("%s story (15,000 characters) through the proxy: %d\n%.300s", story.title, code, page)
			continue
		}
		rec, err := srv.App.FindFirstRecordByData(s.Stories, s.StoryTitle, story.title)
		if err != nil || rec.GetString(s.StoryBody) != strings.TrimSpace(body) {
			t.Errorf("%s story not saved whole: %v", story.title, err)
		}
	}

	long := strings.Repeat("Καλημέρα ", 6000) + "τέλος" // ~320 KB encoded
	code, page := post("Πολύ μεγάλη", long)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(page, "Your words are below") || !strings.Contains(page, "τέλος") {
		t.Errorf("oversize story through the proxy: %d, want the app's 413 page with the words\n%.500s", code, page)
	}
}

// formsFromOldBrowsers: a browser too old to send Sec-Fetch-Site (Safari
// before 16.4, Chrome before 76, many TVs) sends Origin with its form
// posts. On a proxy port other than 443 the Origin carries the port, so
// the Host the app sees must carry it too, or the cross-origin protection
// refuses every form (403). A post from another site is still refused.
// Over HTTP/1.1 and HTTP/2, which browsers use. HSTS is on.
func formsFromOldBrowsers(t *testing.T, base string) {
	t.Helper()
	for _, h2 := range []bool{false, true} {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.5")}} // its own rate-limit quota
		client := &http.Client{
			Transport: &http.Transport{DialContext: d.DialContext, ForceAttemptHTTP2: h2,
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, // our throw-away cert
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Timeout:       testwait.Left(t),
		}
		post := func(origin string) *http.Response {
			req, _ := http.NewRequest(http.MethodPost, base+"/notes", strings.NewReader("to=Ana&body=Thank+you"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", origin) // and no Sec-Fetch-Site
			res, err := client.Do(req)
			if err != nil {
				t.Fatalf("old browser's form through the proxy: %v", err)
			}
			res.Body.Close()
			return res
		}
		res := post(base)
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("old browser's form on port %s (HTTP/%d): %d, want 303", base[strings.LastIndex(base, ":")+1:], res.ProtoMajor, res.StatusCode)
		}
		if hsts := res.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
			t.Errorf("no HSTS through the proxy: %q", hsts)
		}
		if res := post("https://evil.example"); res.StatusCode != http.StatusForbidden {
			t.Errorf("form from another site through the proxy (HTTP/%d): %d, want 403", res.ProtoMajor, res.StatusCode)
		}
	}
}
