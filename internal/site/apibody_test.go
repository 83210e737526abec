package site_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/site"
)

// TestAPIBodyLimits: an anonymous body over the API's limit is a 413
// before it is read (Content-Length) and the read stops at the limit when
// no length is given (chunked); nothing else runs. Superusers keep
// PocketBase's limits; a story at the forms' own limit still goes through
// the REST API.
func TestAPIBodyLimits(t *testing.T) {
	json30MB := func() *strings.Reader { return strings.NewReader(`{"x":"` + strings.Repeat("a", 30<<20) + `"}`) }
	realtime, notes := json30MB(), json30MB()
	jsonHeaders := map[string]string{"Content-Type": "application/json"}
	unread := func(r *strings.Reader) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, _ *http.Response) {
			if r.Len() < 30<<20 {
				t.Errorf("%d bytes of the 30 MB body were read", 30<<20+8-r.Len())
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "30 MB anonymous realtime subscription", Method: http.MethodPost, URL: "/api/realtime", Body: realtime, Headers: jsonHeaders,
			ExpectedStatus: http.StatusRequestEntityTooLarge, ExpectedContent: []string{`"status":413`},
			ExpectedEvents: map[string]int{"*": 0}, AfterTestFunc: unread(realtime),
		},
		{
			Name: "30 MB anonymous note", Method: http.MethodPost, URL: "/api/collections/notes/records", Body: notes, Headers: jsonHeaders,
			ExpectedStatus: http.StatusRequestEntityTooLarge, ExpectedContent: []string{`"status":413`},
			ExpectedEvents: map[string]int{"*": 0}, AfterTestFunc: unread(notes),
		},
		{
			Name: "a realtime subscription over 16 KB", Method: http.MethodPost, URL: "/api/realtime", Headers: jsonHeaders,
			Body:           strings.NewReader(`{"clientId":"x","subscriptions":["` + strings.Repeat("notes", 4000) + `"]}`),
			ExpectedStatus: http.StatusRequestEntityTooLarge, ExpectedContent: []string{`"status":413`},
			ExpectedEvents: map[string]int{"*": 0},
		},
		{
			Name: "a story at the forms' limit through the REST API", Method: http.MethodPost, URL: "/api/collections/stories/records", Headers: jsonHeaders,
			Body:           strings.NewReader(fmt.Sprintf(`{"title":"Thanks","body":%q}`, strings.Repeat("🙏", 20_000))),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"title":"Thanks"`},
			ExpectedEvents: map[string]int{"*": 0, "OnRecordCreateRequest": 1, "OnRecordCreate": 1, "OnRecordCreateExecute": 1,
				"OnRecordAfterCreateSuccess": 1, "OnRecordValidate": 1, "OnRecordEnrich": 1, "OnModelCreate": 1,
				"OnModelCreateExecute": 1, "OnModelAfterCreateSuccess": 1, "OnModelValidate": 1},
		},
		{
			Name: "a superuser keeps PocketBase's limit (the field's own max answers)", Method: http.MethodPost, URL: "/api/collections/stories/records",
			Body:           strings.NewReader(`{"title":"Long","body":"` + strings.Repeat("a", 1<<20) + `"}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"body":{"code":"validation_max_text_constraint"`},
		},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(nil)
		if strings.HasPrefix(sc.Name, "a superuser") {
			headers := map[string]string{"Content-Type": "application/json"}
			sc.Headers = headers
			sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				headers["Authorization"] = kktest.SuperuserToken(t, app)
			}
		}
		sc.Test(t)
	}
}

// TestAPIBodyLimitChunked: without a Content-Length the server reads no
// more than the limit before it answers.
func TestAPIBodyLimitChunked(t *testing.T) {
	app := kktest.NewApp(t)
	c := kktest.NewClient(t, app)
	for _, url := range []string{"/api/realtime", "/api/collections/notes/records"} {
		body := &countingReader{r: io.MultiReader(strings.NewReader(`{"x":"`), strings.NewReader(strings.Repeat("a", 30<<20)))}
		res := c.Do(http.MethodPost, url, body, map[string]string{"Content-Type": "application/json"})
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("%s, 30 MB chunked: %d", url, res.StatusCode)
		}
		if body.n > 2*site.APIBodyLimit {
			t.Errorf("%s: read %d bytes of a 30 MB body", url, body.n)
		}
	}
}
