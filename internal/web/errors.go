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
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

// ErrorData is what templates/error.html receives.
type ErrorData struct {
	Status  int
	Title   i18n.Text
	Message i18n.Text
	// Kept is what a refused form post carried, shown back with a button
	// to send it again (e.g. after a 429), so nothing typed is lost.
	Kept   []KeptField
	Resend string // the URL to post Kept to
}

// KeptField is one field of a refused form post.
type KeptField struct {
	Name  string
	Label i18n.Text // nil for fields that travel hidden
	Value string
}

// keptLabels are the fields a person typed, in the order forms show them;
// other non-empty fields (room, confirm) travel along hidden.
var keptLabels = []struct{ name, label string }{
	{"to", "kept.to"}, {"title", "kept.title"}, {"body", "kept.body"}, {"from", "kept.from"}, {"author", "kept.author"},
	{"name", "kept.name"}, {"email", "kept.email"}, {"unit", "kept.unit"},
}

// Error renders the HTML error page in the request's language and returns
// err (or an ApiError with the status) so PocketBase still logs it. The
// JSON error handler stays quiet because the response is already written.
//
// message is a catalogue key ("error.story_not_found"); empty means the
// status's own words. Text that is not a key (from code not yet
// translated) is shown as it is to English readers and replaced by the
// status's words for others.
func (v *Views) Error(e *core.RequestEvent, status int, message string, err error) error {
	return v.render(e, ErrorData{Status: status, Title: title(status), Message: messageText(status, message)}, err)
}

// ErrorMsg is [Views.Error] with a message that has arguments.
func (v *Views) ErrorMsg(e *core.RequestEvent, status int, message *i18n.Msg, err error) error {
	data := ErrorData{Status: status, Title: title(status)}
	if message != nil {
		data.Message = message
	}
	return v.render(e, data, err)
}

func messageText(status int, message string) i18n.Text {
	switch {
	case message == "":
		return nil
	case i18n.Has(message):
		return i18n.M(message)
	}
	return untranslated{text: message, status: status}
}

// untranslated is an English message from code that has no catalogue key.
type untranslated struct {
	text   string
	status int
}

func (u untranslated) String() string { return u.text }

func (u untranslated) In(l i18n.Lang) string {
	if l == i18n.English {
		return u.text
	}
	return defaultMessage(u.status).In(l)
}

// ErrorKeepingWords renders the error page with the refused form post's
// fields shown back (read from e.Request.Body, at most limit bytes), for
// a post that sending again would not fix, e.g. a 413: no "Send again",
// but nothing typed is lost.
func (v *Views) ErrorKeepingWords(e *core.RequestEvent, status int, message string, limit int64) error {
	data := ErrorData{Status: status, Title: title(status), Message: messageText(status, message), Kept: keptFields(e.Request, limit)}
	return v.render(e, data, nil)
}

func (v *Views) render(e *core.RequestEvent, data ErrorData, err error) error {
	status := data.Status
	if data.Message == nil {
		data.Message = defaultMessage(status)
	}
	lang := Lang(e)
	if b, rerr := v.RenderBytesIn(lang, self(e.Request), "error", data); rerr == nil {
		h := e.Response.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Language", string(lang))
		h.Add("Vary", "Accept-Language, Cookie")
		e.Response.WriteHeader(status)
		_, _ = e.Response.Write(b)
	} else {
		_ = e.String(status, data.Message.In(lang))
	}
	if err == nil {
		err = router.NewApiError(status, data.Message.In(i18n.English), nil)
	}
	return err
}

// title is the page's heading: plain words, not an HTTP reason phrase.
func title(status int) i18n.Text {
	switch status {
	case http.StatusNotFound:
		return i18n.M("error.title.not_found")
	case http.StatusUnauthorized:
		return i18n.M("error.title.unauthorized")
	case http.StatusForbidden:
		return i18n.M("error.title.forbidden")
	case http.StatusRequestEntityTooLarge:
		return i18n.M("error.title.too_large")
	case http.StatusTooManyRequests:
		return i18n.M("error.title.too_many")
	case http.StatusBadRequest:
		return i18n.M("error.title.bad_request")
	case http.StatusMethodNotAllowed:
		return i18n.M("error.title.method")
	default:
		if status >= 500 {
			return i18n.M("error.title.server")
		}
		return i18n.M("error.title.other")
	}
}

func defaultMessage(status int) i18n.Text {
	switch status {
	case http.StatusNotFound:
		return i18n.M("error.not_found")
	case http.StatusUnauthorized:
		return i18n.M("error.unauthorized")
	case http.StatusForbidden:
		return i18n.M("error.forbidden")
	case http.StatusRequestEntityTooLarge:
		return i18n.M("error.too_large")
	case http.StatusTooManyRequests:
		return i18n.M("error.too_many")
	case http.StatusMethodNotAllowed:
		return i18n.M("error.method")
	default:
		if status >= 500 {
			return i18n.M("error.server")
		}
		return i18n.M("error.other")
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
	data := ErrorData{Status: status, Title: title(status), Message: messageText(status, msg)}
	if status == http.StatusTooManyRequests && e.Request.Method == http.MethodPost {
		// the rate limiter refused before any handler read the form: give
		// the person their words back, ready to send again in a minute
		data.Kept, data.Resend = keptFields(e.Request, forms.MaxBody), e.Request.URL.RequestURI()
		if len(data.Kept) > 0 {
			data.Message = i18n.M("error.too_many_kept")
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
			kept = append(kept, KeptField{Name: f.name, Label: i18n.M(f.label), Value: v})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(r.PostForm)) {
		if v := r.PostForm.Get(name); !seen[name] && v != "" {
			kept = append(kept, KeptField{Name: name, Value: v})
		}
	}
	return kept
}
