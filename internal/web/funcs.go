package web

import (
	"fmt"
	"html/template"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
)

func init() {
	Funcs(template.FuncMap{
		"noteMarkdown":  markdown.Note,
		"storyMarkdown": markdown.Story,
		"plain":         markdown.Plain,
		"excerpt":       Excerpt,
	})
}

// langFuncs are the template functions bound to one language:
//
//	{{t "note.title"}}                     a catalogue message
//	{{t "seats.left" "Count" .Left}}       with named arguments (Count picks the plural)
//	{{t .Seats}}                           an i18n.Text built by Go code (a Msg, a Day, Raw)
//	{{th "story.consent_html"}}            a message that carries <strong>/<code>
//	{{lang}}                               "en", "es": for <html lang> and lang attributes
//	{{day .T}} {{clock .T}} {{longdate .T}} a time.Time in the catalogue's CLDR patterns
func langFuncs(lang i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"t": func(key any, args ...any) (string, error) {
			switch k := key.(type) {
			case string:
				return lang.T(k, args...), nil
			case i18n.Text:
				if k == nil {
					return "", nil
				}
				return k.In(lang), nil
			case nil:
				return "", nil
			}
			return "", fmt.Errorf("t: want a key or an i18n.Text, got %T", key)
		},
		"th":       func(key string, args ...any) template.HTML { return lang.HTML(key, args...) },
		"lang":     func() string { return string(lang) },
		"day":      func(t time.Time) string { return i18n.Day(t).In(lang) },
		"clock":    func(t time.Time) string { return i18n.Clock(t).In(lang) },
		"longdate": func(t time.Time) string { return i18n.LongDate(t).In(lang) },
	}
}

// Excerpt shortens plain text to at most n runes on a word boundary.
func Excerpt(n int, s string) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for i := n; i > n*2/3; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}
