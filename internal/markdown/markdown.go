// Package markdown is the one place goldmark is configured.
//
// Two profiles, both without raw HTML (goldmark omits it unless
// html.WithUnsafe is set, which this package never does):
//   - [Note]: emphasis, line breaks and lists. Links, images and headings
//     are reduced to their text, so nothing in a note can load or run
//     anything on a screen.
//   - [Story]: adds headings and links (rel="noopener nofollow ugc",
//     http/https/mailto only). Images are reduced to their alt text: no
//     remote images on an intranet page.
package markdown

import (
	"bytes"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var (
	noteMD  = newMarkdown(false)
	storyMD = newMarkdown(true)
)

func newMarkdown(story bool) goldmark.Markdown {
	exts := []goldmark.Extender{extension.Strikethrough}
	if story {
		exts = append(exts, extension.Linkify)
	}
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(
			html.WithHardWraps(), // a line break typed on a phone stays a line break
			renderer.WithNodeRenderers(util.Prioritized(&safeRenderer{story: story}, 10)),
		),
	)
}

// Note renders a gratitude note body.
func Note(src string) template.HTML { return render(noteMD, src) }

// Story renders a story body.
func Story(src string) template.HTML { return render(storyMD, src) }

func render(md goldmark.Markdown, src string) template.HTML {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// Convert only fails on writer errors; fall back to escaped text.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	// The output comes from goldmark with raw HTML omitted and URLs filtered
	// below, so it is trusted HTML.
	return template.HTML(buf.String()) //nolint:gosec
}

// safeRenderer overrides the nodes that could load or run something.
type safeRenderer struct{ story bool }

func (r *safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindRawHTML, r.renderRawHTMLAsText)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlockAsText)
	if !r.story {
		reg.Register(ast.KindHeading, r.renderHeadingAsParagraph)
	}
}

// renderRawHTMLAsText shows inline HTML the writer typed as escaped text:
// nothing runs, and nothing they wrote silently disappears.
func (r *safeRenderer) renderRawHTMLAsText(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			s := segs.At(i)
			_, _ = w.Write(util.EscapeHTML(s.Value(source)))
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlockAsText is the block-level twin of renderRawHTMLAsText.
func (r *safeRenderer) renderHTMLBlockAsText(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p>")
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		if i > 0 {
			_, _ = w.WriteString("<br>\n")
		}
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(s.Value(source), "\r\n")))
	}
	if b := n.(*ast.HTMLBlock); b.HasClosure() {
		_, _ = w.WriteString("<br>\n")
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(b.ClosureLine.Value(source), "\r\n")))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// renderImage writes the alt text only.
func (r *safeRenderer) renderImage(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(util.EscapeHTML(nodeText(n, source)))
	}
	return ast.WalkSkipChildren, nil
}

func (r *safeRenderer) renderLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	link := n.(*ast.Link)
	if !r.story || !safeURL(link.Destination) {
		return ast.WalkContinue, nil // children (the link text) render as text
	}
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape(link.Destination, true)))
		_, _ = w.WriteString(`" rel="noopener nofollow ugc">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func (r *safeRenderer) renderAutoLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	link := n.(*ast.AutoLink)
	label := link.Label(source)
	url := link.URL(source)
	if link.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	if !r.story || !safeURL(url) {
		_, _ = w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(url, false)))
	_, _ = w.WriteString(`" rel="noopener nofollow ugc">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (r *safeRenderer) renderHeadingAsParagraph(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<p><strong>")
	} else {
		_, _ = w.WriteString("</strong></p>\n")
	}
	return ast.WalkContinue, nil
}

// safeURL allows only http, https and mailto links.
func safeURL(u []byte) bool {
	s := strings.ToLower(strings.TrimSpace(string(u)))
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "mailto:")
}

// nodeText collects the plain text of a node's descendants.
func nodeText(n ast.Node, source []byte) []byte {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			buf.Write(t.Segment.Value(source))
		case *ast.String:
			buf.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return buf.Bytes()
}

// Separators Plain writes between runs of text, weakest first: only
// before more text, so none leads or trails.
const (
	sepNone    = iota
	sepSpace   // whitespace, or a line break inside a paragraph
	sepBlock   // a paragraph, list item, quote or code block ended: ". "
	sepHeading // a heading, or a line that is only bold or italic, ended: ": "
)

// Plain returns the text of a Markdown source without any markup, for
// excerpts on the kiosk and in notifications. Blocks stay apart as
// sentences: a heading (or a line that is all bold or italic, the way
// people type one on a phone) ends with ": ", a paragraph or list item
// with ". ", unless it ends in punctuation of its own; without that an
// excerpt read "Night shift We had a long night", one run-on line
// (QA, issue 11). It runs in time and memory linear in the source: one
// copy of it, one builder (a screen re-sync calls it for every story).
func Plain(src string) string {
	source := []byte(src)
	doc := noteMD.Parser().Parse(text.NewReader(source))
	var b strings.Builder
	b.Grow(len(src))
	sep := sepNone // the separator owed before the next text
	owe := func(k int) { sep = max(sep, k) }
	write := func(p []byte) {
		for len(p) > 0 {
			r, n := utf8.DecodeRune(p)
			if unicode.IsSpace(r) {
				owe(sepSpace)
			} else {
				if b.Len() > 0 {
					switch sep {
					case sepSpace:
						b.WriteByte(' ')
					case sepBlock, sepHeading:
						if !endsInPunct(b.String()) {
							b.WriteByte(".:"[sep-sepBlock])
						}
						b.WriteByte(' ')
					}
				}
				sep = sepNone
				b.Write(p[:n])
			}
			p = p[n:]
		}
	}
	_ = ast.Walk(doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			switch c.(type) {
			case *ast.Heading:
				owe(sepHeading)
			case *ast.Paragraph, *ast.TextBlock, *ast.ListItem, *ast.Blockquote, *ast.HTMLBlock,
				*ast.CodeBlock, *ast.FencedCodeBlock:
				owe(sepBlock)
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.RawHTML:
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				write(seg.Value(source))
			}
		case *ast.HTMLBlock:
			for i := 0; i < t.Lines().Len(); i++ {
				seg := t.Lines().At(i)
				write(seg.Value(source))
				owe(sepSpace)
			}
		case *ast.Text:
			write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				if boldLine(t) {
					owe(sepHeading)
				} else {
					owe(sepSpace)
				}
			}
		case *ast.String:
			write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// boldLine reports whether the line break t ends a line that is only
// emphasis ("**Night shift**" on a line of its own): a heading typed
// without heading syntax.
func boldLine(t *ast.Text) bool {
	if t.Segment.Len() > 0 {
		return false // the line ends in plain text
	}
	em, ok := t.PreviousSibling().(*ast.Emphasis)
	if !ok {
		return false
	}
	switch before := em.PreviousSibling().(type) {
	case nil:
		return true // the paragraph's first line
	case *ast.Text:
		return before.SoftLineBreak() || before.HardLineBreak()
	}
	return false
}

// endsInPunct reports whether s ends a sentence or clause already (a
// closing quote or bracket after the punctuation counts).
func endsInPunct(s string) bool {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune(".:;!?…。！？؟", r):
			return true
		case strings.ContainsRune(`"')]»”’`, r):
			s = s[:len(s)-n]
		default:
			return false
		}
	}
	return false
}
