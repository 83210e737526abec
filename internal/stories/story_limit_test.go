package stories_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/stories"
)

// TestLongestStoryFitsTheBodyLimit pins that a story at the form's own
// limits is accepted whatever script it is written in: a phone sends each
// 4-byte character as 12 bytes (%F0%9F%99%8F), so 20,000 of them are ~240 KB.
// Under a smaller body limit it got the 413 page and the writer lost it all.
func TestLongestStoryFitsTheBodyLimit(t *testing.T) {
	body := strings.Repeat("🙏", stories.BodyMax)
	title := strings.Repeat("🙏", stories.TitleMax)
	author := strings.Repeat("🙏", stories.AuthorMax)
	sc := tests.ApiScenario{
		Name: "20,000 four-byte characters", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
		Body: kktest.Form("title", title, "body", body, "author", author), ExpectedStatus: 303,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			r, err := app.FindFirstRecordByFilter(s.Stories, "")
			if err != nil {
				t.Fatal(err)
			}
			if n := utf8.RuneCountInString(r.GetString(s.StoryBody)); n != stories.BodyMax {
				t.Fatalf("stored %d characters, want %d", n, stories.BodyMax)
			}
		},
	}
	sc.TestAppFactory = kktest.Factory(nil)
	sc.Test(t)
}

// TestRateLimitedLongStoryKeepsText: the 429 page gives back a story as
// long as the form accepts (it read at most 64 KB, so a long story in
// Greek came back empty).
func TestRateLimitedLongStoryKeepsText(t *testing.T) {
	app := kktest.NewApp(t)
	c := kktest.NewClient(t, app)
	for i := range 5 {
		if res := c.Do(http.MethodPost, "/stories", kktest.Form("title", "Short", "body", "It helped."), kktest.FormHeaders); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("story %d: %d", i+1, res.StatusCode)
		}
	}
	body := strings.Repeat("Καλημέρα ", 1800) + "τέλος"
	res := c.Do(http.MethodPost, "/stories", kktest.Form("title", "Ευχαριστώ", "body", body), kktest.FormHeaders)
	page, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("6th story: %d, want 429", res.StatusCode)
	}
	if !strings.Contains(string(page), "τέλος") {
		t.Error("the 429 page lost the story")
	}
}
