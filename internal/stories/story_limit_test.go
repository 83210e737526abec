package stories_test

import (
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
