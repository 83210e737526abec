// Package web renders the server-side HTML pages: one base layout, embedded
// templates, fingerprinted asset URLs and HTML error pages.
//
// Every public page renders through [Views.Render] or [Views.Error], so a
// person never sees raw JSON or a stack trace on an HTML route.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"runtime/debug"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

//go:embed templates
var templateFS embed.FS

// Views holds the parsed page templates and the asset fingerprints.
type Views struct {
	pages   map[string]*template.Template
	assets  *Assets
	version string
}

// New parses every page under templates/ (each together with the layout
// and the partials) and fingerprints the files of public.
//
// It fails fast, at start-up, if a template does not parse.
func New(public fs.FS) (*Views, error) {
	assets, err := NewAssets(public)
	if err != nil {
		return nil, err
	}

	v := &Views{pages: map[string]*template.Template{}, assets: assets}

	funcs := template.FuncMap{
		"asset": assets.URL,
	}
	for name, fn := range extraFuncs {
		funcs[name] = fn
	}

	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}

	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, file := range files {
		name := strings.TrimSuffix(path.Base(file), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, file)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", file, err)
		}
		v.pages[name] = t
	}

	if v.version, err = buildVersion(assets); err != nil {
		return nil, err
	}
	return v, nil
}

// Version fingerprints what a screen shows: the public assets, the
// templates and, when the binary was built from a git checkout, its
// revision. A kiosk that sees a new version reloads itself.
func (v *Views) Version() string { return v.version }

func buildVersion(assets *Assets) (string, error) {
	sum := sha256.New()
	sum.Write([]byte(assets.Version()))
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, p)
		sum.Write([]byte(p))
		sum.Write(b)
		return err
	})
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range info.Settings {
			if kv.Key == "vcs.revision" || kv.Key == "vcs.modified" {
				sum.Write([]byte(kv.Key + "=" + kv.Value))
			}
		}
	}
	return hex.EncodeToString(sum.Sum(nil))[:12], err
}

// extraFuncs are template functions other packages contribute (see [Funcs]).
var extraFuncs = template.FuncMap{}

// Funcs adds template functions; call it from an init function, before [New].
func Funcs(m template.FuncMap) {
	for k, fn := range m {
		extraFuncs[k] = fn
	}
}

// Assets returns the fingerprinted public assets.
func (v *Views) Assets() *Assets { return v.assets }

// Has reports whether a page template exists.
func (v *Views) Has(page string) bool {
	_, ok := v.pages[page]
	return ok
}

// RenderBytes executes a page into a buffer. A page that defines a
// "standalone" template (e.g. the kiosk) is rendered without the layout.
func (v *Views) RenderBytes(page string, data any) ([]byte, error) {
	t, ok := v.pages[page]
	if !ok {
		return nil, fmt.Errorf("web: no page %q", page)
	}
	entry := "layout"
	if t.Lookup("standalone") != nil {
		entry = "standalone"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, entry, data); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// Render writes a page with the given status. The page is rendered into a
// buffer first so that a template error becomes a clean 500 page instead of
// half a page.
func (v *Views) Render(e *core.RequestEvent, status int, page string, data any) error {
	b, err := v.RenderBytes(page, data)
	if err != nil {
		return v.Error(e, http.StatusInternalServerError, "", err)
	}
	e.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
	e.Response.Header().Set("Cache-Control", "no-store")
	e.Response.WriteHeader(status)
	_, err = e.Response.Write(b)
	return err
}

// RenderPartial executes one named template of a page's set (e.g. a card
// the kiosk pushes to screens), without the layout.
func (v *Views) RenderPartial(page, name string, data any) ([]byte, error) {
	t, ok := v.pages[page]
	if !ok {
		return nil, fmt.Errorf("web: no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	return buf.Bytes(), nil
}
