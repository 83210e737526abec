package site_test

import (
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/demo"
	"github.com/kindness-coalition/kindness-kiosk/pb_public"
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

// page is one crawled response.
type page struct {
	contentType string
	body        string
}

// crawlDemo starts a demo-filled server and fetches every page it links
// from the seeds (same origin, not /api/ or /_/), with every stylesheet,
// script and image those pages reference.
func crawlDemo(t *testing.T) (pages map[string]page, allowedHosts map[string]bool) {
	t.Helper()
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: appURL})
	if err := demo.Seed(srv.App); err != nil {
		t.Fatal(err)
	}
	self, _ := url.Parse(srv.URL)
	allowedHosts = map[string]bool{self.Host: true, "kindness.hospital.example": true}

	seeds := []string{"/", "/notes/new", "/notes/new?room=er-3", "/stories/new", "/kiosk/break-room", "/kiosk/er-3",
		"/kiosk/er-3/feed", "/posters/break-room", "/posters/er-3", "/events", "/no-such-page"}
	pages = map[string]page{}
	queue := append([]string(nil), seeds...)
	kinds := map[string]int{}
	for len(queue) > 0 && len(pages) < 300 {
		path := queue[0]
		queue = queue[1:]
		if _, seen := pages[path]; seen {
			continue
		}
		res, body := fetch(t, http.MethodGet, srv.URL+path, nil)
		ct := res.Header.Get("Content-Type")
		pages[path] = page{ct, body}
		if path == "/events" && res.StatusCode == http.StatusNotFound {
			continue // the events pages are another branch's work
		}
		if res.StatusCode >= 500 {
			t.Errorf("GET %s: %d", path, res.StatusCode)
		}
		kinds[strings.SplitN(ct, ";", 2)[0]]++
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
	t.Logf("crawled %d URLs: %v", len(pages), kinds)
	// the crawl must have reached the assets, or it proves nothing
	for _, kind := range []string{"text/html", "text/css", "text/javascript", "image/svg+xml"} {
		if kinds[kind] == 0 && kinds[strings.Replace(kind, "text/javascript", "application/javascript", 1)] == 0 {
			t.Errorf("crawl fetched no %s", kind)
		}
	}
	return pages, allowedHosts
}

// TestNoOutboundReferences fails on any URL in a page or asset that would
// make a browser on the hospital network reach outside this server:
// CDNs, web fonts, analytics.
func TestNoOutboundReferences(t *testing.T) {
	pages, allowed := crawlDemo(t)
	// and every embedded asset, linked or not (e.g. a service worker)
	err := fs.WalkDir(pb_public.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		b, err := fs.ReadFile(pb_public.FS, name)
		if err != nil {
			return err
		}
		if _, crawled := pages["/"+name]; !crawled && utf8.Valid(b) {
			pages["embedded:"+name] = page{"embedded", string(b)}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, p := range pages {
		if strings.HasPrefix(p.contentType, "text/calendar") {
			// RFC 5545 folds long lines (CRLF + space): read the URLs unfolded
			p.body = strings.ReplaceAll(strings.ReplaceAll(p.body, "\r\n ", ""), "\r\n\t", "")
		}
		for _, m := range absURL.FindAllStringSubmatch(p.body, -1) {
			host := strings.ToLower(m[1])
			if !allowed[host] && !namespaces[host] {
				t.Errorf("%s (%s) references %s", path, p.contentType, m[0])
			}
		}
		if m := protoRelative.FindString(p.body); m != "" {
			t.Errorf("%s (%s) has a protocol-relative reference: %q", path, p.contentType, m)
		}
		if cssImport.MatchString(p.body) {
			t.Errorf("%s (%s) uses @import", path, p.contentType)
		}
	}
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<script\b[^>]*>`)
	inlineStyle = regexp.MustCompile(`(?i)(<style[\s>]|\sstyle\s*=)`)
	inlineEvent = regexp.MustCompile(`(?i)\son[a-z]+\s*=\s*["']`)
	jsURL       = regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*javascript:`)
)

// TestPagesNeedNoInlineCode: the CSP allows scripts and styles from the
// server's own files only, so an inline <script>, a style="" attribute or
// an onclick="" in a template would silently not work in production.
// Every crawled HTML page must do without them.
func TestPagesNeedNoInlineCode(t *testing.T) {
	pages, _ := crawlDemo(t)
	for path, p := range pages {
		if !strings.HasPrefix(p.contentType, "text/html") {
			continue
		}
		for _, tag := range scriptTag.FindAllString(p.body, -1) {
			if !strings.Contains(strings.ToLower(tag), "src=") {
				t.Errorf("%s: inline script %s (blocked by the CSP)", path, tag)
			}
		}
		for _, re := range []*regexp.Regexp{inlineStyle, inlineEvent, jsURL} {
			if m := re.FindString(p.body); m != "" {
				t.Errorf("%s: %q (blocked by the CSP)", path, m)
			}
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
	for _, b := range []string{`<script>alert(1)</script>`, `<p style="color:red">`, `<style>p{}</style>`, `<button onclick="go()">`, `<a href="javascript:go()">`} {
		inline := inlineStyle.MatchString(b) || inlineEvent.MatchString(b) || jsURL.MatchString(b)
		for _, tag := range scriptTag.FindAllString(b, -1) {
			inline = inline || !strings.Contains(tag, "src=")
		}
		if !inline {
			t.Errorf("inline code not caught: %s", b)
		}
	}
	for _, g := range []string{`<script src="/js/site.js" defer></script>`, `<p class="styled">`, `<a href="/one">`, `data-onion="1"`} {
		inline := inlineStyle.MatchString(g) || inlineEvent.MatchString(g) || jsURL.MatchString(g)
		for _, tag := range scriptTag.FindAllString(g, -1) {
			inline = inline || !strings.Contains(tag, "src=")
		}
		if inline {
			t.Errorf("inline-code false alarm: %s", g)
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
