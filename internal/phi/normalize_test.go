package phi_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf8"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		in        string
		multiline bool
		want      string
	}{
		{"Mrs\u00a0Kowalski in\u202fbed\u200912", false, "Mrs Kowalski in bed 12"},
		{"Mrs\u200bKowalski in be\u200bd 12", false, "MrsKowalski in bed 12"},
		{"ＭＲＮ　１２３４５６７", false, "MRN 1234567"},
		{"DOB ０３/０４/１９５１", false, "DOB 03/04/1951"},
		{"evil\u202egnp.exe \u2066x\u2069", false, "evilgnp.exe x"},
		{"bell\x07 nul\x00", false, "bell nul"},
		{"a\r\nb\rc\u2028d", true, "a\nb\nc\nd"},
		{"a\r\nb", false, "a b"},
		{"soft\u00adhyphen and word\u2060joiner", false, "softhyphen and wordjoiner"},
		{"family 👩\u200d👩\u200d👧 kept", false, "family 👩\u200d👩\u200d👧 kept"},
		{"क्\u200dष joiner kept in Devanagari", false, "क्\u200dष joiner kept in Devanagari"},
		{"M\u200dR\u200cN 1234567", false, "MRN 1234567"},
		{"bad \xff bytes", false, "bad \xff bytes"},
		{"ﬁne ①", false, "fine 1"},
	} {
		if got := phi.Normalize(c.in, c.multiline); got != c.want {
			t.Errorf("Normalize(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

// identifiers are one example of every format the guard promises to
// catch, in a note.
var identifiers = []string{
	"Thanks for sitting with Mrs Kowalski in bed 12",
	"MRN 1234567 on the wrong band",
	"DOB 03/04/1951 on the consent form",
	"call her daughter on 07700 900123",
	"e-mail mabel.jones@gmail.com",
	"SSN 123-45-6789 on the form",
	"last four of her SSN 6789",
	"patient Lopez was so grateful",
	"the lady in bed 12 said thanks",
	"she is 97 years old and sharp as a tack",
	"drove her home to 12 Elm Street",
	"the car reg AB12 CDE was towed",
	"she is @jo_bakes on Instagram",
	"member ID XJH123456789 for the claim",
	"Mr Jones, admitted on 3 March, says thanks",
	"the twins in NICU went home",
	"his wife Margaret sat by his bed",
	"la señora García de la cama 12",
	"NHS no. 485 777 3456",
}

// TestCaughtUnderAnySpacingOrWidth is the property the bypasses broke:
// every identifier format is still caught when its spaces become NBSP,
// thin, narrow or ideographic spaces or get zero-width characters, and its
// digits and letters become full-width, on the normalised text (what
// every path stores and scans) and on the raw text (Scan maps it back).
func TestCaughtUnderAnySpacingOrWidth(t *testing.T) {
	for _, note := range identifiers {
		if len(phi.Scan(note)) == 0 {
			t.Fatalf("plain %q not caught", note)
		}
		prop := func(seed uint64) bool {
			v := vary(rand.New(rand.NewPCG(seed, 7)), note)
			n := phi.Normalize(v, true)
			raw := phi.Scan(v)
			for _, f := range raw {
				if v[f.Start:f.End] != f.Text || !utf8.ValidString(f.Text) {
					t.Errorf("span %+v does not match %q", f, v)
				}
			}
			if len(phi.Scan(n)) == 0 || len(raw) == 0 {
				t.Logf("not caught: %q (normalised %q)", v, n)
				return false
			}
			return true
		}
		if err := quick.Check(prop, &quick.Config{MaxCount: 200}); err != nil {
			t.Errorf("%q: %v", note, err)
		}
	}
}

func vary(rng *rand.Rand, s string) string {
	spaces := []string{" ", "\u00a0", "\u2009", "\u202f", "\u3000", "\u2007", "\u200b ", " \u200b", "\u2002", "\u205f"}
	invisible := []string{"", "", "", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteString(spaces[rng.IntN(len(spaces))])
			continue
		case r >= '0' && r <= '9' && rng.IntN(2) == 0:
			b.WriteRune(r - '0' + '０')
		case r >= 'A' && r <= 'Z' && rng.IntN(2) == 0:
			b.WriteRune(r - 'A' + 'Ａ')
		case r >= 'a' && r <= 'z' && rng.IntN(3) == 0:
			b.WriteRune(r - 'a' + 'ａ')
		default:
			b.WriteRune(r)
		}
		b.WriteString(invisible[rng.IntN(len(invisible))])
	}
	return b.String()
}
