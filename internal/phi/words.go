package phi

import (
	"fmt"
	"html/template"
	"strings"
)

// wording is how one language says what the guard found. Each entry is a
// whole phrase or a format with numbered verbs, never pieces to glue, so
// a translator sees complete sentences.
type wording struct {
	kinds     map[Kind]string
	firstName string // a patient's name of one word
	near      string // %[1]s what it is, %[2]s the cue: "a patient's first name near “bed 12”"
	line      string // %[1]s the field, %[2]s the words found, %[3]s what it is
}

// wordings are the languages the guard speaks; English is the fallback.
var wordings = map[string]wording{
	"en": {
		kinds: map[Kind]string{
			KindRecordNumber: "a record or patient number",
			KindBirthDate:    "a date of birth",
			KindPhone:        "a phone number",
			KindEmail:        "an e-mail address",
			KindRoomBed:      "a bed or room number",
			KindPatientName:  "a patient's name",
			KindFamilyName:   "the name of a patient's relative",
			KindStaffPatient: "a colleague identified as a patient",
			KindSSN:          "a social security or ID number (even part of one)",
			KindAge:          "a patient's age",
			KindAddress:      "a home address",
			KindPlate:        "a licence plate",
			KindHandle:       "a social media name",
			KindMemberID:     "an insurance or member number",
			KindAdmission:    "an admission date",
			KindRareCase:     "a detail that singles out one patient",
		},
		firstName: "a patient's first name",
		near:      "%[1]s near “%[2]s”",
		line:      "%[1]s: “%[2]s” looks like %[3]s.",
	},
	"es": {
		kinds: map[Kind]string{
			KindRecordNumber: "un número de historia o de paciente",
			KindBirthDate:    "una fecha de nacimiento",
			KindPhone:        "un número de teléfono",
			KindEmail:        "una dirección de correo",
			KindRoomBed:      "un número de cama o habitación",
			KindPatientName:  "el nombre de un paciente",
			KindFamilyName:   "el nombre de un familiar de un paciente",
			KindStaffPatient: "un compañero identificado como paciente",
			KindSSN:          "un número de seguridad social o de identidad (aunque sea parte)",
			KindAge:          "la edad de un paciente",
			KindAddress:      "una dirección particular",
			KindPlate:        "una matrícula",
			KindHandle:       "un nombre en redes sociales",
			KindMemberID:     "un número de seguro o de afiliado",
			KindAdmission:    "una fecha de ingreso",
			KindRareCase:     "un detalle que identifica a un paciente",
		},
		firstName: "el nombre de pila de un paciente",
		near:      "%[1]s cerca de «%[2]s»",
		line:      "%[1]s: «%[2]s» parece %[3]s.",
	},
}

func wordingFor(lang string) wording {
	if w, ok := wordings[lang]; ok {
		return w
	}
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		if w, ok := wordings[strings.ToLower(lang[:i])]; ok {
			return w
		}
	}
	return wordings["en"]
}

// Words says in plain words what a finding is, in lang ("en", "es"),
// from the text it was found in: "a patient's first name near “bed 12”".
// It is the one place a finding becomes words, for the writer's form and
// for the moderator; the matched text itself is never stored, only its
// range, so the words are derived when they are shown.
func Words(lang string, f Finding, text string) string {
	w := wordingFor(lang)
	what := w.kinds[f.Kind]
	if what == "" {
		what = string(f.Kind)
	}
	if f.Kind == KindPatientName && f.End <= len(text) && f.Start >= 0 && !strings.ContainsAny(strings.TrimSpace(text[f.Start:f.End]), " .") {
		what = w.firstName
	}
	if f.HasCue() && f.CueEnd <= len(text) && (f.CueEnd <= f.Start || f.CueStart >= f.End) {
		what = fmt.Sprintf(w.near, what, text[f.CueStart:f.CueEnd])
	}
	return what
}

// Line is one line of the warning: the field, the words found and what
// they look like ("Your message: “Sophie” looks like a patient's first
// name near “bed 12”.").
func Line(lang, field string, f Finding, text string) string {
	w := wordingFor(lang)
	found := ""
	if f.Start >= 0 && f.End <= len(text) && f.Start < f.End {
		found = text[f.Start:f.End]
	}
	return fmt.Sprintf(w.line, field, found, Words(lang, f, text))
}

// LineHTML is [Line] as HTML, the words found in <mark>: every part
// escaped, the sentence itself one translatable format.
func LineHTML(lang, field string, f Finding, text string) template.HTML {
	w := wordingFor(lang)
	found := ""
	if f.Start >= 0 && f.End <= len(text) && f.Start < f.End {
		found = text[f.Start:f.End]
	}
	esc := template.HTMLEscapeString
	return template.HTML(fmt.Sprintf(esc(w.line), esc(field), "<mark>"+esc(found)+"</mark>", esc(Words(lang, f, text)))) //nolint:gosec // every part escaped
}

// LabelIn is the wording of a kind in a language ("en", "es"), without
// context (the desk's "Check for patient details: a patient's name").
func (k Kind) LabelIn(lang string) string {
	if s, ok := wordingFor(lang).kinds[k]; ok {
		return s
	}
	return k.Label()
}

// Label is the English wording of a kind, without context.
func (k Kind) Label() string {
	if s, ok := wordings["en"].kinds[k]; ok {
		return s
	}
	return string(k)
}
