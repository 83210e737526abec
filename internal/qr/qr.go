// Package qr makes the QR codes the screens and posters show, with
// skip2/go-qrcode, inside the binary.
package qr

import (
	"encoding/base64"
	"html/template"
	"net"
	"net/url"
	"strings"
	"sync"

	qrcode "github.com/skip2/go-qrcode"
)

// Size is the PNG edge in pixels: about 300 px on a 1080p screen, enough
// to scan from across a small room. go-qrcode adds the 4-module quiet zone.
const Size = 360

var cache sync.Map // content -> []byte

// PNG returns the QR code of content as a PNG, with Medium error
// correction (15%: survives glare and a smudge on the TV). Codes are
// cached: screens ask for the same few URLs all day.
func PNG(content string) ([]byte, error) {
	if b, ok := cache.Load(content); ok {
		return b.([]byte), nil
	}
	b, err := qrcode.Encode(content, qrcode.Medium, Size)
	if err != nil {
		return nil, err
	}
	cache.Store(content, b)
	return b, nil
}

// DataURI returns the code as a data: URI for an <img src>, so a screen
// needs no extra request for it (CSP allows img-src data:).
func DataURI(content string) (template.URL, error) {
	b, err := PNG(content)
	if err != nil {
		return "", err
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(b)), nil //nolint:gosec // our own PNG
}

// IsReachable reports whether a base URL is one a phone could open: not
// empty, http(s), and not localhost or a loopback/unspecified address.
func IsReachable(base string) bool {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return false
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		return false
	}
	return true
}

// Join builds an absolute URL from the base URL and a path with query.
func Join(base, pathAndQuery string) string {
	return strings.TrimRight(strings.TrimSpace(base), "/") + pathAndQuery
}
