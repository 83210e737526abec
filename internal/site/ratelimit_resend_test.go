package site_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestRateLimitKeepsText: the 429 page after a form post carries what was
// typed and a button to send it again, so the limiter never loses a note.
func TestRateLimitKeepsText(t *testing.T) {
	app := kktest.NewApp(t)
	h := kktest.Handler(t, app)
	max := noteLimit(t, app)
	const phone = "198.51.100.7:40000"
	burst(t, h, max, phone, "")

	typed := url.Values{"to": {"Ana <in pharmacy>"}, "body": {"Thank you for staying late & \"calm\".\nReally."}, "room": {"break-room"}}
	req := httptest.NewRequest(http.MethodPost, "/notes", strings.NewReader(typed.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = phone
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	expectLimited(t, rec, "over the limit")
	body := rec.Body.String()
	for _, want := range []string{
		`<form method="post" action="/notes">`,
		`name="to" value="Ana &lt;in pharmacy&gt;"`,
		`name="body" value="Thank you for staying late &amp; &#34;calm&#34;.` + "\n" + `Really."`,
		`name="room" value="break-room"`,
		"Send it again",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("429 page lacks %q:\n%s", want, body)
		}
	}
	expectCount(t, app, s.Notes, max)
}
