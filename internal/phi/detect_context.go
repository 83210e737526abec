package phi

import (
	"strconv"
	"strings"
	"unicode"
)

// patientCtx are the cues that put a sentence in a patient's context.
const patientCtx = cPatientNoun | cEvent | cDiagnosis | cPatientTitle

// findPlaces finds a bed, bay, room or cubicle with its number ("bed 12",
// "bed12", "Bay 3", "cama doce", "lit 12"), unless the place is a staff
// space, a team, a range or where equipment stands.
func (d *doc) findPlaces() {
	for k := range d.toks {
		t := d.toks[k]
		pj, v := -1, -1
		if j, ok := d.hitFrom(k, cPlace); ok && d.toks[k].kind == tWord {
			pj = j
			n := j + 1
			for n < len(d.toks) && n <= j+3 && (d.is(n, "no", "number", "num", "nº", "n", "#", ".", "º", "°", "n°") || d.toks[n].low == ":") {
				n++
			}
			if n < len(d.toks) && d.toks[n].sent == t.sent && placeNumber(d.toks[n]) {
				v = n
			}
		} else if t.kind == tAlnum { // bed12, rm4b
			letters := strings.TrimRightFunc(t.low, func(r rune) bool { return unicode.IsDigit(r) || r == 'a' || r == 'b' || r == 'c' })
			if rest := t.low[len(letters):]; rest != "" && unicode.IsDigit(rune(rest[0])) && len(rest) <= 5 {
				for _, p := range lex.phrases[letters] {
					if len(p.words) == 1 && p.cats&cPlace != 0 {
						pj, v = k, k
					}
				}
			}
		}
		if v < 0 {
			continue
		}
		if d.staffPlace(k, pj, v) {
			continue
		}
		d.addTok(KindRoomBed, k, v, prioPlace)
		d.places = append(d.places, k)
		d.placesBySent[t.sent] = append(d.placesBySent[t.sent], k)
	}
}

// placeNumber: "12", "12A", "4B", "B12", "twelve".
func placeNumber(t token) bool {
	switch t.kind {
	case tNum:
		return len(t.low) <= 4
	case tAlnum:
		return len(t.low) <= 5 && !strings.HasSuffix(t.low, "am") && !strings.HasSuffix(t.low, "pm") && !strings.HasSuffix(t.low, "th") &&
			!strings.HasSuffix(t.low, "st") && !strings.HasSuffix(t.low, "nd") && !strings.HasSuffix(t.low, "rd")
	case tWord:
		_, ok := lex.numbers[t.low]
		return ok && t.low != "one" && t.low != "un" && t.low != "una" && t.low != "a"
	}
	return false
}

// staffPlace holds the vetoes of a place finding from token k (place word
// ending at pj, number at v).
func (d *doc) staffPlace(k, pj, v int) bool {
	// "Thanks to Pod 2", "everyone on ICU Bay 2"
	for p, steps := k-1, 0; p >= 0 && steps < 4 && d.toks[p].sent == d.toks[k].sent; p, steps = p-1, steps+1 {
		if d.is(p, "the", "on", "in", "at", "of", "en", "la", "el") || d.toks[p].upper || d.toks[p].kind == tPunct && d.toks[p].low != "," {
			continue
		}
		if d.is(p, "everyone", "all", "team", "staff", "nurses", "colleagues", "crew", "todos", "todas", "equipo") ||
			d.endAt[p]&cAddressed != 0 && !d.is(p, "for", "x", "from", "love", "de", "a", "para", "pour", "à", "con", "hi", "hello", "go") {
			return true
		}
		break
	}
	n := d.nextWord(v, false)
	// "the bay 3 nurses", "bed 1 to bed 28", "beds 1-6"
	if n >= 0 && (d.is(n, "team", "nurses", "staff", "crew", "hcas", "colleagues", "equipo") || d.wcats[n]&cRole != 0 && !d.is(n, "nurse", "ot")) {
		return true
	}
	if v+2 < len(d.toks) && (d.is(v+1, "to", "-", "–", "a", "al") && (d.toks[v+2].kind == tNum || d.wcats[v+2]&cPlace != 0)) {
		return true
	}
	if d.is(k, "beds", "camas") {
		return true
	}
	// a bay as a work area: "covering bay 3", "running bay 2", "in charge of bay 4"
	if p := d.prevWord(k); p >= 0 && d.is(k, "bay", "pod", "side", "resus") && (d.is(p, "covering", "covered", "cover", "covers", "running", "ran", "run", "runs", "managing", "managed", "allocated", "assigned", "cubrir", "cubriendo") ||
		d.is(p, "of", "to") && d.is(d.prevWord(p), "charge", "allocated", "assigned")) {
		return true
	}
	place := d.toks[k].low
	roomish := place == "room" || place == "rm" || place == "sala" || place == "box" || strings.HasPrefix(place, "rm")
	if roomish {
		// "meeting room 2", "room 4 break room", "Room 14 Outpatients", "room 2 of the education centre"
		if p := d.prevWord(k); p >= 0 && (d.wcats[p]&cStaffPlace != 0 || d.endAt[p]&cStaffPlace != 0) {
			return true
		}
		for m, steps := n, 0; m >= 0 && steps < 4; m, steps = d.nextWord(m, false), steps+1 {
			if d.wcats[m]&(cStaffPlace|cService) != 0 || d.is(m, "outpatients", "opd", "lounge", "kitchen", "office", "corridor", "entrance", "lift", "stairs", "cafe", "canteen", "hub", "centre", "center", "suite", "building", "block", "wing", "floor", "level") {
				return true
			}
			if !d.is(m, "of", "in", "at", "the", "on", "de", "la", "el", "del") {
				break
			}
		}
	}
	// "the staff meeting in room 12"
	if _, ok := d.near(k, v, 5, cStaffPlace); ok && roomish {
		if _, person := d.near(k, v, 8, cPersonNoun|cPatientNoun|cRelation|cPatientTitle); !person {
			return true
		}
	}
	// equipment at the place, and no person next to it
	if _, ok := d.near(k, v, 5, cEquipment); ok {
		if _, person := d.near(k, v, 8, cPersonNoun|cPatientNoun|cRelation|cPatientTitle); !person && !d.pronounNear(k, v) {
			return true
		}
	}
	return false
}

// pronounNear: "his", "her", "she" next to a place make it someone's.
func (d *doc) pronounNear(i, j int) bool {
	for k := max(i-4, 0); k < len(d.toks) && k <= j+4; k++ {
		if d.toks[k].sent == d.toks[i].sent && d.is(k, "his", "her", "he", "she", "him", "their", "they", "su", "él", "ella") {
			return true
		}
	}
	return false
}

// findAges finds ages: "97-year-old", "84 yo", "aged 91", "de 97 años",
// "turned 100", "her 100th birthday". An age of 90 or more always counts
// (a rare age identifies); a younger one only next to a patient, and
// never in a colleague's celebration ("60 years young", "retiring at 65").
func (d *doc) findAges() {
	for k := range d.toks {
		t := d.toks[k]
		age, end, clinical := -1, k, false
		switch t.kind {
		case tNum:
			if len(t.low) > 3 {
				continue
			}
			n, _ := strconv.Atoi(t.low)
			nx := d.nextWord(k, true)
			if e, ok := d.hitFrom(nx, cAgeUnit); ok {
				unit := d.toks[nx].low
				generic := unit == "years" || unit == "year" || unit == "yrs" || unit == "a" || unit == "años" || unit == "anos" || unit == "año" || unit == "ans" || unit == "an"
				if e > nx || !generic || d.is(d.prevWord(k), "de", "tiene", "tenía", "tenia", "con", "cumple", "cumplió", "cumplio", "a", "aged", "now", "is", "was", "be", "being") {
					age, end = n, e
					clinical = !generic && e == nx || strings.Contains(d.text[t.e:d.toks[min(e, len(d.toks)-1)].e], "-")
				}
			}
			// "the gentleman in bay 2, who is 101,": a great age said plainly
			if p := d.prevWord(k); age < 0 && n >= 90 && n <= 115 && d.is(p, "is", "was", "now", "tiene", "tenía") &&
				d.sents[t.sent]&(cPersonNoun|cPatientNoun) != 0 && (k+1 >= len(d.toks) || d.toks[k+1].kind == tPunct) {
				age = n
			}
			if p := d.prevWord(k); age < 0 && p >= 0 && d.is(p, "aged", "age", "edad", "âgé", "âgée", "turned", "turns", "turning", "cumplió", "cumple", "cumplio") {
				age = n
				clinical = d.is(p, "aged", "age", "edad")
			}
		case tAlnum:
			i := strings.IndexFunc(t.low, func(r rune) bool { return !unicode.IsDigit(r) })
			if i <= 0 || i > 3 {
				continue
			}
			n, _ := strconv.Atoi(t.low[:i])
			switch suf := t.low[i:]; {
			case suf == "yo" || suf == "yof" || suf == "yom" || suf == "y" || suf == "yrs":
				age, clinical = n, true
			case suf == "th" || suf == "st" || suf == "nd" || suf == "rd" || suf == "º":
				if nx := d.nextWord(k, false); nx >= 0 && d.is(nx, "birthday", "bday", "cumpleaños", "anniversaire") {
					age, end = n, nx
				}
			}
		}
		if age < 0 || age > 125 {
			continue
		}
		if age >= 90 {
			d.addTok(KindAge, k, end, prioAge)
			continue
		}
		s := d.toks[k].sent
		if d.sents[s]&cCelebration != 0 && d.sents[s]&(cPatientNoun|cEvent|cDiagnosis) == 0 {
			continue
		}
		if clinical || d.sents[s]&(patientCtx|cPersonNoun) != 0 || d.placeInSentence(s) {
			d.addTok(KindAge, k, end, prioAge)
		}
	}
}

func (d *doc) placeInSentence(s int) bool {
	return len(d.placesBySent[s]) > 0
}

// findRare finds a patient described as one of a kind: twins and
// triplets, the oldest or youngest patient, "the only … in the
// hospital", a centenarian, the first baby of the year.
func (d *doc) findRare() {
	for _, h := range d.hits {
		if h.cats&cRare == 0 {
			continue
		}
		s := d.toks[h.i].sent
		p := d.prevWord(h.i)
		mine := d.is(p, "my", "your", "mi", "tu", "mis", "tus") || d.is(d.prevWord(p), "my", "your", "mi", "tu")
		w := strings.Join(d.wordsOf(h), " ")
		switch {
		case strings.HasPrefix(w, "twin") || strings.HasSuffix(w, "lets") || w == "quads" || w == "conjoined" || strings.Contains(w, "gemel") || strings.Contains(w, "melliz") || strings.Contains(w, "trilliz") || strings.Contains(w, "jume") || strings.Contains(w, "tripl"):
			n := d.nextWord(h.j, false)
			if mine || d.sents[s]&cCelebration != 0 && d.sents[s]&patientCtx == 0 || d.is(n, "room", "rooms", "beds", "bed", "tub", "pack", "peaks", "towers", "sister", "brother") {
				continue
			}
			if w == "twin" && d.sents[s]&patientCtx == 0 && !d.placeInSentence(s) {
				continue
			}
			d.addTok(KindRareCase, h.i, h.j, prioRare)
		case strings.Contains(w, "only") || strings.Contains(w, "únic") || strings.Contains(w, "seul"):
			if e, ok := d.onlyInScope(h); ok {
				d.addTok(KindRareCase, h.i, e, prioRare)
			}
		case strings.Contains(w, "oldest") || strings.Contains(w, "youngest") || strings.Contains(w, "mayor") || strings.Contains(w, "joven") || strings.Contains(w, "âgé"):
			for n, steps := d.nextWord(h.j, false), 0; n >= 0 && steps < 3; n, steps = d.nextWord(n, false), steps+1 {
				if d.wcats[n]&cRole != 0 || d.is(n, "member", "staff", "colleague", "volunteer", "volunteers", "starter", "employee") {
					break
				}
				if d.wcats[n]&(cPatientNoun|cPersonNoun) != 0 || d.is(n, "ever", "to", "in", "on", "de", "del") && d.sents[s]&patientCtx != 0 {
					d.addTok(KindRareCase, h.i, n, prioRare)
					break
				}
			}
		case strings.Contains(w, "news") || strings.Contains(w, "paper") || strings.Contains(w, "famous") || strings.Contains(w, "celebrity") || strings.Contains(w, "record") || strings.Contains(w, "noticias"):
			if d.sents[s]&patientCtx != 0 || d.placeInSentence(s) {
				d.addTok(KindRareCase, h.i, h.j, prioRare)
			}
		default: // centenarian, first baby, new year baby, one in a million
			if !mine {
				d.addTok(KindRareCase, h.i, h.j, prioRare)
			}
		}
	}
}

func (d *doc) wordsOf(h hit) []string {
	var w []string
	for k := h.i; k <= h.j; k++ {
		if d.toks[k].kind != tPunct {
			w = append(w, d.toks[k].low)
		}
	}
	return w
}

var scopeWords = map[string]bool{"hospital": true, "trust": true, "country": true, "state": true, "county": true, "city": true,
	"world": true, "region": true, "uk": true, "us": true, "usa": true, "nhs": true, "building": true, "area": true, "unit": true,
	"ward": true, "hospitals": true, "town": true, "province": true, "país": true, "pais": true, "ciudad": true, "planta": true,
	"unidad": true, "región": true, "hôpital": true, "ville": true, "europe": true, "county's": true, "nation": true, "history": true}

// onlyInScope: "the only 102-year-old in the hospital", "the only patient
// with …", "el único paciente …" — not "the only nurse who can …".
func (d *doc) onlyInScope(h hit) (int, bool) {
	s := d.toks[h.i].sent
	person := false
	for n, steps := d.nextWord(h.j, false), 0; n >= 0 && steps < 10; n, steps = d.nextWord(n, false), steps+1 {
		if d.wcats[n]&cRole != 0 || d.is(n, "who", "that", "one", "person", "thing", "time", "reason", "way", "day", "night", "staff", "member", "que", "colleague") && !person {
			return -1, false
		}
		if d.wcats[n]&(cPatientNoun|cPersonNoun|cDiagnosis) != 0 {
			person = true
		}
		if scopeWords[d.toks[n].base] && d.toks[n].sent == s {
			return n, true
		}
		if d.is(n, "with", "to", "con") && person {
			return n, true
		}
	}
	if person {
		return d.nextWord(h.j, false), true
	}
	return -1, false
}
