package forms

import (
	"errors"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"

	"github.com/pocketbase/pocketbase/apis"
)

// Parse reads a posted form, urlencoded (what the HTML forms send) or
// multipart (what a script may send), and returns its values.
//
// On failure it also returns the status the error page should have: 413
// when the body is over the route's limit, 400 otherwise. NB! A body sent
// with chunked transfer encoding has no Content-Length, so apis.BodyLimit
// can't refuse it up front: the limit shows up here, as a read error in
// the middle of parsing, and must still be a 413 rather than a 400.
func Parse(r *http.Request) (url.Values, int, error) {
	// ParseForm first: ParseMultipartForm drops its error for a
	// urlencoded body and returns ErrNotMultipart instead
	if err := r.ParseForm(); err != nil {
		return nil, parseStatus(err), err
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
		if err := r.ParseMultipartForm(MaxBody); err != nil {
			return nil, parseStatus(err), err
		}
	}
	return r.PostForm, http.StatusOK, nil
}

func parseStatus(err error) int {
	var maxBytes *http.MaxBytesError
	if errors.Is(err, apis.ErrRequestEntityTooLarge) || errors.As(err, &maxBytes) || errors.Is(err, multipart.ErrMessageTooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}
