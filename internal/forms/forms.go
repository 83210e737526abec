// Package forms holds what every phone form shares: cleaning typed text,
// field checks with messages a person understands, the PHI-guard preview,
// and the honeypot.
package forms

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// MaxBody is the largest form post accepted; anything bigger gets the 413
// page. It must hold a story at its limits (20,000 characters) in any
// script: a browser sends a 4-byte character as 12 bytes (%F0%9F%99%8F),
// so the longest story is ~240 KB on the wire, not the ~25 KB of English.
const MaxBody = 256 << 10

// Honeypot is the name of the hidden field bots fill in and people don't.
const Honeypot = "website"

// Errors maps a field name to its message.
type Errors map[string]string

// Field is what the fielderror partial needs.
type Field struct{ Field, Message string }

// For returns the message of a field for the fielderror partial (nil if none).
func (e Errors) For(field string) *Field {
	if msg, ok := e[field]; ok {
		return &Field{Field: field, Message: msg}
	}
	return nil
}

// Clean normalises typed text the way every stored note and story is
// normalised (phi.Normalize: NFKC, Unicode spaces to " ", zero-width,
// format and control characters and bidi overrides removed, CRLF to LF)
// and trims surrounding space. Invalid UTF-8 is left for [Check] to
// report, so nothing is silently altered.
func Clean(s string, multiline bool) string {
	return strings.TrimSpace(phi.Normalize(s, multiline))
}

// Check validates one cleaned value and records a message on failure.
func (e Errors) Check(field, label, value string, required bool, max int) {
	switch {
	case !utf8.ValidString(value):
		e[field] = fmt.Sprintf("%s has characters we can't read. Please retype it.", label)
	case required && value == "":
		e[field] = fmt.Sprintf("Please fill in %s.", strings.ToLower(label))
	case utf8.RuneCountInString(value) > max:
		e[field] = fmt.Sprintf("%s is %d characters; the limit is %d. Please shorten it.", label, utf8.RuneCountInString(value), max)
	}
}

// Segment is a run of text, marked when the PHI guard found something in it.
type Segment struct {
	Text string
	Mark bool
	Kind string
}

// Highlight splits text into segments around findings, for <mark>; a
// segment's Kind says in words what was found there.
func Highlight(text string, found []phi.Finding) []Segment {
	var out []Segment
	pos := 0
	for _, f := range found {
		if f.Start < pos || f.End > len(text) {
			continue
		}
		if f.Start > pos {
			out = append(out, Segment{Text: text[pos:f.Start]})
		}
		out = append(out, Segment{Text: text[f.Start:f.End], Mark: true, Kind: phi.Words(Lang, f, text)})
		pos = f.End
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

// Lang is the language of the guard's words on the forms until the pages
// pick one per request.
const Lang = "en"

// RecipientField is the field that names who is thanked (a note's "to"):
// [Scan] reads it with phi.ScanRecipient, so "Mr Patel" there is a colleague.
const RecipientField = "to"

// Warning is one line of the PHI warning on the form: Message says it all
// in plain words (phi.Line); Field and Text are its parts; HTML is Message
// with the words found in <mark>.
type Warning struct {
	Field, Text, Message string
	HTML                 template.HTML
}

// Flags is what is stored in a record's `flags` field: per field, the kinds
// and ranges the guard found (never the matched text), so the moderator
// sees why a post was held.
type Flags struct {
	Findings map[string][]phi.Finding `json:"findings"`
	// SentAnyway is true when the writer saw the warning and chose to send.
	SentAnyway bool `json:"sent_anyway"`
}

// Scan runs the PHI guard over named fields and returns the findings per
// field (nil when clean) and the warning lines for the form.
func Scan(fields map[string]string, labels map[string]string, order []string) (map[string][]phi.Finding, []Warning) {
	var found map[string][]phi.Finding
	for _, name := range order {
		fs := phi.Scan(fields[name])
		if name == RecipientField {
			fs = phi.ScanRecipient(fields[name])
		}
		if len(fs) == 0 {
			continue
		}
		if found == nil {
			found = map[string][]phi.Finding{}
		}
		found[name] = fs
	}
	return found, Warnings(found, fields, labels, order)
}

// Warnings are the form's lines for findings already made.
func Warnings(found map[string][]phi.Finding, fields, labels map[string]string, order []string) []Warning {
	var warnings []Warning
	for _, name := range order {
		text := fields[name]
		for _, f := range found[name] {
			if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
				continue
			}
			found := text[f.Start:f.End]
			warnings = append(warnings, Warning{Field: labels[name], Text: found, Message: phi.Line(Lang, labels[name], f, text),
				HTML: phi.LineHTML(Lang, labels[name], f, text)})
		}
	}
	return warnings
}
