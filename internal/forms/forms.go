// Package forms holds what every phone form shares: cleaning typed text,
// field checks with messages a person understands, the PHI-guard preview,
// and the honeypot.
package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// MaxBody is the largest form post accepted; anything bigger gets the 413
// page. It must hold a story at its limits (20,000 characters) in any
// script: a browser sends a 4-byte character as 12 bytes (%F0%9F%99%8F),
// so the longest story is ~240 KB on the wire, not the ~25 KB of English.
const MaxBody = 256 << 10

// Honeypot is the name of the hidden field bots fill in and people don't.
const Honeypot = "website"

// Errors maps a field name to its message, rendered in the reader's
// language by the page (the fielderror partial).
type Errors map[string]*i18n.Msg

// Field is what the fielderror partial needs.
type Field struct {
	Field   string
	Message *i18n.Msg
}

// For returns the message of a field for the fielderror partial (nil if none).
func (e Errors) For(field string) *Field {
	if msg, ok := e[field]; ok {
		return &Field{Field: field, Message: msg}
	}
	return nil
}

// List returns the fields with errors in the order given (the order the
// form shows them), for the error summary at the top of a form.
func (e Errors) List(order ...string) []Field {
	var out []Field
	for _, name := range order {
		if msg, ok := e[name]; ok {
			out = append(out, Field{Field: name, Message: msg})
		}
	}
	return out
}

// Clean normalises typed text: CRLF to LF, control characters and bidi
// overrides removed (tabs become spaces), surrounding space trimmed. Invalid UTF-8 is left
// for [Check] to report, so nothing is silently altered.
func Clean(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return s // strings.Map would silently turn bad bytes into U+FFFD
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' && multiline:
			return r
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || isBidiControl(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// isBidiControl reports the explicit direction overrides and isolates: they
// can make a note read differently on a screen than it was typed ("Trojan
// source"). Browsers lay out right-to-left text without them; zero-width
// joiners (emoji, Indic scripts) are kept.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Check validates one cleaned value and records a message on failure.
//
// key names the field in the catalogue: each field has its own whole
// sentences, key+".required" ("Please fill in who it is for.") and
// key+".too_long" (with Count and Max), never a label glued into a
// sentence (which no language but English would read right).
func (e Errors) Check(field, key, value string, required bool, max int) {
	switch {
	case !utf8.ValidString(value):
		e[field] = i18n.M("form.unreadable")
	case required && value == "":
		e[field] = i18n.M(key + ".required")
	case utf8.RuneCountInString(value) > max:
		e[field] = i18n.M(key+".too_long", "Count", utf8.RuneCountInString(value), "Max", max)
	}
}

// Segment is a run of text, marked when the PHI guard found something in it.
type Segment struct {
	Text string
	Mark bool
	Kind i18n.Text // what was found, in words
}

// Highlight splits text into segments around findings, for <mark>.
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
		out = append(out, Segment{Text: text[f.Start:f.End], Mark: true, Kind: KindText(f.Kind)})
		pos = f.End
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

// RecipientField is the field that names who is thanked (a note's "to"):
// [Scan] reads it with phi.ScanRecipient, so "Mr Patel" there is a colleague.
const RecipientField = "to"

// Warning is one line of the PHI warning on the form: what was found
// (Label), in which field (Field, the field's catalogue label; FieldName,
// its form name, for a link to it), and the text itself.
type Warning struct {
	Field     i18n.Text
	FieldName string
	Label     i18n.Text
	Text      string
}

// Warnings are the lines of the PHI warning.
type Warnings []Warning

// Has reports whether a form field has a warning, so the field can point
// to the warning with aria-describedby.
func (w Warnings) Has(field string) bool {
	for _, x := range w {
		if x.FieldName == field {
			return true
		}
	}
	return false
}

// KindText is what the PHI guard found, in the reader's language: the
// catalogue's "phi.kind.<kind>" (the guard's own Label stays English, for
// the dashboard).
func KindText(k phi.Kind) i18n.Text { return i18n.M("phi.kind." + string(k)) }

// Flags is what is stored in a record's `flags` field: per field, what the
// guard found, so the moderator sees why a post was held.
type Flags struct {
	Findings map[string][]phi.Finding `json:"findings"`
	// SentAnyway is true when the writer saw the warning and chose to send.
	SentAnyway bool `json:"sent_anyway"`
}

// Scan runs the PHI guard over named fields and returns the findings per
// field (nil when clean) and the warning lines for the form. keys maps a
// field to its catalogue key (key+".label" names it in a warning).
func Scan(fields map[string]string, keys map[string]string, order []string) (map[string][]phi.Finding, Warnings) {
	var found map[string][]phi.Finding
	var warnings Warnings
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
		for _, f := range fs {
			warnings = append(warnings, Warning{Field: i18n.M(keys[name] + ".label"), FieldName: name, Label: KindText(f.Kind), Text: f.Text})
		}
	}
	return found, warnings
}
