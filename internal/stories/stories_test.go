package stories_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func expectStories(n int) func(t testing.TB, app *tests.TestApp, res *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if got, err := app.CountRecords(s.Stories); err != nil || int(got) != n {
			t.Fatalf("stories = %d (%v), want %d", got, err, n)
		}
	}
}

func seed(t testing.TB, app *tests.TestApp) {
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storypublished0", s.StoryTitle: "The cup of tea", s.FieldStatus: s.StatusPublished,
		s.StoryBody: "## What happened\n\nShe sat with me. [Rounds](https://intranet.example/rounds) ![x](https://cdn.example/x.png) <script>alert(1)</script>"})
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storypending000", s.StoryTitle: "Secret draft", s.StoryBody: "x"})
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storyrejected00", s.StoryTitle: "Rejected", s.StoryBody: "x", s.FieldStatus: s.StatusRejected})
}

func TestStories(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{Name: "published story renders safely", Method: http.MethodGet, URL: "/stories/storypublished0", ExpectedStatus: 200,
			ExpectedContent:    []string{`<h1 dir="auto">The cup of tea</h1>`, "<h2>What happened</h2>", `rel="noopener nofollow ugc"`, "A colleague", "&lt;script&gt;"},
			NotExpectedContent: []string{"<img src=\"https", "cdn.example", "<script>alert"}},
		{Name: "pending story is a 404 page", Method: http.MethodGet, URL: "/stories/storypending000", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>", "not be published yet"}, NotExpectedContent: []string{"Secret draft"}},
		{Name: "rejected story is a 404 page", Method: http.MethodGet, URL: "/stories/storyrejected00", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
		{Name: "unknown story is a 404 page", Method: http.MethodGet, URL: "/stories/nope", ExpectedStatus: 404,
			ExpectedContent: []string{"<!doctype html>"}},
		{Name: "form with the consent reminder", Method: http.MethodGet, URL: "/stories/new", ExpectedStatus: 200,
			ExpectedContent: []string{`name="title"`, `name="body"`, `name="author"`, "Schwartz Rounds", "identify a patient",
				`name="author" value="" maxlength="80" autocomplete="name"`}}, // issue 14: the name field had no autocomplete
		{Name: "good story: pending, 303", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "A hand to hold", "body", "It was a long night.\n\nShe stayed.", "author", "a staff nurse", "status", "published"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByData(s.Stories, s.StoryTitle, "A hand to hold")
				if err != nil || r.GetString(s.FieldStatus) != s.StatusPending || res.Header.Get("Location") != "/stories/sent" {
					t.Fatalf("stored %v (%v), Location %q", r, err, res.Header.Get("Location"))
				}
			}},
		{Name: "missing title: message, text kept", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "", "body", "My story text"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please fill in the title.", "My story text</textarea>"}, AfterTestFunc: expectStories(3)},
		{Name: "PHI warning", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "Night shift", "body", "Patient Harris in bay 3 told me"), ExpectedStatus: 200,
			ExpectedContent: []string{"Please check for patient details", "<mark>Patient Harris</mark>"}, AfterTestFunc: expectStories(3)},
		{Name: "PHI sent anyway: held with flags", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "Night shift", "body", "Patient Harris in bay 3 told me", "confirm", "1"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByData(s.Stories, s.StoryTitle, "Night shift")
				if err != nil || r.GetString(s.FieldStatus) != s.StatusPending || !strings.Contains(r.GetString(s.StoryFlags), "patient_name") {
					t.Fatalf("stored %v (%v)", r, err)
				}
			}},
		{Name: "8 MB body refused", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: strings.NewReader("title=x&body=" + strings.Repeat("a", 8<<20)), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>"}, AfterTestFunc: expectStories(3)},
		{Name: "8 MB chunked body refused with the 413 page", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: io.MultiReader(strings.NewReader("title=x&body="), strings.NewReader(strings.Repeat("a", 8<<20))), ExpectedStatus: 413,
			ExpectedContent: []string{"<!doctype html>", "too much text"}, AfterTestFunc: expectStories(3)},
		{Name: "empty post: every required field says so", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", " ", "body", "\x00", "author", "Sam"), ExpectedStatus: 422,
			ExpectedContent: []string{"Please fill in the title.", "Please fill in your story.", `value="Sam"`}, AfterTestFunc: expectStories(3)},
		{Name: "over-long title and body: messages, text kept", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", strings.Repeat("t", 141), "body", strings.Repeat("b", 20001)), ExpectedStatus: 422,
			ExpectedContent: []string{"The title is 141 characters; the limit is 140.", "Your story is 20001 characters; the limit is 20000.", strings.Repeat("b", 200)},
			AfterTestFunc:   expectStories(3)},
		{Name: "over-long author", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "x", "body", "y", "author", strings.Repeat("a", 81)), ExpectedStatus: 422,
			ExpectedContent: []string{"Your name is 81 characters; the limit is 80."}, AfterTestFunc: expectStories(3)},
		{Name: "invalid UTF-8: clear message, nothing stored", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: strings.NewReader("title=ok&body=bad%ff%fe"), ExpectedStatus: 422,
			ExpectedContent: []string{"This has characters we can&#39;t read"}, AfterTestFunc: expectStories(3)},
		{Name: "control characters removed", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "Tea\x07 time", "body", "line\r\nnext\x1b"), ExpectedStatus: 303,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByData(s.Stories, s.StoryTitle, "Tea time")
				if err != nil || r.GetString(s.StoryBody) != "line\nnext" {
					t.Fatalf("stored %v (%v)", r, err)
				}
			}},
		{Name: "cross-site post with a forged status: 403, nothing stored", Method: http.MethodPost, URL: "/stories",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			Body:    kktest.Form("title", "x", "body", "y", "status", "published"), ExpectedStatus: 403,
			ExpectedContent: []string{"<!doctype html>", "can only be sent from this site"}, AfterTestFunc: expectStories(3)},
		{Name: "honeypot: looks sent, nothing stored", Method: http.MethodPost, URL: "/stories", Headers: kktest.FormHeaders,
			Body: kktest.Form("title", "x", "body", "y", "website", "http://spam.example"), ExpectedStatus: 303, AfterTestFunc: expectStories(3)},
		{Name: "sent page", Method: http.MethodGet, URL: "/stories/sent", ExpectedStatus: 200,
			ExpectedContent: []string{"Thank you for sharing.", "publish it"}},
		{Name: "REST list never shows pending or rejected stories", Method: http.MethodGet, URL: "/api/collections/stories/records",
			ExpectedStatus: 200, ExpectedContent: []string{"storypublished0"}, NotExpectedContent: []string{"Secret draft", "Rejected", "flags"}},
		{Name: "REST view of a pending story is 404", Method: http.MethodGet, URL: "/api/collections/stories/records/storypending000",
			ExpectedStatus: 404, NotExpectedContent: []string{"Secret draft"}},
		{Name: "start page lists published stories only, anonymous as A colleague", Method: http.MethodGet, URL: "/", ExpectedStatus: 200,
			ExpectedContent: []string{"The cup of tea", `href="/stories/storypublished0"`, "A colleague"}, NotExpectedContent: []string{"Secret draft", "Rejected"}},
		{Name: "8 MB over REST: refused unread by the API body limit (413, ADR 0102), nothing stored", Method: http.MethodPost, URL: "/api/collections/stories/records",
			Headers: map[string]string{"Content-Type": "application/json"},
			Body:    strings.NewReader(`{"title":"x","body":"` + strings.Repeat("a", 8<<20) + `"}`), ExpectedStatus: 413,
			ExpectedContent: []string{`"status":413`}, AfterTestFunc: expectStories(3)},
		{Name: "over the story limit but under the body limit: JSON 400 without scanning it first, nothing stored", Method: http.MethodPost, URL: "/api/collections/stories/records",
			Headers: map[string]string{"Content-Type": "application/json"},
			Body:    strings.NewReader(`{"title":"x","body":"` + strings.Repeat("a", 200000) + `"}`), ExpectedStatus: 400,
			ExpectedContent: []string{`"body":{"code":"validation_max_text_constraint"`}, AfterTestFunc: expectStories(3)},
		{Name: "REST create is forced pending and flagged", Method: http.MethodPost, URL: "/api/collections/stories/records",
			Headers: map[string]string{"Content-Type": "application/json"}, Body: strings.NewReader(`{"title":"x","body":"DOB 01/02/1950"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"pending"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByData(s.Stories, s.StoryTitle, "x")
				if err != nil || !strings.Contains(r.GetString(s.StoryFlags), "date_of_birth") {
					t.Fatalf("flags %v (%v)", r, err)
				}
			}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.Test(t)
	}
}
