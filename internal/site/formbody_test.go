package site_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
)

// greek is n characters of Greek ending in "τέλος": 6 bytes a character
// once a browser has percent-encoded it.
func greek(n int) string {
	word := "Καλημέρα "
	out := strings.Repeat(word, n/utf8.RuneCountInString(word))
	return out[:len(out)-len("Καλημέρα ")] + strings.Repeat("α", n%9+4) + "τέλος"
}

// TestFormBodyLimits: the app's own 413 answers every post over its limit
// (forms.MaxBody, 256 KB) and shows the words back so nothing typed is
// lost, up to what the proxies let through (site.ProxyBodyLimit); a post
// the proxies would never pass is refused without being read. A long
// story in a non-Latin script under the limit is saved.
func TestFormBodyLimits(t *testing.T) {
	long := greek(50_000) // ~300 KB on the wire: over the forms' limit, under the proxies'
	if n := kktest.Form("body", long).Len(); n <= forms.MaxBody || n >= site.ProxyBodyLimit {
		t.Fatalf("test story is %d bytes encoded", n)
	}
	huge := kktest.Form("title", "x", "body", greek(200_000)) // ~1.2 MB, with a Content-Length
	stories := func(t testing.TB, app *tests.TestApp) int {
		n, err := app.CountRecords(s.Stories)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "a 15,000-character Cyrillic story is saved", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body:           kktest.Form("title", "Спасибо", "body", strings.Repeat("Спасибо ", 1875)),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n := stories(t, app); n != 1 {
					t.Errorf("%d stories saved", n)
				}
			},
		},
		{
			Name: "over the forms' limit: the 413 page shows the words back", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body:               kktest.Form("title", "Ευχαριστώ", "body", long, "author", "Ελένη"),
			ExpectedStatus:     http.StatusRequestEntityTooLarge,
			ExpectedContent:    []string{"That&#39;s a lot of text", "Your words are below", "Ευχαριστώ", "Ελένη", "ααααατέλος"},
			NotExpectedContent: []string{"Send again"}, // the same post would be refused again
			ExpectedEvents:     map[string]int{"*": 0},
		},
		{
			Name: "a note over the limit too", Method: http.MethodPost, URL: "/notes", Headers: kktest.FormHeaders,
			Body:            kktest.Form("to", "Night team", "body", long),
			ExpectedStatus:  http.StatusRequestEntityTooLarge,
			ExpectedContent: []string{"Your words are below", "Night team", "τέλος"},
			ExpectedEvents:  map[string]int{"*": 0},
		},
		{
			Name: "over what the proxies pass: refused, not read", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body:               huge,
			ExpectedStatus:     http.StatusRequestEntityTooLarge,
			ExpectedContent:    []string{"That was too much text to send at once. Please shorten it"},
			NotExpectedContent: []string{"τέλος"},
			ExpectedEvents:     map[string]int{"*": 0},
			AfterTestFunc: func(t testing.TB, _ *tests.TestApp, _ *http.Response) {
				if huge.Len() == 0 {
					t.Error("the whole body was read")
				}
			},
		},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(nil)
		sc.Test(t)
	}
}

// TestFormBodyLimitChunked: a chunked post (no Content-Length) over the
// proxies' limit is cut after ProxyBodyLimit bytes and gets the 413 page.
func TestFormBodyLimitChunked(t *testing.T) {
	app := kktest.NewApp(t)
	c := kktest.NewClient(t, app)
	body := &countingReader{r: io.MultiReader(strings.NewReader("title=x&body="), strings.NewReader(strings.Repeat("a", 8<<20)))}
	res := c.Do(http.MethodPost, "/stories", body, kktest.FormHeaders)
	page, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(page), "too much text") {
		t.Errorf("chunked 8 MB post: %d\n%.300s", res.StatusCode, page)
	}
	if body.n > 2*site.ProxyBodyLimit {
		t.Errorf("read %d bytes of an 8 MB post; the limit is %d", body.n, site.ProxyBodyLimit)
	}
}

// countingReader counts what the server read; its type hides the length,
// so the request goes out without Content-Length (chunked).
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
