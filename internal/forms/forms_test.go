package forms_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func TestClean(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"  Ana \r\n", false, "Ana"},
		{"line one\r\nline two", true, "line one\nline two"},
		{"line one\nline two", false, "line one line two"},
		{"tab\there", true, "tab here"},
		{"bell\x07 nul\x00 esc\x1b[31m", true, "bell nul esc[31m"},
		{"\ufeffBOM and\u2028separators\u2029", true, "BOM and\nseparators"}, // line separators are line breaks
		{"evil\u202egnp.exe and \u2066isolate\u2069", false, "evilgnp.exe and isolate"},
		{"family 👩\u200d👩\u200d👧 kept", false, "family 👩\u200d👩\u200d👧 kept"},
		{"bad \xff bytes", false, "bad \xff bytes"}, // left for Check to report
	}
	for _, c := range cases {
		if got := forms.Clean(c.in, c.multiline); got != c.want {
			t.Errorf("Clean(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestCheck(t *testing.T) {
	e := forms.Errors{}
	e.Check("a", "note.to", "", true, 80)
	e.Check("b", "note.body", strings.Repeat("é", 600), true, 600) // runes, not bytes
	e.Check("c", "note.body", strings.Repeat("é", 601), true, 600)
	e.Check("d", "note.from", "bad \xff", false, 80)
	e.Check("e", "note.from", "", false, 80)
	want := map[string]map[i18n.Lang]string{
		"a": {i18n.English: "Please fill in who it is for.", i18n.Spanish: "Escriba a quién va dirigido."},
		"c": {i18n.English: "Your message is 601 characters; the limit is 600. Please shorten it.",
			i18n.Spanish: "Su mensaje tiene 601 caracteres; el límite es 600. Acórtelo, por favor."},
		"d": {i18n.English: "This has characters we can't read. Please retype it.",
			i18n.Spanish: "Aquí hay caracteres que no podemos leer. Vuelva a escribirlo, por favor."},
	}
	if len(e) != len(want) {
		t.Fatalf("errors = %v, want %v", e, want)
	}
	for k, byLang := range want {
		for l, v := range byLang {
			if got := e[k].In(l); got != v {
				t.Errorf("%s in %s: %q, want %q", k, l, got, v)
			}
		}
	}
	if e.For("e") != nil || e.For("a").Message != e["a"] {
		t.Errorf("For: %+v %+v", e.For("e"), e.For("a"))
	}
	if got := e.List("e", "c", "a"); len(got) != 2 || got[0].Field != "c" || got[1].Field != "a" {
		t.Errorf("List = %+v, want c then a", got)
	}
}

func TestHighlight(t *testing.T) {
	text := "Thanks Mrs Kowalski in bed 12."
	segs := forms.Highlight(text, phi.Scan(text))
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	if got := b.String(); got != "Thanks [Mrs Kowalski] in [bed 12]." {
		t.Errorf("Highlight = %q", got)
	}
}

// parse runs forms.Parse behind PocketBase's body limit, as the routes do.
func parse(t *testing.T, req *http.Request) (map[string][]string, int) {
	t.Helper()
	e := &core.RequestEvent{}
	e.Request = req
	e.Response = httptest.NewRecorder()
	if err := apis.BodyLimit(forms.MaxBody).Func(e); err != nil {
		return nil, http.StatusRequestEntityTooLarge // refused on Content-Length
	}
	values, status, _ := forms.Parse(e.Request)
	return values, status
}

// endless is a body without a known length, like a chunked upload.
type endless struct{ n int }

func (r *endless) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = 'a'
	}
	r.n -= n
	return n, nil
}

func TestParse(t *testing.T) {
	urlencoded := func(body io.Reader) *http.Request {
		req := httptest.NewRequest(http.MethodPost, "/notes", body)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return req
	}

	v, status := parse(t, urlencoded(strings.NewReader("to=Ana&body=thanks")))
	if status != http.StatusOK || v["to"][0] != "Ana" {
		t.Errorf("urlencoded: %d %v", status, v)
	}

	var mp bytes.Buffer
	w := multipart.NewWriter(&mp)
	_ = w.WriteField("to", "Ana")
	_ = w.WriteField("body", "thanks")
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, "/notes", &mp)
	req.Header.Set("Content-Type", w.FormDataContentType())
	if v, status := parse(t, req); status != http.StatusOK || v["body"][0] != "thanks" {
		t.Errorf("multipart: %d %v", status, v)
	}

	// 8 MB with a Content-Length: refused before reading
	if _, status := parse(t, urlencoded(strings.NewReader("body="+strings.Repeat("a", 8<<20)))); status != http.StatusRequestEntityTooLarge {
		t.Errorf("8 MB with length: %d", status)
	}
	// 8 MB without one (chunked): found while reading, still a 413
	chunked := urlencoded(io.MultiReader(strings.NewReader("body="), &endless{8 << 20}))
	if chunked.ContentLength != -1 {
		t.Fatalf("ContentLength = %d, want unknown", chunked.ContentLength)
	}
	if _, status := parse(t, chunked); status != http.StatusRequestEntityTooLarge {
		t.Errorf("8 MB chunked: %d, want 413", status)
	}
	// a broken body is a 400
	bad := urlencoded(strings.NewReader("to=%zz"))
	if _, status := parse(t, bad); status != http.StatusBadRequest {
		t.Errorf("bad escape: %d", status)
	}
}

// FuzzClean: Clean never grows text, never leaves a control character or
// bidi override in valid UTF-8, is idempotent, and leaves invalid UTF-8
// alone for Check to report.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Ana", " a\r\nb\t", "\x00\x1b[0m", "\u202eabc", "\xff\xfe", "👩\u200d👧", "\u2028x\u2029"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, in string, multiline bool) {
		out := forms.Clean(in, multiline)
		if !utf8.ValidString(in) {
			if out != in {
				t.Fatalf("invalid UTF-8 altered: %q -> %q", in, out)
			}
			return
		}
		if len(out) > len(in) {
			t.Fatalf("Clean grew %q -> %q", in, out)
		}
		if again := forms.Clean(out, multiline); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
		for _, r := range out {
			if r == '\n' && multiline {
				continue
			}
			if unicode.IsControl(r) || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\ufeff' {
				t.Fatalf("Clean(%q) kept %U", in, r)
			}
		}
		if strings.TrimSpace(out) != out {
			t.Fatalf("not trimmed: %q", out)
		}
	})
}

func TestOverLimit(t *testing.T) {
	app := kktest.NewApp(t)
	col, err := app.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	rec := core.NewRecord(col)
	rec.Set(s.NoteTo, "Ana")
	rec.Set(s.NoteBody, strings.Repeat("é", 600)) // 1,200 bytes, 600 characters: fits
	if forms.OverLimit(rec, s.NoteTo, s.NoteBody, s.NoteFrom) {
		t.Error("600 characters reported over the 600 limit")
	}
	rec.Set(s.NoteFrom, strings.Repeat("x", 81))
	if !forms.OverLimit(rec, s.NoteTo, s.NoteBody, s.NoteFrom) {
		t.Error("81-character name not reported")
	}
}
