package phi_test

import (
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// TestWords: a finding becomes plain words at display time, from the text
// and its ranges, in English and Spanish.
func TestWords(t *testing.T) {
	for _, c := range []struct {
		lang, text, want string
	}{
		{"en", "Thanks Priya, our favourite Sophie in bed 12 was so brave", "a patient's first name near “bed 12”"},
		{"en", "Thank you for sitting with Mrs Kowalski", "a patient's name near “sitting with”"},
		{"en", "his wife Margaret sat by his bed", "the name of a patient's relative near “his wife”"},
		{"en", "Get well soon Maria, we heard you were admitted", "a colleague identified as a patient near “Get well soon”"},
		{"en", "MRN 1234567 fixed", "a record or patient number near “MRN”"},
		// the addressee model (ADR 0330): a third party cared for, a family by surname, a colleague's own account
		{"en", "Mairead, thank you for being so patient with Gunnar at lunch today.", "a patient's first name near “patient with”"},
		{"en", "Thank you for everything you did for the Oyelaran family.", "the name of a patient's relative near “family”"},
		{"en", "Thanks for plastering my thumb — I work in catering.", "a colleague identified as a patient near “I work”"},
		{"es", "Gracias por plastering my thumb — I work in catering.", "un compañero identificado como paciente cerca de «I work»"},
		{"es", "Gracias por cuidar tan bien a la familia Bustamante.", "el nombre de un familiar de un paciente cerca de «la familia»"},
		{"es", "Gracias a la señora García de la cama 12", "el nombre de un paciente cerca de «cama 12»"},
		{"es-MX", "la cama 12", "un número de cama o habitación"},
		{"fr", "the lady in bed 12", "a bed or room number"},
	} {
		found := phi.Scan(c.text)
		var got []string
		for _, f := range found {
			got = append(got, phi.Words(c.lang, f, c.text))
		}
		if !strings.Contains(strings.Join(got, " | "), c.want) {
			t.Errorf("Words(%s, %q) = %q, want %q", c.lang, c.text, got, c.want)
		}
	}
	f := phi.Scan("the lady in bed 12")[0]
	if got := phi.Line("en", "Your message", f, "the lady in bed 12"); got != "Your message: “bed 12” looks like a bed or room number." {
		t.Errorf("Line = %q", got)
	}
	if got := string(phi.LineHTML("en", "<b>", f, "the lady in bed 12")); got != "&lt;b&gt;: “<mark>bed 12</mark>” looks like a bed or room number." {
		t.Errorf("LineHTML = %q", got)
	}
}
