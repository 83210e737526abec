package web

import (
	"errors"
	"mime"
	"net/http"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// ErrorData is what templates/error.html receives.
type ErrorData struct {
	Status  int
	Title   string
	Message string
	// Resend, on a 429 after a form post, carries what was posted so the
	// page can offer to send it again: nothing typed is lost to the limiter.
	Resend *Resend
}

// Resend is a form post to repeat: where it went and its fields in order.
type Resend struct {
	Action string
	Fields []ResendField
}

// ResendField is one posted value.
type ResendField struct{ Name, Value string }

// Error renders the HTML error page and returns err (or an ApiError with the
// status) so PocketBase still logs it. The JSON error handler stays quiet
// because the response is already written.
func (v *Views) Error(e *core.RequestEvent, status int, message string, err error) error {
	return v.errorPage(e, ErrorData{Status: status, Message: message}, err)
}

func (v *Views) errorPage(e *core.RequestEvent, data ErrorData, err error) error {
	status := data.Status
	data.Title = http.StatusText(status)
	if data.Message == "" {
		data.Message = defaultMessage(status)
	}
	if b, rerr := v.RenderBytes("error", data); rerr == nil {
		e.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
		e.Response.Header().Set("Cache-Control", "no-store")
		e.Response.WriteHeader(status)
		_, _ = e.Response.Write(b)
	} else {
		_ = e.String(status, data.Message)
	}
	if err == nil {
		err = router.NewApiError(status, data.Message, nil)
	}
	return err
}

func defaultMessage(status int) string {
	switch status {
	case http.StatusNotFound:
		return "We couldn't find that page. It may have moved, or the link may be mistyped."
	case http.StatusUnauthorized:
		return "This page is for moderators and needs a superuser token; a browser tab doesn't send one. See \"Attendee export\" in docs/events.md."
	case http.StatusForbidden:
		return "This form can only be sent from this site. Please open the page again and resend."
	case http.StatusRequestEntityTooLarge:
		return "That was too much text to send at once. Please shorten it and try again."
	case http.StatusTooManyRequests:
		return "Lots of kindness at once! Please wait a minute and try again."
	case http.StatusMethodNotAllowed:
		return "That page can't be used this way."
	default:
		if status >= 500 {
			return "Something went wrong on our side. Nothing you typed was lost on purpose: please go back and try again."
		}
		return "That request could not be handled."
	}
}

// IsHTMLPath reports whether a path belongs to the HTML site rather than to
// PocketBase's REST API or dashboard.
func IsHTMLPath(p string) bool {
	return !strings.HasPrefix(p, "/api/") && p != "/api" && !strings.HasPrefix(p, "/_/") && p != "/_"
}

// HTMLErrors is a router middleware: on HTML paths an error that nobody
// has written yet (404, 413, 429, a panic, a failed query) becomes the HTML
// error page instead of PocketBase's JSON.
func (v *Views) HTMLErrors(e *core.RequestEvent) error {
	err := e.Next()
	if err == nil || e.Written() || !IsHTMLPath(e.Request.URL.Path) {
		return err
	}
	var apiErr *router.ApiError
	status := http.StatusInternalServerError
	msg := ""
	if errors.As(err, &apiErr) {
		status = apiErr.Status
	}
	if status == http.StatusBadRequest && apiErr != nil {
		msg = apiErr.Message
	}
	data := ErrorData{Status: status, Message: msg}
	if status == http.StatusTooManyRequests && e.Request.Method == http.MethodPost {
		data.Resend = resendOf(e.Request)
	}
	return v.errorPage(e, data, err)
}

// maxResend bounds the body read back for the "send again" form; the
// limiter answers before the route's own body limit applies.
const maxResend = 256 << 10

// resendOf reads a rate-limited form post (the limiter runs before the
// handler, so the body is still unread), or nil if there is none.
func resendOf(r *http.Request) *Resend {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	// a path, never "//host": the page must post back to this site
	if ct != "application/x-www-form-urlencoded" || !strings.HasPrefix(r.URL.Path, "/") || strings.HasPrefix(r.URL.Path, "//") {
		return nil
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxResend)
	if err := r.ParseForm(); err != nil || len(r.PostForm) == 0 {
		return nil
	}
	names := make([]string, 0, len(r.PostForm))
	for name := range r.PostForm {
		names = append(names, name)
	}
	sort.Strings(names)
	rs := &Resend{Action: r.URL.Path}
	for _, name := range names {
		for _, value := range r.PostForm[name] {
			rs.Fields = append(rs.Fields, ResendField{Name: name, Value: value})
		}
	}
	return rs
}
