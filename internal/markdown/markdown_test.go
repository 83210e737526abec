package markdown_test

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/kindness-coalition/kindness-kiosk/internal/markdown"
)

func TestNote(t *testing.T) {
	cases := []struct {
		name, in      string
		want, notWant []string
	}{
		{"emphasis", "Thanks **so** much, _truly_", []string{"<strong>so</strong>", "<em>truly</em>"}, nil},
		{"line break", "line one\nline two", []string{"line one<br>"}, nil},
		{"list", "- a\n- b", []string{"<ul>", "<li>a</li>"}, nil},
		{"raw html omitted", "<script>alert(1)</script> hi <b onclick=x>b</b>", []string{"hi", "&lt;script&gt;"}, []string{"<script", "<b"}},
		{"link becomes text", "[click](https://evil.example)", []string{"click"}, []string{"<a", "evil.example"}},
		{"image becomes alt", "![a cat](https://evil.example/cat.png)", []string{"a cat"}, []string{"<img", "evil.example"}},
		{"autolink text", "<https://x.example>", []string{"https://x.example"}, []string{"<a"}},
		{"heading flattened", "# Big", []string{"<strong>Big</strong>"}, []string{"<h1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(markdown.Note(c.in))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("Note(%q) = %q, want it to contain %q", c.in, got, w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Note(%q) = %q, must not contain %q", c.in, got, w)
				}
			}
		})
	}
}

func TestStory(t *testing.T) {
	cases := []struct {
		name, in      string
		want, notWant []string
	}{
		{"heading", "## After the shift", []string{"<h2>After the shift</h2>"}, nil},
		{"safe link", "[rounds](https://intranet.example/rounds)", []string{`<a href="https://intranet.example/rounds" rel="noopener nofollow ugc">rounds</a>`}, nil},
		{"javascript link", "[x](javascript:alert(1))", []string{"x"}, []string{"<a", "javascript:"}},
		{"data link", "[x](data:text/html;base64,AAAA)", []string{"x"}, []string{"<a", "data:"}},
		{"remote image", "![ward](https://cdn.example/x.png)", []string{"ward"}, []string{"<img", "cdn.example"}},
		{"linkify", "see https://intranet.example/a", []string{`rel="noopener nofollow ugc"`}, nil},
		{"raw html", "<iframe src=x></iframe>\n\ntext", []string{"text", "&lt;iframe"}, []string{"<iframe"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(markdown.Story(c.in))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("Story(%q) = %q, want it to contain %q", c.in, got, w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Story(%q) = %q, must not contain %q", c.in, got, w)
				}
			}
		})
	}
}

func TestPlain(t *testing.T) {
	got := markdown.Plain("# Hi\n\nThanks **Ana** for\nthe [help](https://x.example).\n\n<b>raw</b>")
	want := "Hi: Thanks Ana for the help. <b>raw</b>"
	if got != want {
		t.Fatalf("Plain = %q, want %q", got, want)
	}
	// a heading that ends a sentence keeps its own punctuation
	if got := markdown.Plain("## What happened?\n\nShe stayed."); got != "What happened? She stayed." {
		t.Fatalf("Plain = %q", got)
	}
}

// TestPlainSeparatesBlocks: a story excerpt on the screens read "Night
// shift We had a long night" (QA, issue 11): blocks ran together with
// nothing to tell where a heading or a paragraph ended.
func TestPlainSeparatesBlocks(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		// a line that is all bold or italic is a heading typed on a phone
		{"**Night shift**\nWe had a long night.", "Night shift: We had a long night."},
		{"*Night shift*\r\nWe had", "Night shift: We had"},
		{"**Night shift**\n\nWe had a long night.", "Night shift. We had a long night."},
		{"Night shift\n\nWe had a long night", "Night shift. We had a long night"},
		{"# Night shift\n\nWe had", "Night shift: We had"},
		{"Night shift\n---\nWe had", "Night shift: We had"},
		{"Thanks to\n\n- Ana\n- Bo\n\nfor the cover", "Thanks to. Ana. Bo. for the cover"},
		{"> Best night ever\n\nsaid Ana", "Best night ever. said Ana"},
		// its own punctuation is kept, a closing quote included
		{"She said \"thank you.\"\n\nWe smiled.", "She said \"thank you.\" We smiled."},
		{"Who stayed?\n\nAna did!\n\nThe end…", "Who stayed? Ana did! The end…"},
		{"夜勤\n\n長い夜でした。\n\nありがとう", "夜勤. 長い夜でした。 ありがとう"},
		// inside a paragraph a line break is a space, as before
		{"Thanks **Ana** for\nthe help", "Thanks Ana for the help"},
		{"with **Ana**\nand Bo", "with Ana and Bo"},
		// nothing trails
		{"# Night shift", "Night shift"},
		{"Night shift\n\n", "Night shift"},
		{"", ""},
	} {
		if got := markdown.Plain(c.src); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<\s*script`)
	eventAttr   = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	badURL      = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|data|vbscript):`)
	anyImg      = regexp.MustCompile(`(?i)<\s*img`)
	dangerousEl = regexp.MustCompile(`(?i)<\s*(iframe|object|embed|style|link|meta|svg|form)`)
)

// allowedTags are the only elements the renderer may produce, with the
// attributes each may carry. Anything else (img, iframe, svg, style,
// form, an on* handler, style=, src=) fails the check.
var allowedTags = map[string]map[string]bool{
	"p": nil, "br": nil, "strong": nil, "em": nil, "del": nil, "ul": nil, "li": nil, "blockquote": nil, "hr": nil, "pre": nil,
	"ol": {"start": true}, "code": {"class": true},
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
	"a": {"href": true, "rel": true},
}

// checkHTML parses rendered output the way a browser tokenizes it and
// returns what breaks the safety promises, or "".
func checkHTML(out string, note bool) string {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "" // io.EOF: the whole output was read
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			attrs, ok := allowedTags[tok.Data]
			if !ok {
				return "element <" + tok.Data + ">"
			}
			if note && (tok.Data == "a" || tok.Data[0] == 'h' && tok.Data != "hr") {
				return "a note rendered <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if !attrs[a.Key] {
					return "attribute " + a.Key + " on <" + tok.Data + ">"
				}
				if a.Key == "href" && !safeHref(a.Val) {
					return "href " + a.Val
				}
				if a.Key == "rel" && a.Val != "noopener nofollow ugc" {
					return "rel " + a.Val
				}
			}
			if tok.Data == "a" && tok.Type == html.StartTagToken && len(tok.Attr) != 2 {
				return "a link without href and rel"
			}
		}
	}
}

// safeHref reads a URL as a browser does (it drops ASCII tabs, newlines
// and leading control characters or spaces) and allows http, https, mailto.
func safeHref(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	return strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "mailto:")
}

func TestCheckHTMLCatches(t *testing.T) {
	for _, bad := range []string{
		`<img src="x">`, `<p onclick="x">`, `<a href="javascript:x" rel="noopener nofollow ugc">`, `<a href="jav&#x09;ascript:x" rel="noopener nofollow ugc">`,
		`<a href=" data:text/html,x" rel="noopener nofollow ugc">`, `<svg><script>`, `<p style="x">`, `<a href="https://x">`, `<IFRAME>`,
	} {
		if checkHTML(bad, false) == "" {
			t.Errorf("checkHTML(%q) found nothing", bad)
		}
	}
	if msg := checkHTML(`<p>ok <a href="https://x.example" rel="noopener nofollow ugc">x</a></p><pre><code class="language-go">x</code></pre>`, false); msg != "" {
		t.Errorf("a safe story was refused: %s", msg)
	}
	if checkHTML(`<p><a href="https://x.example" rel="noopener nofollow ugc">x</a></p>`, true) == "" {
		t.Error("a link in a note was not caught")
	}
}

// FuzzRender checks the safety promises of both profiles on any input, on
// the output parsed as a browser would (not by pattern): only the allowed
// elements and attributes, no script, no event handler, no javascript: or
// data: URL, no image, and no link or heading at all in a note. The old
// pattern checks stay as a second opinion.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"Thanks **Ana**", "<script>x</script>", "[a](javascript:alert(1))", "![i](http://x/i.png)",
		"<img src=x onerror=alert(1)>", "[a](<javascript:alert(1)>)", "<https://x.example>", "a\n\n<div onclick=x>",
		"[a](JaVaScRiPt:x)", "[x](data:text/html,<script>)", "`<script>`", "```\n<script>\n```",
		"[a](java&#x09;script:x)", "[a](&#106;avascript:x)", "[a](%6A%61vascript:x)", "<javascript:alert(1)>", "<mailto:a@b.c>",
		"www.example.com/<script>", "[a](https://x.example \"t\" onmouseover=x)", "```go onload=x\ncode\n```",
		"[x]: javascript:alert(1)\n\n[x]", "![a](x \"y\")<svg/onload=x>", "*a*<!-- x -->", "<?php x ?>", "<![CDATA[x]]>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		note, story := string(markdown.Note(in)), string(markdown.Story(in))
		if msg := checkHTML(note, true); msg != "" {
			t.Fatalf("note %q rendered %q: %s", in, note, msg)
		}
		if msg := checkHTML(story, false); msg != "" {
			t.Fatalf("story %q rendered %q: %s", in, story, msg)
		}
		for _, out := range []string{note, story} {
			for _, re := range []*regexp.Regexp{scriptTag, eventAttr, badURL, anyImg, dangerousEl} {
				if re.MatchString(out) {
					t.Fatalf("input %q rendered %q, matching %s", in, out, re)
				}
			}
		}
	})
}
