package kktest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Client sends requests through one app's real router (every route, hook
// and middleware the product binds), for tests that need several requests
// against the same app, e.g. an ETag and then a 304.
type Client struct {
	t   testing.TB
	mux http.Handler
}

// NewClient builds the app's router once (PocketBase binds some serve
// hooks per router, so it must not be rebuilt for every request).
func NewClient(t testing.TB, app core.App) *Client {
	t.Helper()
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	c := &Client{t: t}
	se := &core.ServeEvent{App: app, Router: router}
	err = app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		mux, err := e.Router.BuildMux()
		c.mux = mux
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Do sends one request and returns the response.
func (c *Client) Do(method, url string, body io.Reader, headers map[string]string) *http.Response {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, url, body)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	c.mux.ServeHTTP(rec, req)
	return rec.Result()
}

// FormHeaders is the Content-Type of an HTML form post, for scenarios.
var FormHeaders = map[string]string{"Content-Type": "application/x-www-form-urlencoded"}

// Form encodes name/value pairs as an HTML form body.
func Form(kv ...string) *strings.Reader {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}
