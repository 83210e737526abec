package i18n

import (
	"fmt"
	"html/template"
	"strings"
)

// Funcs are the template functions t and th bound to l, for templates
// outside the pages (e-mails): {{t "key" "Name" .X}}, {{t .SomeText}},
// {{th "key_html"}}. The pages get the same functions from internal/web.
func (l Lang) Funcs() template.FuncMap {
	return template.FuncMap{
		"t": func(key any, args ...any) (string, error) {
			switch k := key.(type) {
			case string:
				return l.T(k, args...), nil
			case Text:
				if k == nil {
					return "", nil
				}
				return k.In(l), nil
			case nil:
				return "", nil
			}
			return "", fmt.Errorf("t: want a key or an i18n.Text, got %T", key)
		},
		"th": func(key string, args ...any) template.HTML { return l.HTML(key, args...) },
	}
}

// Template is an HTML template (an e-mail body) parsed once per language
// with that language's t and th.
type Template map[Lang]*template.Template

// MustTemplate parses src for every language; it panics on a bad template
// (package initialisation, like template.Must).
func MustTemplate(name, src string) Template {
	out := Template{}
	for _, l := range Langs {
		out[l] = template.Must(template.New(name).Funcs(l.Funcs()).Parse(src))
	}
	return out
}

// Execute renders the template in l (English for a language without one).
func (t Template) Execute(l Lang, data any) (string, error) {
	tpl, ok := t[l]
	if !ok {
		tpl = t[English]
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}
