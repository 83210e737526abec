package phi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize is what every note and story is turned into before it is
// scanned and stored, however it arrives (form, REST, dashboard): NFKC
// (full-width "ＭＲＮ １２３" becomes "MRN 123", ligatures and super-
// scripts become plain letters and digits), every Unicode space becomes
// " ", zero-width and other invisible format characters are dropped, and
// control characters and bidi overrides are stripped. Text pasted from an
// EHR with non-breaking spaces, or written to slip past the guard, then
// reads to the scanner as it reads to a person.
//
// Newlines are kept when multiline (CRLF, CR and U+2028/2029 become "\n"),
// otherwise they become spaces; tabs become spaces. Zero-width joiners are
// kept between emoji and inside scripts that need them (a family emoji, a
// Devanagari conjunct), never next to a Latin letter, digit or space.
// Invalid UTF-8 is returned as it is, for validation to report: nothing is
// silently altered.
func Normalize(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return s
	}
	if isNormal(s, multiline) {
		return s
	}
	out, _ := normalizeMap(s, multiline, false)
	return out
}

// isNormal is the fast path: most notes are plain text that Normalize
// would not change.
func isNormal(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return norm.NFKC.IsNormalString(s) && !strings.ContainsFunc(s, func(r rune) bool {
				m, joiner := mapRune(r, multiline)
				return m != r || joiner
			})
		}
		if c < ' ' && !(c == '\n' && multiline) || c == 0x7f {
			return false
		}
	}
	return true
}

// mapRune says what one rune becomes: itself, a space or newline, or
// nothing (-1). joiner reports a zero-width joiner or non-joiner, whose
// fate depends on its neighbours.
func mapRune(r rune, multiline bool) (rune, bool) {
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		if multiline {
			return '\n', false
		}
		return ' ', false
	case r == '\u200c' || r == '\u200d':
		return r, true
	case r == ' ':
		return r, false
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || r == '\u2800' || r == '\u3164' || r == '\uffa0' || r == '\u115f' || r == '\u1160':
		return ' ', false // tabs, NBSP, thin and ideographic spaces, blank look-alikes
	case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u034f':
		return -1, false // C0/C1 controls, bidi overrides, BOM, soft hyphen, zero-width space, word joiner
	}
	return r, false
}

// plainRune is a neighbour next to which a joiner can only be hiding
// something: Latin letters, digits, spaces and punctuation.
func plainRune(r rune) bool {
	return r < 0x250 || unicode.IsSpace(r) || unicode.IsDigit(r) || unicode.IsPunct(r) || r == utf8.RuneError
}

// normalizeMap normalises s and, when withMap, also returns for every byte
// of the result the span of s it came from, so that findings in the
// normalised text can be reported in the caller's text.
func normalizeMap(s string, multiline, withMap bool) (string, [][2]int) {
	// 1. NFKC, segment by segment, remembering where each segment came from
	var (
		nfkc  strings.Builder
		spans [][2]int
		it    norm.Iter
	)
	nfkc.Grow(len(s))
	it.InitString(norm.NFKC, s)
	for !it.Done() {
		from := it.Pos()
		seg := it.Next()
		to := it.Pos()
		nfkc.Write(seg)
		if withMap {
			for range seg {
				spans = append(spans, [2]int{from, to})
			}
		}
	}
	n := nfkc.String()
	// 2. spaces, controls and invisible characters
	var (
		out      strings.Builder
		outSpans [][2]int
	)
	out.Grow(len(n))
	prev := rune(-1)
	for i, r := range n {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1
		}
		m, joiner := mapRune(r, multiline)
		next, _ := utf8.DecodeRuneInString(n[i+size:])
		switch {
		case r == '\r' && next == '\n':
			m = -1 // CRLF is one line break
		case joiner && (prev < 0 || i+size >= len(n) || plainRune(prev) || plainRune(next)):
			m = -1
		}
		if m < 0 {
			continue
		}
		w := out.Len()
		out.WriteRune(m)
		if withMap {
			src := [2]int{spans[i][0], spans[i+size-1][1]}
			for j := w; j < out.Len(); j++ {
				outSpans = append(outSpans, src)
			}
		}
		prev = m
	}
	return out.String(), outSpans
}
