package web

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
)

// ErrorData is what templates/error.html receives.
type ErrorData struct {
	Status  int
	Title   string
	Message string
	// Kept is what a refused form post carried, shown back with a button
	// to send it again (e.g. after a 429), so nothing typed is lost.
	Kept   []KeptField
	Resend string // the URL to post Kept to
}

// KeptField is one field of a refused form post.
type KeptField struct {
	Name, Label, Value string
}

// keptLabels are the fields a person typed, in the order forms show them;
// other non-empty fields (room, confirm) travel along hidden.
var keptLabels = []struct{ name, label string }{
	{"to", "To"}, {"title", "Title"}, {"body", "Your words"}, {"from", "From"}, {"author", "Your name"},
	{"name", "Your name"}, {"email", "Your e-mail"}, {"unit", "Unit"},
}

// Error renders the HTML error page and returns err (or an ApiError with the
// status) so PocketBase still logs it. The JSON error handler stays quiet
// because the response is already written.
func (v *Views) Error(e *core.RequestEvent, status int, message string, err error) error {
	return v.render(e, ErrorData{Status: status, Title: title(status), Message: message}, err)
}

// ErrorKeepingWords renders the error page with the refused form post's
// fields shown back (read from e.Request.Body, at most limit bytes), for
// a post that sending again would not fix, e.g. a 413: no "Send again",
// but nothing typed is lost.
func (v *Views) ErrorKeepingWords(e *core.RequestEvent, status int, message string, limit int64) error {
	data := ErrorData{Status: status, Title: title(status), Message: message, Kept: keptFields(e.Request, limit)}
	return v.render(e, data, nil)
}

func (v *Views) render(e *core.RequestEvent, data ErrorData, err error) error {
	status := data.Status
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

// title is the page's heading: plain words, not an HTTP reason phrase.
func title(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusUnauthorized:
		return "For moderators only"
	case http.StatusForbidden:
		return "Please send it from this site"
	case http.StatusRequestEntityTooLarge:
		return "That's a lot of text"
	case http.StatusTooManyRequests:
		return "One moment, please"
	case http.StatusBadRequest:
		return "That didn't work"
	default:
		if status >= 500 {
			return "Something went wrong"
		}
		return http.StatusText(status)
	}
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
	data := ErrorData{Status: status, Title: title(status), Message: msg}
	if status == http.StatusTooManyRequests && e.Request.Method == http.MethodPost {
		// the rate limiter refused before any handler read the form: give
		// the person their words back, ready to send again in a minute
		data.Kept, data.Resend = keptFields(e.Request, forms.MaxBody), e.Request.URL.RequestURI()
		if len(data.Kept) > 0 {
			data.Message = "Lots of kindness at once! Your words are safe below. Please wait a minute, then send them again."
		}
	}
	return v.render(e, data, err)
}

// keptFields reads a refused form post (up to limit bytes: forms.MaxBody,
// what the forms themselves accept, after a 429) and returns its fields,
// typed ones first, without the honeypot.
func keptFields(r *http.Request, limit int64) []KeptField {
	r.Body = http.MaxBytesReader(nil, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		return nil
	}
	var kept []KeptField
	// the honeypot stays empty; a password is never echoed into a page
	seen := map[string]bool{"website": true, "password": true}
	for _, f := range keptLabels {
		seen[f.name] = true
		if v := r.PostForm.Get(f.name); v != "" {
			kept = append(kept, KeptField{Name: f.name, Label: f.label, Value: v})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(r.PostForm)) {
		if v := r.PostForm.Get(name); !seen[name] && v != "" {
			kept = append(kept, KeptField{Name: name, Value: v})
		}
	}
	return kept
}
