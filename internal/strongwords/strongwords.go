// Package strongwords finds strong language and abuse in a note or story,
// so the desk can keep it out of "approve all without findings" and say why
// in plain words ("strong language"). It is a small embedded list of whole
// words in English and Spanish (words.txt), matched without regard to case
// or accents after the PHI guard's normalisation (phi.Normalize: NFKC,
// odd spaces and invisible characters gone), so "MIERDA", "Cabrón" and
// "ｓｈｉｔ" are found and "Scunthorpe" or "shitake" are not.
//
// It never rejects anything: a held note waits for a moderator's one tap.
package strongwords

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

//go:embed words.txt
var wordsTxt string

var (
	once  sync.Once
	words map[string]bool
)

func load() {
	words = map[string]bool{}
	for _, line := range strings.Split(wordsTxt, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words[fold(w)] = true
		}
	}
}

// fold lower-cases (Unicode case folding) and drops accents: "Cabrón" →
// "cabron", "IMBÉCIL" → "imbecil". ñ becomes n too, which the list allows
// for (no word in it differs from another only by ñ).
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return cases.Fold().String(out)
}

// Find returns the first word of the list found in text (as written), or ""
// if there is none. Words are runs of letters and digits; an apostrophe
// inside a word ("fuckin'") ends it.
func Find(text string) string {
	once.Do(load)
	text = phi.Normalize(text, true)
	for _, w := range strings.FieldsFunc(text, notInWord) {
		if words[fold(w)] {
			return w
		}
	}
	return ""
}

// notInWord: words are letters, digits and combining marks (a decomposed
// accent stays inside its word).
func notInWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// In reports whether any of the texts holds a word of the list.
func In(texts ...string) bool {
	for _, t := range texts {
		if Find(t) != "" {
			return true
		}
	}
	return false
}
