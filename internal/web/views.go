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
	"net/url"
	"path"
	"runtime/debug"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

// Views holds the parsed page templates, once per language, and the asset
// fingerprints.
//
// Each language has its own parsed set, with the template function t
// bound to that language, so a page writes {{t "key"}} anywhere (inside a
// range or a partial too) without passing the language around; a
// request's language picks the set (ADR 0240).
type Views struct {
	pages   map[i18n.Lang]map[string]*template.Template
	assets  *Assets
	version string
}

// New parses every page under templates/ (each together with the layout
// and the partials), in every language, and fingerprints the files of
// public.
//
// It fails fast, at start-up, if a template or a catalogue does not parse.
func New(public fs.FS) (*Views, error) {
	assets, err := NewAssets(public)
	if err != nil {
		return nil, err
	}
	if err := i18n.Check(); err != nil {
		return nil, err
	}

	v := &Views{pages: map[i18n.Lang]map[string]*template.Template{}, assets: assets}
	for _, lang := range i18n.Langs {
		if v.pages[lang], err = parsePages(assets, lang); err != nil {
			return nil, err
		}
	}

	if v.version, err = buildVersion(assets); err != nil {
		return nil, err
	}
	return v, nil
}

// parsePages parses every page for one language.
func parsePages(assets *Assets, lang i18n.Lang) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": assets.URL,
	}
	for name, fn := range extraFuncs {
		funcs[name] = fn
	}
	for name, fn := range langFuncs(lang) {
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
	pages := map[string]*template.Template{}
	for _, file := range files {
		name := strings.TrimSuffix(path.Base(file), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, file)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", file, err)
		}
		pages[name] = t
	}
	return pages, nil
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
	_, ok := v.pages[i18n.English][page]
	return ok
}

// Page is what the layout receives: the page's own data (which the page's
// blocks get as their dot, unchanged) and what the layout adds around it.
type Page struct {
	Lang i18n.Lang
	// Switch links the page in the other languages, for the switch in
	// the header.
	Switch []LangLink
	Data   any
}

// LangLink is one entry of the language switch.
type LangLink struct {
	Lang    i18n.Lang
	Name    string // the language's name in itself: "Español"
	URL     string
	Current bool
}

// RenderBytes executes a page in English into a buffer; see [Views.RenderBytesIn].
func (v *Views) RenderBytes(page string, data any) ([]byte, error) {
	return v.RenderBytesIn(i18n.English, "/", page, data)
}

// RenderBytesIn executes a page in a language into a buffer; self is the
// address the language switch comes back to. A page that defines a
// "standalone" template (e.g. the kiosk) is rendered without the layout,
// with its own data as the dot.
func (v *Views) RenderBytesIn(lang i18n.Lang, self, page string, data any) ([]byte, error) {
	t, ok := v.pages[lang][page]
	if !ok {
		return nil, fmt.Errorf("web: no page %q in %q", page, lang)
	}
	var buf bytes.Buffer
	var err error
	if t.Lookup("standalone") != nil {
		err = t.ExecuteTemplate(&buf, "standalone", data)
	} else {
		err = t.ExecuteTemplate(&buf, "layout", Page{Lang: lang, Switch: switchLinks(lang, self), Data: data})
	}
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

func switchLinks(current i18n.Lang, self string) []LangLink {
	links := make([]LangLink, 0, len(i18n.Langs))
	for _, l := range i18n.Langs {
		links = append(links, LangLink{Lang: l, Name: l.Name(), URL: i18n.SwitchURL(l, self), Current: l == current})
	}
	return links
}

// Lang is the language a request's page is rendered in.
func Lang(e *core.RequestEvent) i18n.Lang { return i18n.FromRequest(e.Request) }

// self is where the language switch returns to: this page, or for a page
// rendered in answer to a post (a form with errors), the page the form
// was on.
func self(r *http.Request) string {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return r.URL.RequestURI()
	}
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
		return i18n.LocalPath(ref.RequestURI())
	}
	return "/"
}

// Render writes a page, in the request's language, with the given status.
// The page is rendered into a buffer first so that a template error
// becomes a clean 500 page instead of half a page.
func (v *Views) Render(e *core.RequestEvent, status int, page string, data any) error {
	return v.RenderIn(e, Lang(e), status, page, data)
}

// RenderIn is [Views.Render] in a given language (a screen follows its
// room's language, not the browser's).
func (v *Views) RenderIn(e *core.RequestEvent, lang i18n.Lang, status int, page string, data any) error {
	b, err := v.RenderBytesIn(lang, self(e.Request), page, data)
	if err != nil {
		return v.Error(e, http.StatusInternalServerError, "", err)
	}
	h := e.Response.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", string(lang))
	h.Add("Vary", "Accept-Language, Cookie")
	e.Response.WriteHeader(status)
	_, err = e.Response.Write(b)
	return err
}

// RenderPartial executes one named template of a page's set in English;
// see [Views.RenderPartialIn].
func (v *Views) RenderPartial(page, name string, data any) ([]byte, error) {
	return v.RenderPartialIn(i18n.English, page, name, data)
}

// RenderPartialIn executes one named template of a page's set (e.g. a card
// the kiosk pushes to screens) in a language, without the layout.
func (v *Views) RenderPartialIn(lang i18n.Lang, page, name string, data any) ([]byte, error) {
	t, ok := v.pages[lang][page]
	if !ok {
		return nil, fmt.Errorf("web: no page %q in %q", page, lang)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	return buf.Bytes(), nil
}
