package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// ErrorData is what templates/error.html receives.
type ErrorData struct {
	Status  int
	Title   string
	Message string
}

// Error renders the HTML error page and returns err (or an ApiError with the
// status) so PocketBase still logs it. The JSON error handler stays quiet
// because the response is already written.
func (v *Views) Error(e *core.RequestEvent, status int, message string, err error) error {
	data := ErrorData{Status: status, Title: http.StatusText(status), Message: message}
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
	return v.Error(e, status, msg, err)
}
