package markdown_test

import (
	"regexp"
	"strings"
	"testing"

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
	want := "Hi Thanks Ana for the help. <b>raw</b>"
	if got != want {
		t.Fatalf("Plain = %q, want %q", got, want)
	}
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<\s*script`)
	eventAttr   = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	badURL      = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|data|vbscript):`)
	anyImg      = regexp.MustCompile(`(?i)<\s*img`)
	dangerousEl = regexp.MustCompile(`(?i)<\s*(iframe|object|embed|style|link|meta|svg|form)`)
)

// FuzzRender checks the safety promises of both profiles on any input:
// no script, no event handler attribute, no javascript:/data: URL, no image.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"Thanks **Ana**", "<script>x</script>", "[a](javascript:alert(1))", "![i](http://x/i.png)",
		"<img src=x onerror=alert(1)>", "[a](<javascript:alert(1)>)", "<https://x.example>", "a\n\n<div onclick=x>",
		"[a](JaVaScRiPt:x)", "[x](data:text/html,<script>)", "`<script>`", "```\n<script>\n```",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, out := range []string{string(markdown.Note(in)), string(markdown.Story(in))} {
			for _, re := range []*regexp.Regexp{scriptTag, eventAttr, badURL, anyImg, dangerousEl} {
				if re.MatchString(out) {
					t.Fatalf("input %q rendered %q, matching %s", in, out, re)
				}
			}
		}
		if strings.Contains(string(markdown.Note(in)), "<a ") {
			t.Fatalf("note %q rendered a link", in)
		}
	})
}
