package site_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/demo"
)

// appURL is a realistic public base URL: QR codes and absolute links use
// it, and it is the only host besides the server itself a page may name.
const appURL = "https://kindness.hospital.example"

var (
	// an absolute URL anywhere: attributes, CSS, JS strings, text
	absURL = regexp.MustCompile(`(?i)\b(?:https?|wss?|ftp)://([^\s"'<>()\\/]+)`)
	// protocol-relative references ("//cdn.example/x.js") in the places a
	// browser would fetch them: attributes, CSS url(), JS strings
	protoRelative = regexp.MustCompile(`(?i)(?:(?:src|href|action|srcset|poster|data)\s*=\s*["']?|url\(\s*["']?|["'])//[a-z0-9]`)
	cssImport     = regexp.MustCompile(`(?i)@import`)
	links         = regexp.MustCompile(`(?i)(?:href|src|action)\s*=\s*"([^"]+)"`)
	// XML namespace names look like URLs but are never fetched
	namespaces = map[string]bool{"www.w3.org": true}
)

// TestNoOutboundReferences crawls every page of a demo-filled running
// server (and every page, stylesheet, script and image they link) and
// fails on any URL that would make a browser on the hospital network
// reach outside this server: CDNs, web fonts, analytics.
func TestNoOutboundReferences(t *testing.T) {
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: appURL})
	if err := demo.Seed(srv.App); err != nil {
		t.Fatal(err)
	}
	self, _ := url.Parse(srv.URL)
	allowed := map[string]bool{self.Host: true, "kindness.hospital.example": true}

	seeds := []string{"/", "/notes/new", "/notes/new?room=er-3", "/stories/new", "/kiosk/break-room", "/kiosk/er-3",
		"/kiosk/er-3/feed", "/posters/break-room", "/posters/er-3", "/events", "/no-such-page"}
	seen := map[string]bool{}
	queue := append([]string(nil), seeds...)
	kinds := map[string]int{}
	for len(queue) > 0 && len(seen) < 300 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		res, body := fetch(t, http.MethodGet, srv.URL+path, nil)
		if path == "/events" && res.StatusCode == http.StatusNotFound {
			continue // the events pages are another branch's work
		}
		if res.StatusCode >= 500 {
			t.Errorf("GET %s: %d", path, res.StatusCode)
		}
		ct := res.Header.Get("Content-Type")
		kinds[strings.SplitN(ct, ";", 2)[0]]++

		for _, m := range absURL.FindAllStringSubmatch(body, -1) {
			host := strings.ToLower(m[1])
			if !allowed[host] && !namespaces[host] {
				t.Errorf("%s (%s) references %s", path, ct, m[0])
			}
		}
		if m := protoRelative.FindString(body); m != "" {
			t.Errorf("%s (%s) has a protocol-relative reference: %q", path, ct, m)
		}
		if cssImport.MatchString(body) {
			t.Errorf("%s (%s) uses @import", path, ct)
		}

		if !strings.HasPrefix(ct, "text/html") {
			continue
		}
		for _, m := range links.FindAllStringSubmatch(body, -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || (u.Host != "" && u.Host != self.Host) || u.Scheme == "data" || u.Scheme == "mailto" {
				continue
			}
			if strings.HasPrefix(u.Path, "/_/") || strings.HasPrefix(u.Path, "/api/") || !strings.HasPrefix(u.Path, "/") {
				continue
			}
			next := u.Path
			if u.RawQuery != "" {
				next += "?" + u.RawQuery
			}
			queue = append(queue, next)
		}
	}
	t.Logf("crawled %d URLs: %v", len(seen), kinds)
	// the crawl must have reached the assets, or it proves nothing
	for _, kind := range []string{"text/html", "text/css", "text/javascript", "image/svg+xml"} {
		if kinds[kind] == 0 && kinds[strings.Replace(kind, "text/javascript", "application/javascript", 1)] == 0 {
			t.Errorf("crawl fetched no %s", kind)
		}
	}
}

// TestOutboundDetectors shows the detectors above catch what they must.
func TestOutboundDetectors(t *testing.T) {
	bad := []string{
		`<script src="https://cdn.example/x.js">`,
		`<link href="//fonts.googleapis.com/css?family=Inter" rel="stylesheet">`,
		`@font-face{src:url(//fonts.gstatic.com/x.woff2)}`,
		`fetch("//analytics.example/p")`,
		`body{background:url("http://img.example/a.png")}`,
	}
	for _, b := range bad {
		m := absURL.FindStringSubmatch(b)
		if (m == nil || namespaces[m[1]]) && !protoRelative.MatchString(b) {
			t.Errorf("not caught: %s", b)
		}
	}
	good := []string{`<img src="data:image/png;base64,iVBORw0KGgo//8/AAA">`, `// a JS comment`, `<a href="/notes/new">`,
		`<svg xmlns="http://www.w3.org/2000/svg">`}
	for _, g := range good {
		if m := absURL.FindStringSubmatch(g); (m != nil && !namespaces[m[1]]) || protoRelative.MatchString(g) {
			t.Errorf("false alarm: %s", g)
		}
	}
}
