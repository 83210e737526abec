package phi

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord  tkind = iota // letters only: "Kowalski", "O'Brien"
	tNum                // digits only: "12"
	tAlnum              // letters and digits: "RX1234567", "4B", "7am"
	tPunct              // one other character: ".", "@", "("
)

// token is a word, number or punctuation mark of the scanned text.
type token struct {
	s, e  int    // byte span in the text
	kind  tkind  //
	low   string // lower-case text
	base  string // low without a possessive "'s"
	cap   bool   // starts with an upper-case letter
	upper bool   // two or more letters, all upper-case
	sp    bool   // space before it
	nl    bool   // line break before it
	sent  int    // sentence number
	first bool   // first word of its sentence
	cats  cat    // categories of the phrases that start here (see doc.hits)
}

// tokenize splits text into tokens. Letters and digits run together
// ("bed12" is one token); an apostrophe between letters stays in the word.
func tokenize(text string) []token {
	var toks []token
	sp, nl := true, true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			sp, nl = true, true
			i += size
			continue
		case unicode.IsSpace(r):
			sp = true
			i += size
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			start := i
			letters, digits := false, false
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				switch {
				case unicode.IsLetter(r):
					letters = true
				case unicode.IsDigit(r):
					digits = true
				case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
				case (r == '\'' || r == '’') && i > start && letters:
					next, _ := utf8.DecodeRuneInString(text[i+size:])
					if !unicode.IsLetter(next) {
						goto done
					}
				default:
					goto done
				}
				i += size
			}
		done:
			t := token{s: start, e: i, sp: sp, nl: nl}
			word := text[start:i]
			switch {
			case letters && digits:
				t.kind = tAlnum
			case digits:
				t.kind = tNum
			default:
				t.kind = tWord
			}
			t.low = strings.ToLower(strings.ReplaceAll(word, "’", "'"))
			t.base = strings.TrimSuffix(t.low, "'s")
			if t.base == t.low {
				t.base = strings.TrimSuffix(t.low, "'")
			}
			first, _ := utf8.DecodeRuneInString(word)
			t.cap = unicode.IsUpper(first)
			if letters {
				t.upper = true
				n := 0
				for _, c := range word {
					if unicode.IsLetter(c) {
						n++
						if !unicode.IsUpper(c) {
							t.upper = false
						}
					}
				}
				t.upper = t.upper && n > 1
			}
			toks = append(toks, t)
		default:
			toks = append(toks, token{s: i, e: i + size, kind: tPunct, low: text[i : i+size], base: text[i : i+size], sp: sp, nl: nl})
			i += size
		}
		sp, nl = false, false
	}
	return toks
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sr": true, "sra": true, "srta": true, "prof": true,
	"no": true, "nº": true, "pt": true, "rm": true, "m": true, "mme": true, "dra": true, "dob": true, "vs": true, "etc": true,
	"e.g": true, "i.e": true, "ave": true, "rd": true, "apt": true, "hab": true, "avda": true, "c": true, "d": true, "dña": true,
	"jr": true, "mx": true, "mstr": true, "acct": true, "hosp": true, "tel": true, "ext": true, "approx": true, "dept": true,
}

// sentences numbers the sentences: a sentence ends at . ! ? ; or a line
// break, but not at the stop of "Mrs." or inside "3.5" or "d.o.b".
func sentences(toks []token) {
	n := 0
	startNext := true
	for i := range toks {
		t := &toks[i]
		if t.nl && i > 0 {
			if !startNext {
				n++
			}
			startNext = true
		}
		t.sent = n
		if startNext && t.kind != tPunct {
			t.first = true
			startNext = false
		}
		if t.kind != tPunct {
			continue
		}
		switch t.low {
		case "!", "?", ";", "…":
		case ".":
			if i > 0 && toks[i-1].kind != tPunct && (abbreviations[toks[i-1].low] || len([]rune(toks[i-1].low)) == 1) {
				continue
			}
			if i+1 < len(toks) && !toks[i+1].sp {
				continue // 3.5, d.o.b, www.x.org
			}
		default:
			continue
		}
		n++
		startNext = true
	}
}
