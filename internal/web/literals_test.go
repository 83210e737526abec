package web

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"golang.org/x/net/html"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

// The CI check of issue 14: no user-facing words outside the catalogues in
// the files converted so far. Extend these lists as pages are translated
// (desk_*.html, organise_*.html and their handlers are not yet).

// untranslatedTemplates are the templates not yet checked, with the
// reason; every other template under templates/ (a new one too) is.
var untranslatedTemplates = map[string]string{}

// translatedTemplates are the templates whose every word comes from the
// catalogue (paths under templates/): all of them but the ones above.
func translatedTemplates(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"templates/*.html", "templates/partials/*.html"} {
		files, err := fs.Glob(templateFS, pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			name := strings.TrimPrefix(f, "templates/")
			if _, skip := untranslatedTemplates[name]; !skip {
				out = append(out, name)
			}
		}
	}
	for name := range untranslatedTemplates { // empty now; a page added untranslated goes here, with why
		if _, err := fs.Stat(templateFS, "templates/"+name); err != nil {
			t.Errorf("untranslatedTemplates names %s, which doesn't exist: take it off the list", name)
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d templates found", len(out))
	}
	return out
}

// translatedGo are the Go files (from the repository root) whose handlers
// and messages use catalogue keys only.
var translatedGo = []string{
	"internal/web/errors.go", "internal/web/views.go", "internal/forms/forms.go",
	"internal/notes/note_create.go", "internal/notes/note_form.go", "internal/notes/note_units.go", "internal/notes/note_new.go", "internal/notes/note_sent.go",
	"internal/stories/stories.go", "internal/stories/story_create.go", "internal/stories/story_new.go", "internal/stories/story_view.go",
	"internal/home/home.go",
	"internal/events/events.go", "internal/events/event_list.go", "internal/events/event_show.go", "internal/events/view.go",
	"internal/events/seats.go", "internal/events/signup_form.go", "internal/events/signup_create.go", "internal/events/signup_cancel.go",
	"internal/events/signup_show.go", "internal/events/signup_received.go",
	"internal/kiosk/cards.go", "internal/kiosk/screen.go", "internal/kiosk/screen_show.go", "internal/kiosk/poster_show.go", "internal/kiosk/words.go",
	"internal/organise/*.go", "internal/recognition/*.go", "internal/desk/*.go",
	"internal/events/mail.go", "internal/events/ics.go", "internal/kiosk/screens_notify.go",
	"internal/staff/login.go", "internal/staff/login_code.go", "internal/staff/require.go", // staff sign-in
}

// translatedJS are the scripts whose words come from the page (data-words).
var translatedJS = []string{"pb_public/js/kiosk.js", "pb_public/js/site.js", "pb_public/js/desk.js"}

// allowedGo are strings that look like sentences but are the same in
// every language.
var allowedGo = map[string]bool{
	"Mac OS X": true, // desk/screens.go: a platform's name in a user agent, the same in every language
}

// allowedText is template text that is the same in every language.
var allowedText = map[string]bool{
	"page":                    true, // layout.html's default body class, a {{block}} of its own
	"page desk":               true, // the desk pages' body classes
	"page desk desk-ann-page": true,
	"/events/":                true, // organise_event.html: the public page's path, printed as its link text
}

// userAttrs are attributes people read or hear.
var userAttrs = map[string]bool{"alt": true, "title": true, "aria-label": true, "placeholder": true, "aria-description": true}

const hole = "\x00" // where a template action was

// flatten turns a parsed template back into its HTML with every action
// replaced by hole, so an HTML tokenizer can find the text a person sees.
func flatten(n parse.Node, b *strings.Builder) {
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			flatten(c, b)
		}
	case *parse.TextNode:
		b.Write(x.Text)
	case *parse.IfNode:
		b.WriteString(hole)
		flatten(x.List, b)
		flatten(x.ElseList, b)
	case *parse.RangeNode:
		b.WriteString(hole)
		flatten(x.List, b)
		flatten(x.ElseList, b)
	case *parse.WithNode:
		b.WriteString(hole)
		flatten(x.List, b)
		flatten(x.ElseList, b)
	default:
		b.WriteString(hole)
	}
}

// keysUsed collects the string keys passed to t and th.
func keysUsed(n parse.Node, out *[]string) {
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			keysUsed(c, out)
		}
	case *parse.ActionNode:
		keysUsed(x.Pipe, out)
	case *parse.PipeNode:
		if x == nil {
			return
		}
		for _, c := range x.Cmds {
			keysUsed(c, out)
		}
	case *parse.CommandNode:
		if len(x.Args) >= 2 {
			if id, ok := x.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "t" || id.Ident == "th") {
				if s, ok := x.Args[1].(*parse.StringNode); ok {
					*out = append(*out, s.Text)
				}
			}
		}
		for _, a := range x.Args {
			keysUsed(a, out)
		}
	case *parse.IfNode:
		keysUsed(x.Pipe, out)
		keysUsed(x.List, out)
		keysUsed(x.ElseList, out)
	case *parse.RangeNode:
		keysUsed(x.Pipe, out)
		keysUsed(x.List, out)
		keysUsed(x.ElseList, out)
	case *parse.WithNode:
		keysUsed(x.Pipe, out)
		keysUsed(x.List, out)
		keysUsed(x.ElseList, out)
	case *parse.TemplateNode:
		keysUsed(x.Pipe, out)
	}
}

func hasWords(s string) bool {
	s = strings.TrimSpace(strings.ReplaceAll(s, hole, " "))
	return strings.IndexFunc(s, unicode.IsLetter) >= 0 && !allowedText[s]
}

// literalsIn returns the user-facing literals of one template source.
func literalsIn(t *testing.T, name, src string) (words, keys []string) {
	t.Helper()
	funcs := map[string]any{"asset": true} // parse only asks whether a name is there
	for _, k := range strings.Fields("and or not len index slice eq ne lt le gt ge print printf println html js urlquery call") {
		funcs[k] = true
	}
	for k := range extraFuncs {
		funcs[k] = true
	}
	for k := range langFuncs(i18n.English) {
		funcs[k] = true
	}
	trees, err := parse.Parse(name, src, "{{", "}}", funcs)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	for _, tree := range trees {
		flatten(tree.Root, &b)
		keysUsed(tree.Root, &keys)
	}
	z := html.NewTokenizer(strings.NewReader(b.String()))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return words, keys
		case html.TextToken:
			if txt := string(z.Text()); !inScript && hasWords(txt) {
				words = append(words, strings.Join(strings.Fields(strings.ReplaceAll(txt, hole, "{{…}}")), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, more := z.TagName()
			inScript = string(tn) == "script" || string(tn) == "style" || string(tn) == "noscript"
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if userAttrs[string(k)] && hasWords(string(v)) {
					words = append(words, string(k)+"="+strings.ReplaceAll(string(v), hole, "{{…}}"))
				}
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

// TestNoUserFacingLiterals: the translated templates have no words outside
// t/th, and every key they name is in the catalogue.
func TestNoUserFacingLiterals(t *testing.T) {
	for _, name := range translatedTemplates(t) {
		b, err := fs.ReadFile(templateFS, "templates/"+name)
		if err != nil {
			t.Fatal(err)
		}
		words, keys := literalsIn(t, name, string(b))
		for _, w := range words {
			t.Errorf("%s: words outside the catalogue: %q", name, w)
		}
		for _, k := range keys {
			if !i18n.Has(k) {
				t.Errorf("%s: key %q is in no catalogue", name, k)
			}
		}
	}
}

// TestLiteralCheckFindsWords: the check above is not blind.
func TestLiteralCheckFindsWords(t *testing.T) {
	words, keys := literalsIn(t, "x", `{{define "x"}}<p title="Hi there">{{t "site.name"}} Send it {{if .X}}now{{end}}</p><img alt="{{t "qr.note_alt"}}"><script>var a = "no words here";</script>{{end}}`)
	if want := []string{"title=Hi there", "{{…}} Send it {{…}}now"}; !slices.Equal(words, want) {
		t.Errorf("words = %q, want %q", words, want)
	}
	if !slices.Equal(keys, []string{"site.name", "qr.note_alt"}) {
		t.Errorf("keys = %q", keys)
	}
}

// sentence looks like words for people: a capital, then at least two more
// words ("We couldn't find that story."); SQL filters and log keys don't.
var sentence = regexp.MustCompile(`^[\p{Lu}¡¿][\p{L}'’]*(\s+\S+){2,}`)

// errorCalls are the functions whose string argument (by position) is
// shown to people and so must be a catalogue key.
var errorCalls = map[string]int{"Error": 2, "M": 0, "renderForm": 4}

// TestNoLiteralsInGo: the translated Go files pass catalogue keys (never
// sentences) to views.Error, i18n.M and renderForm, and hold no other
// sentence in a string literal.
func TestNoLiteralsInGo(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, file := range expandGo(t, root) {
		src, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range goLiterals(t, file, src) {
			t.Error(p)
		}
	}
}

// expandGo lists translatedGo with its patterns ("internal/organise/*.go")
// expanded, test files left out: a new handler file in a listed package is
// checked without anyone remembering to add it.
func expandGo(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, pattern := range translatedGo {
		if !strings.ContainsAny(pattern, "*?[") {
			out = append(out, pattern)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil || len(matches) == 0 {
			t.Fatalf("%s matches no file (%v)", pattern, err)
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(root, m)
			if !strings.HasSuffix(rel, "_test.go") {
				out = append(out, filepath.ToSlash(rel))
			}
		}
	}
	return out
}

func TestGoLiteralCheckFindsWords(t *testing.T) {
	src := `package x
func f() {
	_ = h.views.Error(e, 404, "We couldn't find that story.", nil)
	_ = h.views.Error(e, 404, "error.story_not_found", nil)
	msg := "Please try again in a moment."
	_ = i18n.M("no.such.key")
	_ = app.FindRecordsByFilter("notes", "status = 'approved' && room = {:room}")
}`
	got := goLiterals(t, "x.go", []byte(src))
	if len(got) != 3 || !strings.Contains(got[0], "couldn't find") || !strings.Contains(got[1], "Please try") || !strings.Contains(got[2], "no.such.key") {
		t.Errorf("found %q", got)
	}
}

// goLiterals returns the problems of one Go file.
func goLiterals(t *testing.T, file string, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	checked := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ImportSpec, *ast.Field:
			return false // import paths, struct tags
		case *ast.CallExpr:
			name := ""
			switch fn := x.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if i, ok := errorCalls[name]; ok && i < len(x.Args) {
				if lit, ok := x.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					checked[lit] = true
					if k, _ := strconv.Unquote(lit.Value); k != "" && !i18n.Has(k) {
						problems = append(problems, fmt.Sprintf("%s: %s(%s) is not a catalogue key", fset.Position(lit.Pos()), name, lit.Value))
					}
				}
			}
		case *ast.BasicLit:
			if x.Kind == token.STRING && !checked[x] {
				if s, _ := strconv.Unquote(x.Value); sentence.MatchString(s) && !i18n.Has(s) && !allowedGo[s] {
					problems = append(problems, fmt.Sprintf("%s: a sentence in Go: %s (put it in the catalogue)", fset.Position(x.Pos()), x.Value))
				}
			}
		}
		return true
	})
	return problems
}

// jsString matches a JavaScript string literal.
var jsString = regexp.MustCompile(`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`)

// jsLiterals returns the string literals of a script that are words for
// people: a sentence, or any English catalogue message ("Sunday").
func jsLiterals(src string) []string {
	english := map[string]bool{}
	for _, k := range i18n.Keys(i18n.English) {
		if v := i18n.English.T(k); len([]rune(v)) >= 3 {
			english[v] = true
		}
	}
	src = regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(src, "") // block comments
	tags := regexp.MustCompile(`<[^>]*>`)
	var out []string
	for _, line := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "//") {
			continue
		}
		for _, lit := range jsString.FindAllString(line, -1) {
			v := strings.TrimSpace(tags.ReplaceAllString(lit[1:len(lit)-1], ""))
			if sentence.MatchString(v) || english[v] {
				out = append(out, lit)
			}
		}
	}
	return out
}

// TestNoLiteralsInJS: the scripts write no words of their own.
func TestNoLiteralsInJS(t *testing.T) {
	for _, file := range translatedJS {
		b, err := os.ReadFile(filepath.Join("..", "..", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, lit := range jsLiterals(string(b)) {
			t.Errorf("%s: words in the script: %s (put them in the catalogue and data-words)", file, lit)
		}
	}
}

func TestJSLiteralCheckFindsWords(t *testing.T) {
	got := jsLiterals(`var days = ['Sunday', 'Monday'];
  // 'This comment is ignored, it says.'
  el.innerHTML = '<h1>This screen\u2019s room is no longer set up.</h1>';
  x.setRequestHeader('Content-Type', 'application/json');`)
	if len(got) != 3 {
		t.Errorf("found %q, want Sunday, Monday and the sentence", got)
	}
}
