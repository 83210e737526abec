package web

import (
	"html/template"

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
