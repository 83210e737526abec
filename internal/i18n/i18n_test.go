package i18n_test

import (
	"encoding/json"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

// TestEveryKeyInEveryCatalogue is the CI check that no language lacks a
// message another has: a missing key would show English (or the key) in
// the middle of a Spanish page.
func TestEveryKeyInEveryCatalogue(t *testing.T) {
	if err := i18n.Check(); err != nil {
		t.Fatal(err)
	}
	en := i18n.Keys(i18n.English)
	if len(en) < 100 {
		t.Fatalf("English catalogue has %d keys; not loaded?", len(en))
	}
	for _, l := range i18n.Langs {
		keys := i18n.Keys(l)
		for _, k := range en {
			if !slices.Contains(keys, k) {
				t.Errorf("%s lacks %q", l, k)
			}
		}
		for _, k := range keys {
			if !slices.Contains(en, k) {
				t.Errorf("%s has %q, which English lacks", l, k)
			}
		}
	}
}

// raw reads a catalogue as JSON: key → string or plural map.
func raw(t *testing.T, l i18n.Lang) map[string]any {
	t.Helper()
	files, err := i18n.CatalogueFiles(l)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	for _, f := range files {
		b, err := fs.ReadFile(i18n.Sub(), f)
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]any
		if err := json.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		maps.Copy(m, part)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func forms(v any) map[string]string {
	switch x := v.(type) {
	case string:
		return map[string]string{"other": x}
	case map[string]any:
		out := map[string]string{}
		for k, s := range x {
			out[k], _ = s.(string)
		}
		return out
	}
	return nil
}

func placeholders(v any) []string {
	var out []string
	for _, s := range forms(v) {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestPlaceholdersMatch: a translation uses exactly the placeholders the
// English message has (a renamed one would print "<no value>").
func TestPlaceholdersMatch(t *testing.T) {
	en := raw(t, i18n.English)
	for _, l := range i18n.Langs[1:] {
		other := raw(t, l)
		for k, v := range en {
			if got, want := placeholders(other[k]), placeholders(v); !slices.Equal(got, want) {
				t.Errorf("%s %q uses %v, English %v", l, k, got, want)
			}
		}
	}
}

// TestPluralFormsCLDR renders every plural message with counts that hit
// each CLDR category of each language (Spanish has one, many and other)
// and fails on a missing form or a leftover placeholder.
func TestPluralFormsCLDR(t *testing.T) {
	for _, l := range i18n.Langs {
		for k, v := range raw(t, l) {
			if _, plural := v.(map[string]any); !plural {
				continue
			}
			for _, n := range []int{0, 1, 2, 5, 21, 1000000} {
				got := l.T(k, "Count", n)
				if got == k || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
					t.Errorf("%s %q with Count=%d: %q", l, k, n, got)
				}
			}
		}
	}
	if got := i18n.Spanish.T("form.summary_title", "Count", 1); got != "Hay un problema" {
		t.Errorf("es one = %q", got)
	}
	if got := i18n.Spanish.T("form.summary_title", "Count", 3); got != "Hay 3 problemas" {
		t.Errorf("es other = %q", got)
	}
	if got := i18n.English.T("form.summary_title", "Count", 3); got != "There are 3 problems" {
		t.Errorf("en other = %q", got)
	}
}

var allowedTag = regexp.MustCompile(`^</?(strong|em|code|mark|a|span|kbd)( (href|dir)="[^"]*")*>$`)

// TestMarkupOnlyInHTMLKeys: only keys ending in _html may carry markup,
// and only a few harmless tags (they are rendered unescaped).
func TestMarkupOnlyInHTMLKeys(t *testing.T) {
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, l := range i18n.Langs {
		for k, v := range raw(t, l) {
			for _, s := range forms(v) {
				tags := tag.FindAllString(s, -1)
				if !i18n.IsHTMLKey(k) && (len(tags) > 0 || strings.ContainsAny(s, "<>")) {
					t.Errorf("%s %q has markup but is not an _html key: %q", l, k, s)
				}
				for _, tg := range tags {
					if !allowedTag.MatchString(tg) {
						t.Errorf("%s %q: tag %s not allowed", l, k, tg)
					}
				}
			}
		}
	}
}

func TestHTMLEscapesArguments(t *testing.T) {
	got := string(i18n.English.HTML("poster.setup_html", "URL", `<script>"x"</script>`))
	if strings.Contains(got, "<script>") || !strings.Contains(got, "<code>&lt;script&gt;") {
		t.Errorf("HTML = %q", got)
	}
}

func TestTextArgumentsRenderInTheSameLanguage(t *testing.T) {
	m := i18n.M("title.error_prefix", "Page", i18n.M("note.title"))
	if got := m.In(i18n.Spanish); got != "Error: Dar las gracias" {
		t.Errorf("es = %q", got)
	}
	if got := m.In(i18n.English); got != "Error: Say thank you" {
		t.Errorf("en = %q", got)
	}
	if got := i18n.English.T("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
}

// TestDates: Spanish month and day names and a 12-hour clock (CLDR es-US);
// English as the product shipped it (24-hour).
func TestDates(t *testing.T) {
	evening := time.Date(2026, 12, 1, 18, 30, 0, 0, time.UTC) // a Tuesday
	morning := time.Date(2026, 3, 8, 0, 5, 0, 0, time.UTC)    // a Sunday, just after midnight
	cases := []struct {
		got, want string
	}{
		{i18n.Day(evening).In(i18n.English), "Tue 1 Dec"},
		{i18n.Day(evening).In(i18n.Spanish), "mar, 1 dic"},
		{i18n.Clock(evening).In(i18n.English), "18:30"},
		{i18n.Clock(evening).In(i18n.Spanish), "6:30\u00a0p.\u00a0m."},
		{i18n.Clock(morning).In(i18n.Spanish), "12:05\u00a0a.\u00a0m."},
		{i18n.LongDate(evening).In(i18n.English), "Tuesday 1 December"},
		{i18n.LongDate(evening).In(i18n.Spanish), "martes, 1 de diciembre"},
		{i18n.LongDate(morning).In(i18n.Spanish), "domingo, 8 de marzo"},
		{i18n.FormatPattern(i18n.English, "dd/MM/y h:mm a ''x''", morning), "08/03/2026 12:05 AM 'x'"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestMatchAcceptLanguage(t *testing.T) {
	for h, want := range map[string]i18n.Lang{
		"":                             i18n.English,
		"es-MX,es;q=0.9,en;q=0.8":      i18n.Spanish,
		"es-419":                       i18n.Spanish,
		"en-US,en;q=0.9,es;q=0.8":      i18n.English,
		"fr-FR":                        i18n.English,
		"fr-FR,es;q=0.5":               i18n.Spanish,
		"garbage;;q=":                  i18n.English,
		"de, es-US;q=0.7, en-GB;q=0.6": i18n.Spanish,
	} {
		if got := i18n.Match(h); got != want {
			t.Errorf("Match(%q) = %s, want %s", h, got, want)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/notes/new?room=break-room": "/notes/new?room=break-room",
		"":                           "/",
		"//evil.example/x":           "/",
		"https://evil.example/":      "/",
		"/\\evil.example":            "/",
		"javascript:alert(1)":        "/",
		"notes":                      "/",
	} {
		if got := i18n.LocalPath(in); got != want {
			t.Errorf("LocalPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoomLangs(t *testing.T) {
	if got := i18n.RoomLangs("en+es"); !slices.Equal(got, []i18n.Lang{i18n.English, i18n.Spanish}) {
		t.Errorf("en+es = %v", got)
	}
	if got := i18n.RoomLangs(""); !slices.Equal(got, []i18n.Lang{i18n.English}) {
		t.Errorf("empty = %v", got)
	}
	if got := i18n.RoomLangs("es"); !slices.Equal(got, []i18n.Lang{i18n.Spanish}) {
		t.Errorf("es = %v", got)
	}
}
