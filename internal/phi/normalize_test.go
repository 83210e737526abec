package phi_test

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"testing/quick"
	"unicode"
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

// disguised are identifier formats with the part a writer would disguise:
// the digits of each number, the letters of a name.
var disguised = []struct{ note, ident string }{
	{"MRN 1234567 on the wrong band", "1234567"},
	{"Hosp no RX1448902 wants to thank the night nurses", "RX1448902"},
	{"DOB 03/04/1951 on the consent form", "03/04/1951"},
	{"SSN 123-45-6789 on the form", "123-45-6789"},
	{"last four of her SSN 6789", "6789"},
	{"call her daughter on 07700 900123", "07700 900123"},
	{"member ID XJH123456789 for the claim", "XJH123456789"},
	{"policy number 884221093 for the patient in 4B", "884221093"},
	{"the lady in bed 12 said thanks", "12"},
	{"Thanks for sitting with Mrs Kowalski in bed 12", "Kowalski in bed 12"},
	{"NHS no. 485 777 3456", "485 777 3456"},
	{"la señora García de la cama 12", "García de la cama 12"},
	{"patient Lopez was so grateful", "Lopez"},
	{"shout out for Mr. Okonkwo and his family on ward 8", "Okonkwo"},
}

// disguises are the ways holdout 5's writer hid identifiers, as formats:
// each applies to the identifier's digits or letters only.
var disguises = map[string]func(rng *rand.Rand, ident string) string{
	"digits of another script": func(rng *rand.Rand, s string) string {
		zeros := []rune{'0', '٠', '۰', '०', '০', '੦', '૦', '୦', '௦', '౦', '೦', '൦', '๐', '໐', '၀', '０', '𝟎', '𝟘'}
		return mapDigits(s, func(d int) string { return string(zeros[rng.IntN(len(zeros))] + rune(d)) })
	},
	"keycap digits": func(rng *rand.Rand, s string) string {
		return mapDigits(s, func(d int) string { return string(rune('0'+d)) + []string{"\ufe0f\u20e3", "\u20e3"}[rng.IntN(2)] })
	},
	"digits spelled out": func(rng *rand.Rand, s string) string {
		en := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
		es := []string{"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"}
		words := [][]string{en, es}[rng.IntN(2)]
		double := words[0] == "zero" && rng.IntN(2) == 0 // "double nine", the UK way
		return mapRuns(s, func(run string) string {
			var w []string
			for i := 0; i < len(run); i++ {
				d := words[run[i]-'0']
				if d == "zero" && rng.IntN(3) == 0 {
					d = "oh"
				}
				if double && i+1 < len(run) && run[i+1] == run[i] && (i+2 >= len(run) || run[i+2] != run[i]) {
					d = "double " + d
					i++
				}
				w = append(w, d)
			}
			return " " + strings.Join(w, " ") + " "
		})
	},
	"digits split apart": func(rng *rand.Rand, s string) string {
		seps := []string{" ", "-", ".", " - ", "·", "🎉", "*", " . ", "_", "❤️"}
		return mapRuns(s, func(run string) string {
			if len(run) < 3 {
				return run
			}
			sep := seps[rng.IntN(len(seps))]
			return strings.Join(strings.Split(run, ""), sep)
		})
	},
	"letters spaced out": func(rng *rand.Rand, s string) string {
		seps := []string{" ", "-", ".", "*"}
		lower := rng.IntN(2) == 0
		var out []string
		for _, w := range strings.Fields(s) {
			if len([]rune(w)) < 4 || !unicode.IsUpper([]rune(w)[0]) {
				out = append(out, w)
				continue
			}
			if lower {
				w = strings.ToLower(w)
			}
			out = append(out, strings.Join(strings.Split(w, ""), seps[rng.IntN(len(seps))]))
		}
		return strings.Join(out, " ")
	},
}

func mapDigits(s string, f func(int) string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteString(f(int(r - '0')))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mapRuns replaces every run of ASCII digits.
func mapRuns(s string, f func(string) string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i {
			b.WriteString(f(s[i:j]))
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestCaughtUnderEveryDisguise is holdout 5's evasion category as a
// property: every identifier format is still caught when its digits are
// another script's or keycaps, spelled out in English or Spanish, or split
// by spaces, dashes, dots or emoji, and when a name is spelled out letter
// by letter, in lower case or not, with spaces and widths varied on top;
// and a finding points into the disguised identifier in the writer's text.
func TestCaughtUnderEveryDisguise(t *testing.T) {
	names := make([]string, 0, len(disguises))
	for name := range disguises {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, c := range disguised {
		pre, post, ok := strings.Cut(c.note, c.ident)
		if !ok {
			t.Fatalf("%q not in %q", c.ident, c.note)
		}
		for _, name := range names {
			disguise := disguises[name]
			if name == "letters spaced out" && strings.ContainsAny(c.ident, "0123456789") && !strings.ContainsAny(c.ident, "abcdefghijklmnopqrstuvwxyz") {
				continue // a number has no letters to spell out
			}
			prop := func(seed uint64) bool {
				rng := rand.New(rand.NewPCG(seed, 11))
				d := disguise(rng, c.ident)
				if d == c.ident {
					return true // nothing to disguise ("bed 12" split apart)
				}
				vp, vd, vs := vary(rng, pre), vary(rng, " "+d+" "), vary(rng, post)
				v := vp + vd + vs
				found := phi.Scan(v)
				inside := false
				for _, f := range found {
					if v[f.Start:f.End] != f.Text || !utf8.ValidString(f.Text) {
						t.Errorf("span %+v does not match %q", f, v)
					}
					inside = inside || f.Start < len(vp)+len(vd) && f.End > len(vp)
				}
				if len(found) > 0 && !inside && !strings.Contains(name, "letters") {
					t.Logf("%s: no finding inside the disguised %q: %+v", name, vd, found)
					return false
				}
				if len(found) == 0 || len(phi.Scan(phi.Normalize(v, true))) == 0 {
					t.Logf("%s: not caught: %q", name, v)
					return false
				}
				return true
			}
			if err := quick.Check(prop, &quick.Config{MaxCount: 60}); err != nil {
				t.Errorf("%s %q: %v", name, c.note, err)
			}
		}
	}
}

// TestSpelledSpanishDate: a date of birth written out in Spanish words
// ("tres de marzo de mil novecientos cincuenta y uno") is caught as one,
// for any day, month and year, and the finding covers the words.
func TestSpelledSpanishDate(t *testing.T) {
	units := []string{"", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"}
	tens := []string{"", "diez", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	teens := []string{"diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve"}
	small := func(n int) string {
		switch {
		case n < 10:
			return units[n]
		case n < 20:
			return teens[n-10]
		case n%10 == 0:
			return tens[n/10]
		case n < 30:
			return map[int]string{21: "veintiuno", 22: "veintidós", 23: "veintitrés", 24: "veinticuatro", 25: "veinticinco",
				26: "veintiséis", 27: "veintisiete", 28: "veintiocho", 29: "veintinueve"}[n]
		}
		return tens[n/10] + " y " + units[n%10]
	}
	months := []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
	hundreds := []string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"}
	prop := func(seed uint64) bool {
		rng := rand.New(rand.NewPCG(seed, 3))
		day, month, year := 1+rng.IntN(28), rng.IntN(12), 1920+rng.IntN(100)
		y := "mil " + hundreds[9]
		if year >= 2000 {
			y = "dos mil"
		}
		if r := year % 100; r > 0 {
			y += " " + small(r)
		}
		date := small(day) + " de " + months[month] + " de " + y
		note := "Fecha de nacimiento: " + date + ", gracias a todo el equipo"
		for _, f := range phi.Scan(note) {
			if f.Kind == phi.KindBirthDate && strings.Contains(f.Text, "de "+months[month]) {
				return true
			}
		}
		t.Logf("not caught as a date of birth: %q %+v", note, phi.Scan(note))
		return false
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 200}); err != nil {
		t.Error(err)
	}
}
