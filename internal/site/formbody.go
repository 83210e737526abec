package site

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// ProxyBodyLimit is the body size the reverse proxies let through to the
// app (deploy/nginx.conf client_max_body_size 1m, deploy/Caddyfile
// max_size 1MiB; the deploy tests hold them to this number). It is four
// times the forms' own limit (forms.MaxBody, 256 KB, docs/adr/0070) on
// purpose: a post between the two reaches the app, which answers with its
// own 413 page showing the words back, instead of the proxy's bare page
// where the text is gone. See docs/adr/0101.
const ProxyBodyLimit = 1 << 20

// tooLargeMessage is the 413 page's text when the words come back.
const tooLargeMessage = "error.too_large_kept" // "That was too much text to send at once. Your words are below…"

// registerFormBodyLimit binds formBodyLimit to every route; it acts on
// posts to the HTML site only.
func registerFormBodyLimit(se *core.ServeEvent, views *web.Views) {
	se.Router.Bind(&hook.Handler[*core.RequestEvent]{
		Id:   "kkFormBodyLimit",
		Func: formBodyLimit(views),
		// after the rate limiter (a 429 keeps the words itself), before the
		// routes' apis.BodyLimit(forms.MaxBody), which would refuse an
		// oversize Content-Length before anyone could show the words back
		Priority: apis.DefaultBodyLimitMiddlewarePriority - 1,
	})
}

// formBodyLimit reads a form post to the HTML site whole, up to
// ProxyBodyLimit, before any handler sees it. Over forms.MaxBody it
// answers the 413 page with the words shown back; over ProxyBodyLimit (or
// a Content-Length that says so) it refuses without reading. Otherwise
// the handler reads the same bytes from memory.
func formBodyLimit(views *web.Views) func(e *core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		r := e.Request
		if r.Method != http.MethodPost || !web.IsHTMLPath(r.URL.Path) || r.Body == nil || r.Body == http.NoBody {
			return e.Next()
		}
		if r.ContentLength > ProxyBodyLimit {
			return views.Error(e, http.StatusRequestEntityTooLarge, "", nil)
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, ProxyBodyLimit+1))
		var maxBytes *http.MaxBytesError
		switch {
		case errors.As(err, &maxBytes) || len(body) > ProxyBodyLimit:
			return views.Error(e, http.StatusRequestEntityTooLarge, "", nil)
		case err != nil:
			return views.Error(e, http.StatusBadRequest, "The form did not arrive whole. Please send it again.", err)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if len(body) > forms.MaxBody {
			return views.ErrorKeepingWords(e, http.StatusRequestEntityTooLarge, tooLargeMessage, ProxyBodyLimit)
		}
		return e.Next()
	}
}
