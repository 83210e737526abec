package strongwords_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/strongwords"
)

func TestFind(t *testing.T) {
	held := []string{
		"What a shit shift, thanks for getting us through it",
		"You're a fucking legend",
		"SHIT happens, you handled it",
		"Gracias por aguantar esta mierda de turno",
		"Eres un cabrón genial", // with the accent
		"Eres un cabron genial", // without it
		"Eres un CABRÓN genial", // upper case
		"IMBÉCIL el que no te dé las gracias",
		"ｓｈｉｔ, what a night", // full-width: NFKC first
		"f\u200buck",         // a zero-width space the guard's normalisation drops
		"joder, qué noche",
		"Cabro\u0301n", // a decomposed accent
	}
	for _, s := range held {
		if strongwords.Find(s) == "" {
			t.Errorf("not found in %q", s)
		}
	}
	clean := []string{
		"Thank you for staying late with a patient when she was scared.",
		"Scunthorpe General sends its thanks", // a word inside a word
		"shitake risotto at the party was great",
		"Dickens reading group, thank you Ana",
		"Gracias, Ana, por tu paciencia en el turno de noche",
		"La computadora nueva funciona", // puta inside a word
		"Thanks for the cocktail night",
		"", "   ",
	}
	for _, s := range clean {
		if w := strongwords.Find(s); w != "" {
			t.Errorf("%q held for %q", s, w)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Eres un cabrón genial")
	f.Add("\xff\xfe shit")
	f.Fuzz(func(t *testing.T, s string) {
		_ = strongwords.Find(s)
	})
}
