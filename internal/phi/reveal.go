package phi

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// reveal is the scanner's view of a normalised note: identifiers that a
// writer disguised so that a pattern would not see them are put back into
// the shape the detectors know, and for every byte of the view it says
// which bytes of the input it came from, so that findings still point at
// the writer's own text. Only the scanner sees this view: what is stored
// is the note as written (Normalize), never "6621" for "six six two one".
//
// The disguises undone are formats, not words, so every detector gains
// from them at once:
//   - every Unicode decimal digit (Arabic-Indic, Devanagari, Bengali …)
//     becomes its ASCII digit; a keycap "1️⃣" becomes "1";
//   - an emoji or symbol between two digits becomes a space ("07700🎉900");
//   - digits spelled out in English or Spanish, two or more in a row or
//     three or more digits in all ("six six two one", "zero seven seven
//     zero zero", "nineteen fifty one", "cuarenta y dos", "double nine"),
//     become digits; a Spanish date written out ("tres de marzo de mil
//     novecientos cincuenta y uno") becomes "3 de marzo de 1951";
//   - an e-mail address spelled out ("layla dot hassan at gmail dot com");
//   - letters and digits written one at a time with spaces, dashes, dots
//     or stars between them ("k o w a l s k i", "o-k-o-n-k-w-o",
//     "R X 1 - 4 4 8 - 9 0 2") become one word; a spelled-out word the
//     name gazetteer knows gets its capital back ("m a t e o" → "Mateo").
//
// Each step runs only when a cheap test says it could apply, so a plain
// note costs one pass over its bytes.
func reveal(s string) (string, [][2]int, bool) {
	var spans [][2]int
	changed := false
	for _, step := range []func(string) []edit{revealDigits, revealEmail, revealSpanishDates, revealNumberWords, revealSpelled} {
		edits := step(s)
		if len(edits) == 0 {
			continue
		}
		out, sp := applyEdits(s, edits)
		if spans == nil {
			spans = sp
		} else {
			composed := make([][2]int, len(sp))
			for i, x := range sp {
				composed[i] = [2]int{spans[x[0]][0], spans[x[1]-1][1]}
			}
			spans = composed
		}
		s = out
		changed = true
	}
	return s, spans, changed
}

// piece is text written into the view for the input bytes s..e.
type piece struct {
	text string
	s, e int
}

// edit replaces the input bytes s..e by its pieces.
type edit struct {
	s, e   int
	pieces []piece
}

// applyEdits writes s with its (ordered, disjoint) edits applied, and the
// input span of every output byte.
func applyEdits(s string, edits []edit) (string, [][2]int) {
	var b strings.Builder
	b.Grow(len(s))
	spans := make([][2]int, 0, len(s))
	copyRange := func(from, to int) {
		for i := from; i < to; {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			for k := 0; k < size; k++ {
				spans = append(spans, [2]int{i, i + size})
			}
			i += size
		}
	}
	at := 0
	for _, e := range edits {
		copyRange(at, e.s)
		for _, p := range e.pieces {
			b.WriteString(p.text)
			for k := 0; k < len(p.text); k++ {
				spans = append(spans, [2]int{p.s, p.e})
			}
		}
		at = e.e
	}
	copyRange(at, len(s))
	return b.String(), spans
}

// digitValue is the value of a Unicode decimal digit: the Nd ranges are
// runs of whole decimal sets, each starting at its zero.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.IsDigit(r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// revealDigits: other scripts' digits, keycaps, and symbols between digits.
func revealDigits(s string) []edit {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return nil
	}
	var edits []edit
	lastDigitEnd := -1 // end of the last digit, for symbols and keycap marks after it
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch v, ok := digitValue(r); {
		case ok:
			if r > '9' {
				edits = append(edits, edit{i, i + size, []piece{{string(rune('0' + v)), i, i + size}}})
			}
			lastDigitEnd = i + size
		case (r == '\ufe0f' || r == '\u20e3' || r == '\u200c' || r == '\u200d') && lastDigitEnd == i:
			edits = append(edits, edit{i, i + size, nil}) // the keycap's marks
			lastDigitEnd = i + size
		case lastDigitEnd == i && symbolRune(r):
			// symbols (and spaces) up to the next digit become one space
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !symbolRune(r2) && r2 != ' ' && r2 != '\ufe0f' && r2 != '\u200d' && r2 != '\u200c' {
					break
				}
				j += sz
			}
			if r2, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && unicode.IsDigit(r2) {
				edits = append(edits, edit{i, j, []piece{{" ", i, j}}})
				i = j
				continue
			}
		}
		i += size
	}
	return edits
}

// symbolRune: an emoji or other pictograph, never a letter, digit or the
// punctuation that means something inside a number.
func symbolRune(r rune) bool {
	return r >= 0x2190 && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r >= 0x1f3fb && r <= 0x1f3ff)
}

// revealEmail: "layla dot hassan at gmail dot com" → "layla.hassan@gmail.com".
func revealEmail(s string) []edit {
	if !containsFold(s, "dot") {
		return nil
	}
	ws := simpleWords(s)
	var edits []edit
	for k := 0; k < len(ws); k++ {
		// find "<w> at <w> dot <tld>" with optional "dot <w>" before "at"
		if ws[k].low != "at" || k == 0 || k+3 >= len(ws) || !ws[k-1].word {
			continue
		}
		// domain: word (dot word)+ ending in a top-level domain
		j := k + 1
		if !ws[j].word {
			continue
		}
		end := j
		for end+2 < len(ws) && ws[end+1].low == "dot" && ws[end+2].word {
			end += 2
		}
		if end == j || !tld[ws[end].low] {
			continue
		}
		// local part: word (dot word)* before "at"
		start := k - 1
		for start-2 >= 0 && ws[start-1].low == "dot" && ws[start-2].word {
			start -= 2
		}
		var ps []piece
		for x := start; x <= end; x++ {
			w := ws[x]
			switch {
			case x == k:
				ps = append(ps, piece{"@", w.s, w.e})
			case w.low == "dot":
				ps = append(ps, piece{".", w.s, w.e})
			default:
				ps = append(ps, piece{s[w.s:w.e], w.s, w.e})
			}
		}
		if len(edits) > 0 && edits[len(edits)-1].e > ws[start].s {
			continue
		}
		edits = append(edits, edit{ws[start].s, ws[end].e, ps})
		k = end
	}
	return edits
}

var tld = map[string]bool{"com": true, "org": true, "net": true, "uk": true, "es": true, "edu": true, "gov": true, "io": true,
	"mx": true, "fr": true, "de": true, "ie": true, "au": true, "ca": true, "us": true, "info": true, "me": true, "co": true}

// sword is a word of the view's simple lexer: a run of letters and digits
// (word) or one other non-space character; spaces are skipped and counted.
type sword struct {
	s, e   int
	low    string
	word   bool
	letter bool // letters only
	digits bool // digits only
	gap    string
}

func simpleWords(s string) []sword {
	var out []sword
	gapStart := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		w := sword{s: i, gap: s[gapStart:i]}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			w.word, w.letter, w.digits = true, true, true
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				switch {
				case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
					w.digits = false
				case unicode.IsDigit(r):
					w.letter = false
				default:
					goto done
				}
				i += size
			}
		} else {
			i += size
		}
	done:
		w.e = i
		w.low = strings.ToLower(s[w.s:w.e])
		out = append(out, w)
		gapStart = i
	}
	return out
}

// unitWords are the digits spelled out; tensWords the tens, teenWords ten
// to nineteen; English and Spanish.
var (
	unitWords = map[string]int{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "cero": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
		"nueve": 9}
	tensWords = map[string]int{"twenty": 2, "thirty": 3, "forty": 4, "fourty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
		"eighty": 8, "ninety": 9, "veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7,
		"ochenta": 8, "noventa": 9}
	teenWords = map[string]string{"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
		"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "diez": "10", "once": "11",
		"doce": "12", "trece": "13", "catorce": "14", "quince": "15", "dieciséis": "16", "dieciseis": "16",
		"diecisiete": "17", "dieciocho": "18", "diecinueve": "19", "veintiuno": "21", "veintidós": "22", "veintidos": "22",
		"veintitrés": "23", "veintitres": "23", "veinticuatro": "24", "veinticinco": "25", "veintiséis": "26",
		"veintiseis": "26", "veintisiete": "27", "veintiocho": "28", "veintinueve": "29"}
)

// numberWord is the digits one spelled word stands for, and whether it is
// a single digit ("six") rather than a number ("twelve").
func numberWord(low string) (string, bool, bool) {
	if v, ok := unitWords[low]; ok {
		return string(rune('0' + v)), true, true
	}
	if v, ok := tensWords[low]; ok {
		return string(rune('0'+v)) + "0", false, true
	}
	if t, ok := teenWords[low]; ok {
		return t, false, true
	}
	return "", false, false
}

// revealNumberWords: runs of spelled digits become digits. A run is two
// or more number words joined by spaces, commas, dashes or dots ("zero
// seven seven zero zero, nine zero zero"); it is read as digits when it
// has two single digits or gives three digits or more, so "one or two",
// "twenty minutes" and "seven" stay words. "eighty eight" is 88,
// "cuarenta y dos" 42; "oh" is a zero inside a run.
func revealNumberWords(s string) []edit {
	if !numberWordPair(s) {
		return nil
	}
	ws := simpleWords(s)
	var edits []edit
	for k := 0; k < len(ws); k++ {
		if _, _, ok := numberWord(ws[k].low); !ok && !(ws[k].low == "oh" && k+1 < len(ws) && unitWords[ws[k+1].low] > 0) {
			continue
		}
		type num struct {
			digits string
			unit   bool
			i      int // word index
			to     int // last word index when a piece spans two ("double nine")
		}
		var run []num
		j := k
		for j < len(ws) {
			w := ws[j]
			d, unit, ok := numberWord(w.low)
			if !ok && w.low == "oh" && (len(run) > 0 || j+1 < len(ws) && unitWords[ws[j+1].low] > 0) {
				d, unit, ok = "0", true, true
			}
			// "double nine", "triple oh": the UK way of saying a phone number
			if times := map[string]int{"double": 2, "triple": 3, "doble": 2}[w.low]; times > 0 && j+1 < len(ws) {
				if u, isUnit, ok2 := numberWord(ws[j+1].low); ok2 && isUnit || ws[j+1].low == "oh" {
					if !ok2 {
						u = "0"
					}
					run = append(run, num{strings.Repeat(u, times), true, j, j + 1})
					j = nextRunWord(ws, j+1)
					continue
				}
			}
			if !ok {
				break
			}
			// a tens word and its unit: "eighty eight", "eighty-eight", "cuarenta y dos"
			if len(run) > 0 && unit && d != "0" {
				last := &run[len(run)-1]
				if strings.HasSuffix(last.digits, "0") && len(last.digits) == 2 && !last.unit && last.digits != "10" {
					last.digits = last.digits[:1] + d
					last.unit = false
					run = append(run, num{"", true, j, j})
					j = nextRunWord(ws, j)
					continue
				}
			}
			run = append(run, num{d, unit, j, j})
			j = nextRunWord(ws, j)
		}
		units, total, words := 0, 0, 0
		for _, n := range run {
			if n.digits == "" {
				continue
			}
			words++
			total += len(n.digits)
			if n.unit {
				units++
			}
		}
		if len(run) == 0 {
			continue
		}
		lastWord := run[len(run)-1].to
		if len(run) >= 2 && (units >= 2 || total >= 3) {
			var ps []piece
			prevEnd := -1
			for _, n := range run {
				w := ws[n.i]
				if n.digits == "" { // the unit folded into its tens word
					ps[len(ps)-1].e = w.e
					continue
				}
				if prevEnd >= 0 && strings.ContainsAny(s[prevEnd:w.s], ",;") {
					ps = append(ps, piece{" ", prevEnd, w.s}) // "zero seven, nine zero": groups stay groups
				}
				ps = append(ps, piece{n.digits, w.s, ws[n.to].e})
				prevEnd = ws[n.to].e
			}
			edits = append(edits, edit{ws[k].s, ws[lastWord].e, ps})
		}
		k = lastWord
	}
	return edits
}

// nextRunWord is the index of the next word of a spelled number run after
// word j, skipping one joining comma, dash, dot or Spanish "y".
func nextRunWord(ws []sword, j int) int {
	n := j + 1
	if n < len(ws) && (ws[n].low == "," || ws[n].low == "-" || ws[n].low == "." || ws[n].low == "y" && tensWords[ws[j].low] > 0) {
		n++
	}
	return n
}

// revealSpelled: letters and digits written one at a time ("k o w a l s k
// i", "o-k-o-n-k-w-o", "R X 1 - 4 4 8") become words. A run is single
// characters (numbers of any length may join them: "K P 19 X L M") with
// the same separator between each: a space, or a dash, dot, star,
// underscore or bullet with or without spaces. A run of three or more
// items is one word; a spelled word and the number after it split ("b e
// d 1 4" → "bed 14"); a shorter run right after a long one joins too ("R
// X 1 - 4 4 8"). Two initials ("A.O.", "e.g.") are left alone.
func revealSpelled(s string) []edit {
	if !singlesRun(s) {
		return nil
	}
	ws := simpleWords(s)
	single := func(k int) bool { return k < len(ws) && ws[k].word && utf8.RuneCountInString(ws[k].low) == 1 }
	// sepAfter is the separator after word k and the index of the next word
	sepAfter := func(k int) (string, int) {
		n := k + 1
		if n >= len(ws) {
			return "", n
		}
		if !ws[n].word && strings.Contains("-.*_·•|/", ws[n].low) && n+1 < len(ws) {
			return collapseSpaces(ws[n].gap + ws[n].low + ws[n+1].gap), n + 1
		}
		return collapseSpaces(ws[n].gap), n
	}
	var edits []edit
	prevRunEnd, prevLong := -1, false
	for k := 0; k < len(ws); k++ {
		if !single(k) {
			continue
		}
		items := []int{k}
		sep0 := ""
		for j := k; ; {
			sep, n := sepAfter(j)
			if n >= len(ws) || !ws[n].word || sep == "" || strings.Contains(sep, "\n") || sep0 != "" && sep != sep0 {
				break
			}
			if !single(n) && !(ws[n].digits && len(ws[n].low) <= 4) {
				break
			}
			sep0 = sep
			items = append(items, n)
			j = n
		}
		singlesIn := 0
		for _, x := range items {
			if single(x) {
				singlesIn++
			}
		}
		// a short run continues a long one: "R X 1 - 4 4 8 - 9 0 2"
		joined := false
		if prevLong && len(edits) > 0 && prevEndOf(edits) == prevRunEnd && len(items) >= 2 {
			gap := strings.TrimSpace(s[prevRunEnd:ws[items[0]].s])
			joined = gap == "-" || gap == "." || gap == "/"
		}
		prevRunEnd = ws[items[len(items)-1]].e
		prevLong = prevLong && joined || singlesIn >= 3
		allLetters := true
		for _, x := range items {
			allLetters = allLetters && ws[x].letter
		}
		if sep0 == "." && allLetters && len(items) <= 4 && !joined {
			k = items[len(items)-1]
			continue // an abbreviation: "d.o.b", "a.m", "U.S.A"
		}
		if singlesIn < 3 && !joined {
			k = items[len(items)-1]
			continue
		}
		if joined {
			// the separator between the runs becomes a plain dash or nothing: "RX1-448-902"
			gap := strings.TrimSpace(s[prevEndOf(edits):ws[items[0]].s])
			edits = append(edits, edit{prevEndOf(edits), ws[items[0]].s, []piece{{gap, prevEndOf(edits), ws[items[0]].s}}})
		}
		// split a spelled word from the number after it
		from := 0
		for x := 1; x <= len(items); x++ {
			split := x == len(items)
			if !split && ws[items[x]].digits && ws[items[x-1]].letter {
				letters := 0
				for _, y := range items[from:x] {
					if ws[y].letter {
						letters++
					}
				}
				split = letters >= 3 && letters == x-from
			}
			if !split {
				continue
			}
			edits = append(edits, spelledWord(s, ws, items[from:x]))
			from = x
		}
		k = items[len(items)-1]
	}
	return edits
}

// spelledWord joins one spelled word, with its capital back when the name
// gazetteer knows it.
func spelledWord(s string, ws []sword, items []int) edit {
	var wb strings.Builder
	letters := true
	for _, x := range items {
		wb.WriteString(ws[x].low)
		letters = letters && ws[x].letter
	}
	capital := letters && len(items) >= 3 && nameStrength(wb.String()) > 0
	var ps []piece
	for idx, x := range items {
		t := s[ws[x].s:ws[x].e]
		if capital {
			if idx == 0 {
				t = strings.ToUpper(t)
			} else {
				t = strings.ToLower(t)
			}
		}
		ps = append(ps, piece{t, ws[x].s, ws[x].e})
	}
	return edit{ws[items[0]].s, ws[items[len(items)-1]].e, ps}
}

func collapseSpaces(s string) string {
	if strings.Contains(s, "\n") {
		return "\n"
	}
	f := strings.Fields(s)
	out := strings.Join(f, "")
	if strings.HasPrefix(s, " ") || s == "" {
		if out == "" && s != "" {
			return " "
		}
		if s != "" {
			out = " " + out
		}
	}
	if strings.HasSuffix(s, " ") && out != " " {
		out += " "
	}
	return out
}

func prevEndOf(edits []edit) int { return edits[len(edits)-1].e }

// liteWords calls f with the span of every run of letters and digits,
// without allocating: the cheap test before a step's real work.
func liteWords(s string, f func(from, to int) bool) {
	start := -1
	for i := 0; i <= len(s); {
		r, size := rune(' '), 1
		if i < len(s) {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
		}
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if !f(start, i) {
				return
			}
			start = -1
		}
		i += size
	}
}

// numberWordPair: two number words in a row, only spaces and a comma,
// dash or dot between them ("six six", "eighty-eight").
func numberWordPair(s string) bool {
	var buf [16]byte
	prevEnd, found := -1, false
	liteWords(s, func(from, to int) bool {
		isNum := false
		if n := to - from; n >= 2 && n <= len(buf) {
			for k := 0; k < n; k++ {
				c := s[from+k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			w := string(buf[:n]) // no allocation: a map key
			_, isNum = unitWords[w]
			isNum = isNum || tensWords[w] > 0 || teenWords[w] != "" || w == "oh" || w == "double" || w == "triple"
		}
		if isNum && prevEnd >= 0 && strings.Trim(s[prevEnd:from], " ,-.") == "" {
			found = true
			return false
		}
		if isNum {
			prevEnd = to
		} else {
			prevEnd = -1
		}
		return true
	})
	return found
}

// singlesRun: three single characters, each after the last with no more
// than four bytes between them ("k o w", "1 - 4").
func singlesRun(s string) bool {
	n, prevEnd, found := 0, -1, false
	liteWords(s, func(from, to int) bool {
		if _, size := utf8.DecodeRuneInString(s[from:]); size != to-from {
			n, prevEnd = 0, -1
			return true
		}
		if prevEnd >= 0 && from-prevEnd <= 4 {
			n++
		} else {
			n = 1
		}
		prevEnd = to
		found = n >= 3
		return !found
	})
	return found
}

// spanishHundreds are the hundreds of a Spanish year ("mil novecientos …").
var spanishHundreds = map[string]int{"cien": 1, "ciento": 1, "doscientos": 2, "doscientas": 2, "trescientos": 3, "trescientas": 3,
	"cuatrocientos": 4, "cuatrocientas": 4, "quinientos": 5, "quinientas": 5, "seiscientos": 6, "seiscientas": 6,
	"setecientos": 7, "setecientas": 7, "ochocientos": 8, "ochocientas": 8, "novecientos": 9, "novecientas": 9}

var spanishMonths = map[string]bool{"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true, "junio": true,
	"julio": true, "agosto": true, "septiembre": true, "setiembre": true, "octubre": true, "noviembre": true, "diciembre": true}

// revealSpanishDates: a Spanish date written out, "tres de marzo de mil
// novecientos cincuenta y uno" → "3 de marzo de 1951": a year with "mil"
// (1000–2099), and a day (one to thirty-one) right before "de <mes>".
func revealSpanishDates(s string) []edit {
	if !containsFold(s, "mil") && !strings.Contains(s, " de ") {
		return nil
	}
	ws := simpleWords(s)
	var edits []edit
	for k := 0; k < len(ws); k++ {
		// a day before "de <mes>"
		if k+2 < len(ws) && ws[k+1].low == "de" && spanishMonths[ws[k+2].low] {
			if v, end, ok := spanishSmall(ws, k); ok && v >= 1 && v <= 31 && end == k {
				edits = append(edits, edit{ws[k].s, ws[k].e, []piece{{itoa(v), ws[k].s, ws[k].e}}})
				continue
			}
		}
		// a year: [dos] mil [hundreds] [tens [y unit] | teen | unit]
		start, v := k, 0
		j := k
		if ws[j].low == "dos" && j+1 < len(ws) && ws[j+1].low == "mil" {
			v, j = 2000, j+2
		} else if ws[j].low == "mil" {
			v, j = 1000, j+1
		} else {
			continue
		}
		if j < len(ws) && spanishHundreds[ws[j].low] > 0 {
			v += 100 * spanishHundreds[ws[j].low]
			j++
		}
		if r, end, ok := spanishSmall(ws, j); ok {
			v += r
			j = end + 1
		}
		if v < 1000 || v > 2099 || j-start < 2 {
			continue
		}
		edits = append(edits, edit{ws[start].s, ws[j-1].e, []piece{{itoa(v), ws[start].s, ws[j-1].e}}})
		k = j - 1
	}
	return edits
}

// spanishSmall reads 1–99 in Spanish words from ws[k]: a unit, a teen or
// "veinti…", or a tens word with "y" and a unit; it returns the value and
// the index of its last word.
func spanishSmall(ws []sword, k int) (int, int, bool) {
	if k >= len(ws) {
		return 0, 0, false
	}
	w := ws[k].low
	if v, ok := unitWords[w]; ok {
		return v, k, true
	}
	if t, ok := teenWords[w]; ok {
		return int(t[0]-'0')*10 + int(t[1]-'0'), k, true
	}
	if t := tensWords[w]; t > 0 {
		if k+2 < len(ws) && ws[k+1].low == "y" {
			if u, ok := unitWords[ws[k+2].low]; ok {
				return t*10 + u, k + 2, true
			}
		}
		return t * 10, k, true
	}
	return 0, 0, false
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b []byte
	for ; v > 0; v /= 10 {
		b = append([]byte{byte('0' + v%10)}, b...)
	}
	return string(b)
}

// containsFold: sub (ASCII, lower case) is in s in any case, without
// allocating a lower-cased copy of s.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
