package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// resource is one request of the kiosk's first load.
type resource struct {
	path     string
	kind     string // html, css, js, img, from-css
	status   int
	encoding string // Content-Encoding
	header   int    // response header bytes (status line included)
	body     int    // body bytes as transferred
	raw      int    // body bytes after decompression
}

func (r resource) transferred() int { return r.header + r.body }

type firstLoadResult struct {
	page      string
	resources []resource
	inline    int // data: images inside the HTML (0 requests)
	cards     string
}

func (f *firstLoadResult) requests() int { return len(f.resources) }

func (f *firstLoadResult) bytes() int {
	n := 0
	for _, r := range f.resources {
		n += r.transferred()
	}
	return n
}

var (
	tagRe  = regexp.MustCompile(`(?is)<(link|script|img|source)\b[^>]*>`)
	attrRe = regexp.MustCompile(`(?is)\b(href|src|rel)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)
)

var kindRe = regexp.MustCompile(`data-kind="([a-z]+)"`)

// cardKinds describes the deck the page carries, e.g. "30 note, 3 event cards".
func cardKinds(html string) string {
	n := map[string]int{}
	var order []string
	for _, m := range kindRe.FindAllStringSubmatch(html, -1) {
		if n[m[1]] == 0 {
			order = append(order, m[1])
		}
		n[m[1]]++
	}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%d %s", n[k], k))
	}
	return strings.Join(parts, ", ") + " cards"
}

// fetchOne GETs path as a browser does (gzip accepted) and counts what
// crossed the wire.
func fetchOne(ctx context.Context, hc *http.Client, base, path, kind string) (resource, []byte, error) {
	r := resource{path: path, kind: kind}
	req, err := http.NewRequestWithContext(ctx, "GET", base+path, nil)
	if err != nil {
		return r, nil, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0 Safari/537.36")
	resp, err := hc.Do(req)
	if err != nil {
		return r, nil, err
	}
	defer resp.Body.Close()
	wire, err := io.ReadAll(resp.Body)
	if err != nil {
		return r, nil, err
	}
	r.status = resp.StatusCode
	r.body = len(wire)
	r.encoding = resp.Header.Get("Content-Encoding")
	var hdr bytes.Buffer
	fmt.Fprintf(&hdr, "%s %s\r\n", resp.Proto, resp.Status)
	_ = resp.Header.Write(&hdr)
	hdr.WriteString("\r\n")
	r.header = hdr.Len()
	body := wire
	if r.encoding == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(wire))
		if err != nil {
			return r, nil, err
		}
		if body, err = io.ReadAll(zr); err != nil {
			return r, nil, err
		}
	}
	r.raw = len(body)
	if r.status != http.StatusOK {
		return r, body, fmt.Errorf("GET %s: %d", path, r.status)
	}
	return r, body, nil
}

// sameOrigin returns the path of ref if the browser would fetch it from
// the kiosk's own server ("" for data: URIs and other origins).
func sameOrigin(base, ref string) string {
	if strings.HasPrefix(ref, "data:") || ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	b, _ := url.Parse(base)
	if u.Host != "" && u.Host != b.Host {
		return ""
	}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/kiosk/" + u.Path
	}
	return u.RequestURI()
}

// benchFirstLoad loads /kiosk/{slug} like a fresh browser: the HTML, then
// every same-origin stylesheet, script, icon and image it names, then what
// the stylesheets name with url(...). Inline data: images cost no request.
func benchFirstLoad(ctx context.Context, s *server, slug string) (*firstLoadResult, error) {
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	page := "/kiosk/" + slug
	res := &firstLoadResult{page: page}
	html, body, err := fetchOne(ctx, hc, s.base, page, "html")
	if err != nil {
		return nil, err
	}
	res.resources = append(res.resources, html)
	res.cards = cardKinds(string(body))
	seen := map[string]bool{page: true}
	var css [][]byte
	hasIcon := false
	for _, tag := range tagRe.FindAllStringSubmatch(string(body), -1) {
		attrs := map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(tag[0], -1) {
			attrs[strings.ToLower(a[1])] = strings.Trim(a[2], `"'`)
		}
		name := strings.ToLower(tag[1])
		ref, kind := attrs["src"], name
		if name == "link" {
			ref = attrs["href"]
			rel := strings.ToLower(attrs["rel"])
			switch {
			case strings.Contains(rel, "stylesheet"):
				kind = "css"
			case strings.Contains(rel, "icon"):
				kind = "icon"
				hasIcon = true
			case strings.Contains(rel, "preload"):
				kind = "preload"
			default:
				continue // canonical, manifest...: not fetched for rendering
			}
		}
		if name == "script" {
			kind = "js"
		}
		if strings.HasPrefix(ref, "data:") {
			res.inline++
			continue
		}
		path := sameOrigin(s.base, ref)
		if path == "" || seen[path] {
			continue
		}
		seen[path] = true
		r, b, err := fetchOne(ctx, hc, s.base, path, kind)
		if err != nil {
			return nil, err
		}
		res.resources = append(res.resources, r)
		if kind == "css" {
			css = append(css, b)
		}
	}
	// a page that names no icon makes browsers ask for /favicon.ico
	if !hasIcon {
		r, _, err := fetchOne(ctx, hc, s.base, "/favicon.ico", "favicon (implicit)")
		if err != nil && r.status == 0 {
			return nil, err
		}
		res.resources = append(res.resources, r)
	}
	for _, b := range css {
		for _, m := range cssURL.FindAllStringSubmatch(string(b), -1) {
			path := sameOrigin(s.base, m[1])
			if path == "" || seen[path] {
				continue
			}
			seen[path] = true
			r, _, err := fetchOne(ctx, hc, s.base, path, "from css")
			if err != nil {
				return nil, err
			}
			res.resources = append(res.resources, r)
		}
	}
	return res, nil
}

func (f *firstLoadResult) table() *table {
	t := &table{
		title:   "Kiosk first load",
		headers: []string{"request", "kind", "encoding", "body on the wire", "body unpacked", "with headers"},
	}
	for _, r := range f.resources {
		enc := r.encoding
		if enc == "" {
			enc = "none"
		}
		path := "`" + r.path + "`"
		if r.status != http.StatusOK {
			path += fmt.Sprintf(" (%d)", r.status)
		}
		t.add(path, r.kind, enc, kb(r.body), kb(r.raw), kb(r.transferred()))
	}
	t.add(fmt.Sprintf("**total: %d requests** (%d inline data: images, 0 requests)", f.requests(), f.inline), "", "", "", "", "**"+kb(f.bytes())+"**")
	return t
}

func (f *firstLoadResult) budgetTable() *table {
	t := &table{title: "", headers: []string{"metric", "product", "budget", "result"}}
	t.add("kiosk first load, bytes transferred (headers + bodies as sent; page with "+f.cards+")", kb(f.bytes()), "≤ 50 KB", verdict(f.bytes() <= 50_000, kb(f.bytes())))
	t.add("kiosk first load, requests", fmt.Sprint(f.requests()), "≤ 6", verdict(f.requests() <= 6, fmt.Sprint(f.requests())))
	return t
}
