package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// Assets maps public file paths to content fingerprints so that pages can
// link "/css/app.css?v=1a2b3c4d" and browsers may cache them for a year:
// a new binary with a changed file changes the URL.
type Assets struct {
	fsys   fs.FS
	hashes map[string]string
}

// NewAssets hashes every file of fsys once, at start-up.
func NewAssets(fsys fs.FS) (*Assets, error) {
	a := &Assets{fsys: fsys, hashes: map[string]string{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.hashes[p] = hex.EncodeToString(sum[:])[:10]
		return nil
	})
	return a, err
}

// FS returns the underlying file system.
func (a *Assets) FS() fs.FS { return a.fsys }

// URL returns the fingerprinted URL of a public file, e.g. "/css/app.css?v=…".
// An unknown file panics at render time, which the template sanity test catches.
func (a *Assets) URL(name string) string {
	name = strings.TrimPrefix(name, "/")
	h, ok := a.hashes[name]
	if !ok {
		panic("web: unknown asset " + name)
	}
	return "/" + name + "?v=" + h
}

// Version is a fingerprint of all assets together; the kiosk compares it
// to reload itself after an upgrade.
func (a *Assets) Version() string {
	sum := sha256.New()
	for _, k := range slices.Sorted(maps.Keys(a.hashes)) {
		sum.Write([]byte(k + a.hashes[k]))
	}
	return hex.EncodeToString(sum.Sum(nil))[:12]
}

// CacheHeaders is a middleware for the static route: a request whose ?v=
// matches the file's fingerprint is immutable; anything else revalidates.
func (a *Assets) CacheHeaders(e *core.RequestEvent) error {
	name := strings.TrimPrefix(e.Request.URL.Path, "/")
	if v := e.Request.URL.Query().Get("v"); v != "" && v == a.hashes[name] {
		e.Response.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		e.Response.Header().Set("Cache-Control", "no-cache")
	}
	return e.Next()
}
