// Package forms holds what every phone form shares: cleaning typed text,
// field checks with messages a person understands, the PHI-guard preview,
// and the honeypot.
package forms

import (
	"html/template"
	"strings"
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

// Clean normalises typed text the way every stored note and story is
// normalised (phi.Normalize: NFKC, Unicode spaces to " ", zero-width,
// format and control characters and bidi overrides removed, CRLF to LF)
// and trims surrounding space. Invalid UTF-8 is left for [Check] to
// report, so nothing is silently altered.
func Clean(s string, multiline bool) string {
	return strings.TrimSpace(phi.Normalize(s, multiline))
}

// Check validates one cleaned value and records a message on failure.
//
// key names the field in the catalogue: each field has its own whole
// sentences, key+".required" ("Please fill in who it is for.") and
// key+".too_long" (with Count and Max), never a label glued into a
// sentence (which no language but English would read right). Every page
// passes a key; a missing sentence shows as its key and fails the
// catalogue tests.
func (e Errors) Check(field, key, value string, required bool, max int) {
	n := utf8.RuneCountInString(value)
	switch {
	case !utf8.ValidString(value):
		e[field] = i18n.M("form.unreadable")
	case required && value == "":
		e[field] = i18n.M(key + ".required")
	case n > max:
		e[field] = i18n.M(key+".too_long", "Count", n, "Max", max)
	}
}

// Segment is a run of text, marked when the PHI guard found something in it.
type Segment struct {
	Text string
	Mark bool
	Kind i18n.Text // what was found, in words (phi.Words in the reader's language)
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
		out = append(out, Segment{Text: text[f.Start:f.End], Mark: true, Kind: phiWords{f, text}})
		pos = f.End
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

// phiWords is the guard's own wording of a finding (phi.Words), in the
// reader's language.
type phiWords struct {
	f    phi.Finding
	text string
}

func (w phiWords) In(l i18n.Lang) string { return phi.Words(string(l), w.f, w.text) }

// String is the English wording, for a template that prints it without t
// (the moderators' desk).
func (w phiWords) String() string { return w.In(i18n.English) }

// RecipientField is the field that names who is thanked (a note's "to"):
// [Scan] reads it with phi.ScanRecipient, so "Mr Patel" there is a colleague.
const RecipientField = "to"

// Warning is one line of the PHI warning on the form. The guard words it
// (phi.LineHTML) in the reader's language: {{.Line lang}}. FieldName is
// the form field, for a link to it and its aria-describedby.
type Warning struct {
	Field     i18n.Text // the field's label
	FieldName string
	Text      string // the words found
	finding   phi.Finding
	source    string
}

// Line is the warning in lang ("en", "es"), the words found in <mark>.
func (w Warning) Line(lang string) template.HTML {
	l, _ := i18n.Parse(lang)
	return phi.LineHTML(lang, w.Field.In(l), w.finding, w.source)
}

// WarningList is the PHI warning's lines.
type WarningList []Warning

// Has reports whether a form field has a warning, so the field can point
// to the warning with aria-describedby.
func (w WarningList) Has(field string) bool {
	for _, x := range w {
		if x.FieldName == field {
			return true
		}
	}
	return false
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
// field (nil when clean) and the warning lines for the form. keys maps a
// field to its catalogue key (key+".label" names it in a warning).
func Scan(fields map[string]string, keys map[string]string, order []string) (map[string][]phi.Finding, WarningList) {
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
	return found, Warnings(found, fields, keys, order)
}

// Warnings are the form's lines for findings already made.
func Warnings(found map[string][]phi.Finding, fields, keys map[string]string, order []string) WarningList {
	var warnings WarningList
	for _, name := range order {
		text := fields[name]
		for _, f := range found[name] {
			if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
				continue
			}
			warnings = append(warnings, Warning{Field: i18n.M(keys[name] + ".label"), FieldName: name, Text: text[f.Start:f.End], finding: f, source: text})
		}
	}
	return warnings
}
