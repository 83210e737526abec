// Package i18n holds the product's words in every language it speaks
// (English and Spanish), embedded in the binary, and picks the language of
// a request: a "lang" cookie set by the switch on the phone pages, else
// the browser's Accept-Language, else English.
//
// Catalogues are go-i18n JSON files under locales/: "en.json" and "es.json"
// for the pages everyone sees, and "<area>.<lang>.json" for an area of its
// own (the staff desk, e-mails), so that two people adding words to two
// areas never edit the same file. Every file of a language is loaded into
// that language; CLDR plural categories (ADR 0240). Keys are whole sentences with named
// placeholders ({{.Name}}): never build a sentence by concatenation. The
// placeholder named Count selects the plural form.
//
// Domain code that builds words before it knows the reader's language
// returns a [Text] (a [Msg], a [Day], a [Clock], [Raw] user content), and
// the page renders it in the request's language with the template
// function t.
package i18n

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var localeFS embed.FS

// CatalogueFiles returns the embedded catalogue files of language l:
// "locales/l.json" first, then "locales/<area>.l.json" in name order.
func CatalogueFiles(l Lang) ([]string, error) {
	main := "locales/" + string(l) + ".json"
	if _, err := fs.Stat(localeFS, main); err != nil {
		return nil, err
	}
	areas, err := fs.Glob(localeFS, "locales/*."+string(l)+".json")
	if err != nil {
		return nil, err
	}
	return append([]string{main}, areas...), nil
}

// Lang is a language the product speaks, as a BCP 47 tag ("en", "es").
type Lang string

// The languages with a complete catalogue. English is the default and the
// fallback for a key a catalogue lacks (the catalogue test forbids that).
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Langs lists the supported languages, the default first.
var Langs = []Lang{English, Spanish}

// Parse returns the supported language a string names ("es", "ES",
// "es-MX" → Spanish), or false.
func Parse(s string) (Lang, bool) {
	tag, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	for _, l := range Langs {
		if base.String() == string(l) {
			return l, true
		}
	}
	return "", false
}

// Name is the language's name in itself, for the switch ("Español").
func (l Lang) Name() string { return l.T("lang.name") }

var (
	loadOnce   sync.Once
	bundle     *goi18n.Bundle
	localizers map[Lang]*goi18n.Localizer
	keys       map[Lang]map[string]bool
	loadErr    error
)

// load parses the embedded catalogues once.
func load() {
	bundle = goi18n.NewBundle(language.English)
	localizers = map[Lang]*goi18n.Localizer{}
	keys = map[Lang]map[string]bool{}
	for _, l := range Langs {
		files, err := CatalogueFiles(l)
		if err != nil {
			loadErr = fmt.Errorf("i18n: catalogue %s: %w", l, err)
			return
		}
		keys[l] = map[string]bool{}
		for _, f := range files {
			mf, err := bundle.LoadMessageFileFS(localeFS, f)
			if err != nil {
				loadErr = fmt.Errorf("i18n: catalogue %s: %w", f, err)
				return
			}
			for _, m := range mf.Messages {
				if keys[l][m.ID] {
					loadErr = fmt.Errorf("i18n: key %q is in two %s catalogue files", m.ID, l)
					return
				}
				keys[l][m.ID] = true
			}
		}
		localizers[l] = goi18n.NewLocalizer(bundle, string(l))
	}
}

// Check loads the catalogues and reports a broken one; main calls it at
// start-up (through web.New) so a bad catalogue fails fast, not mid-page.
func Check() error {
	loadOnce.Do(load)
	return loadErr
}

// Keys returns the keys of a language's catalogue, sorted.
func Keys(l Lang) []string {
	if Check() != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(keys[l]))
}

// Has reports whether the English catalogue has a key.
func Has(key string) bool {
	return Check() == nil && keys[English][key]
}

// T returns the message key in language l, with args as name/value pairs
// ("Name", "Ana", "Count", 3). A value that is a [Text] is rendered in l
// first. A key no catalogue has comes back as itself, so a slip shows on
// the page (and the catalogue test fails) instead of a blank.
func (l Lang) T(key string, args ...any) string {
	s, err := l.translate(key, args)
	if err != nil {
		return key
	}
	return s
}

func (l Lang) translate(key string, args []any) (string, error) {
	if err := Check(); err != nil {
		return "", err
	}
	loc, ok := localizers[l]
	if !ok {
		loc = localizers[English]
	}
	cfg := &goi18n.LocalizeConfig{MessageID: key}
	if len(args) > 0 {
		data := make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			name, _ := args[i].(string)
			v := args[i+1]
			if t, ok := v.(Text); ok && t != nil {
				v = t.In(l)
			}
			data[name] = v
		}
		cfg.TemplateData = data
		if n, ok := data["Count"]; ok {
			cfg.PluralCount = n
		}
	}
	return loc.Localize(cfg)
}

// HTML is [Lang.T] for the few messages that carry markup (<strong>,
// <code>): their keys end in "_html" and the catalogue test allows only
// those tags in them. Arguments are escaped before they are put in, so
// user text stays text.
func (l Lang) HTML(key string, args ...any) template.HTML {
	esc := make([]any, len(args))
	for i, a := range args {
		if i%2 == 1 {
			if t, ok := a.(Text); ok && t != nil {
				a = t.In(l)
			}
			if s, ok := a.(string); ok {
				a = template.HTMLEscapeString(s)
			}
		}
		esc[i] = a
	}
	return template.HTML(l.T(key, esc...)) //nolint:gosec // our catalogue, escaped arguments
}

// Text is words whose language is chosen when the page is rendered.
type Text interface {
	In(Lang) string
}

// Msg is a catalogue message with its arguments, rendered later in the
// reader's language (a field error, a seat count, an error page).
type Msg struct {
	Key  string
	Args []any // name/value pairs, as for [Lang.T]
}

// M returns a message to render later.
func M(key string, args ...any) *Msg { return &Msg{Key: key, Args: args} }

// In renders the message in l.
func (m *Msg) In(l Lang) string {
	if m == nil {
		return ""
	}
	return l.T(m.Key, m.Args...)
}

// String renders the message in English, for logs (and so that a template
// that forgets t still shows words, not a struct).
func (m *Msg) String() string { return m.In(English) }

// Raw is text that is the same in every language: what a person typed.
type Raw string

// In returns the text as it is.
func (r Raw) In(Lang) string { return string(r) }

// String returns the text.
func (r Raw) String() string { return string(r) }

// OrList is a list of alternatives, joined in the reader's language
// ("@a.org or @b.org", "@a.org o @b.org").
type OrList []string

// In joins the list with the catalogue's "list.or".
func (o OrList) In(l Lang) string { return strings.Join(o, l.T("list.or")) }

// String joins the list in English.
func (o OrList) String() string { return o.In(English) }

// IsHTMLKey reports whether a key's message may carry markup.
func IsHTMLKey(key string) bool { return strings.HasSuffix(key, "_html") }

// Sub returns the catalogue as an fs.FS (for tests and tools).
func Sub() fs.FS { return localeFS }
