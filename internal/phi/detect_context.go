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
	// a room code after a patient or a name, with no place word: "pt in 318B", "Sarah Lyle in 5W-23"
	for k := 1; k+1 < len(d.toks); k++ {
		if !d.is(k, "in", "en") || !d.toks[k+1].sp {
			continue
		}
		p := d.toks[k-1]
		fullName := k >= 2 && d.toks[k-2].kind == tWord && d.toks[k-2].cap && d.wcats[k-2]&cNotName == 0
		if !(d.endAt[k-1]&(cPatientNoun|cPersonNoun) != 0 || p.kind == tWord && p.cap && !p.first && d.wcats[k-1] == 0 && (nameStrength(p.base) > 0 || fullName)) {
			continue
		}
		if e, ok := d.roomCode(k + 1); ok && (d.endAt[k-1]&(cPatientNoun|cPersonNoun) != 0 || d.toks[k+1].kind != tNum) {
			// a bare number after a name may be an office ("Dr Patel in 305"); a bed code is not: "Sarah Lyle in 5W-23"
			d.addTok(KindRoomBed, k+1, e, prioPlace)
			d.places = append(d.places, k+1)
			d.placesBySent[d.toks[k].sent] = append(d.placesBySent[d.toks[k].sent], k+1)
		}
	}
}

// roomCode: a room or a ward-and-bed written as a code: "318B", "12A",
// "5W-23", "4B-12", "402" — not a year, a ward alone ("5W") or a time.
func (d *doc) roomCode(k int) (int, bool) {
	t := d.toks[k]
	switch t.kind {
	case tNum:
		if len(t.low) == 3 || len(t.low) == 4 && !strings.HasPrefix(t.low, "19") && !strings.HasPrefix(t.low, "20") {
			if n := d.nextWord(k, false); n >= 0 && (d.wcats[n]&(cMonth|cAgeUnit) != 0 || d.is(n, "days", "weeks", "hours", "minutes", "patients", "people", "pm", "am")) {
				return -1, false
			}
			return k, true
		}
	case tAlnum:
		if k+2 < len(d.toks) && d.toks[k+1].low == "-" && !d.toks[k+1].sp && d.toks[k+2].kind == tNum && unitCode(t) && len(d.toks[k+2].low) <= 3 {
			return k + 2, true // "5W-23"
		}
		letters := strings.TrimLeftFunc(t.low, unicode.IsDigit)
		if digits := len(t.low) - len(letters); digits >= 2 && digits <= 4 && len(letters) == 1 {
			return k, true // "318B"
		}
	}
	return -1, false
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
		if d.toks[p].low == ":" {
			break // "To night staff: rm 507 …": a greeting ends at the colon
		}
		if d.is(p, "the", "on", "in", "at", "of", "en", "la", "el", "de", "del") || d.toks[p].upper || d.toks[p].kind == tPunct && d.toks[p].low != "," {
			continue
		}
		if d.is(p, "everyone", "all", "team", "staff", "nurses", "colleagues", "crew", "todos", "todas", "equipo", "patients", "residents",
			"ladies", "gentlemen", "men", "women", "kids", "children", "babies", "pacientes") || // "the patients in bay 4": a group
			d.endAt[p]&cAddressed != 0 && !d.is(p, "for", "x", "from", "love", "de", "a", "para", "pour", "à", "con", "hi", "hello", "go") ||
			d.is(p, "a") && d.is(d.prevWord(p), "gracias") { // "¡Gracias a la habitación 3!" as "Thanks to Pod 2"
			return true
		}
		break
	}
	n := d.nextWord(v, false)
	// "the bay 3 nurses", "bed 1 to bed 28", "beds 1-6"
	if n >= 0 && (d.is(n, "team", "nurses", "staff", "crew", "hcas", "colleagues", "equipo") || d.wcats[n]&cRole != 0 && !d.is(n, "nurse", "ot", "pt")) {
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
	roomish := place == "room" || place == "rm" || place == "sala" || place == "box" || place == "cuarto" || strings.HasPrefix(place, "rm")
	// a store or utility numbered like a bay: "bay 3 storage", "Bay 9 stock room"
	if m := n; m >= 0 && !roomish && d.is(m, "of", "de", "del", "the") {
		n = d.nextWord(m, false)
	}
	if n >= 0 && !roomish && storeWords[d.toks[n].low] {
		return true
	}
	// equipment or a store at the place: "the crash cart in bay 3", "the dirty utility in Bay 2",
	// "the defib in corridor C outside room 220", "the machine from ICU bay 1"
	if d.thingAt(k) {
		if !d.personAround(k, v) && !d.pronounNear(k, v) {
			return true
		}
	}
	if roomish {
		// "meeting room 2", "room 4 break room", "Room 14 Outpatients", "room 2 of the education centre"
		if p := d.prevWord(k); p >= 0 && p == k-1 && (d.wcats[p]&cStaffPlace != 0 || d.endAt[p]&cStaffPlace != 0) {
			return true
		}
		for m, steps := n, 0; m >= 0 && steps < 4; m, steps = d.nextWord(m, false), steps+1 {
			if d.wcats[m]&(cStaffPlace|cService) != 0 && d.wcats[m]&cPatientNoun == 0 || storeWords[d.toks[m].low] || d.is(m, "outpatients", "opd", "lounge", "kitchen", "office", "corridor", "entrance", "lift", "stairs", "cafe", "canteen", "hub", "centre", "center", "suite", "building", "block", "wing", "floor", "level") {
				return true
			}
			if !d.is(m, "of", "in", "at", "the", "on", "de", "la", "el", "del") {
				break
			}
		}
	}
	// a space given a new use: "turned bay 5 into a skills lab", "Room 4 is now the quiet room",
	// "keeping Bay 3 clean while it's the overflow bay"
	if d.repurposed(k, v) && !d.personAround(k, v) && !d.pronounNear(k, v) {
		return true
	}
	// a space worked on, a space named by what it is, a bed in a staff space: "cleared out Side Room 6",
	// "Room 5, the old delivery room,", "Bed 7 in the on-call suite"
	if d.spaceItself(k, v) && !d.personAround(k, v) && !d.pronounNear(k, v) {
		return true
	}
	// a bed or bay for teaching: "Bed 10 on the training ward", "Bay 4 on the sim suite", "Cama 10 del aula de simulación"
	for m, steps := n, 0; m >= 0 && steps < 5 && d.toks[m].sent == d.toks[k].sent; m, steps = d.nextWord(m, false), steps+1 {
		if d.is(m, "training", "sim", "simulation", "skills", "teaching", "education", "aula", "simulación", "formación", "docencia") {
			if !d.personAround(k, v) && !d.pronounNear(k, v) {
				return true
			}
			break
		}
	}
	// "the staff meeting in room 12", "la sala de reuniones B se cambió a la sala 6"
	if _, ok := d.near(k, v, 8, cStaffPlace); ok && roomish {
		if !d.personAround(k, v) {
			return true
		}
	}
	// equipment at the place, and no person next to it
	if _, ok := d.near(k, v, 5, cEquipment); ok {
		if !d.personAround(k, v) && !d.pronounNear(k, v) {
			return true
		}
	}
	return false
}

// personAround: a person, a patient, a relative or a titled name within
// eight tokens of the place. A title glued into an abbreviation is none:
// the "D" of "the L&D corridor".
func (d *doc) personAround(k, v int) bool {
	h, ok := d.near(k, v, 8, cPersonNoun|cPatientNoun|cRelation|cPatientTitle)
	if !ok {
		return false
	}
	if h.cats&(cPersonNoun|cPatientNoun|cRelation) == 0 && h.i > 0 && !d.toks[h.i].sp && d.toks[h.i-1].low == "&" {
		_, other := d.near(k, v, 8, cPersonNoun|cPatientNoun|cRelation)
		return other
	}
	return true
}

// convertVerbs before a place and "into" after it give the space a new use.
var convertVerbs = map[string]bool{"turn": true, "turned": true, "turning": true, "turns": true, "convert": true, "converted": true,
	"converting": true, "transform": true, "transformed": true, "transforming": true, "made": true, "make": true, "making": true,
	"change": true, "changed": true, "changing": true, "redesign": true, "redesigned": true, "repurposed": true, "repurposing": true,
	"convertir": true, "convirtió": true, "convertido": true, "transformar": true, "transformó": true}

// spaceNouns name what a space is used as: "the pumping room", "a skills lab".
var spaceNouns = map[string]bool{"room": true, "bay": true, "area": true, "lab": true, "space": true, "suite": true, "hub": true,
	"store": true, "storeroom": true, "office": true, "lounge": true, "kitchen": true, "library": true, "gym": true, "zone": true,
	"sala": true, "zona": true, "espacio": true, "almacén": true, "aula": true}

// repurposed: the place is a space with a new use, not someone's bed: a
// conversion verb before it and "into" after ("turned bay 5 on Ward 18
// into a skills lab"), or a copula that says what the space now is
// ("Room 4 is now the quiet room", "while it's the overflow bay").
func (d *doc) repurposed(k, v int) bool {
	s := d.toks[k].sent
	conv := false
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 3 && d.toks[p].sent == s; p, steps = d.prevWord(p), steps+1 {
		if convertVerbs[d.toks[p].low] {
			conv = true
		}
	}
	for n, steps := d.nextWord(v, false), 0; n >= 0 && steps < 8 && d.toks[n].sent == s; n, steps = d.nextWord(n, false), steps+1 {
		if conv && d.is(n, "into", "en") {
			return true
		}
		if !d.is(n, "is", "it's", "becomes", "became", "will", "es", "será") {
			continue
		}
		m := d.nextWord(n, false)
		for m >= 0 && d.is(m, "be", "now", "currently", "temporarily", "ahora") {
			m = d.nextWord(m, false)
		}
		if m < 0 || !d.is(m, "the", "a", "an", "our", "la", "el", "una", "un", "nuestra", "nuestro") {
			continue
		}
		for x, st := d.nextWord(m, false), 0; x >= 0 && st < 4 && d.toks[x].sent == s; x, st = d.nextWord(x, false), st+1 {
			if spaceNouns[d.toks[x].low] || storeWords[d.toks[x].low] {
				return true
			}
		}
	}
	return false
}

// storeWords after a bay's number make it a store, not a patient's space.
var storeWords = map[string]bool{"storage": true, "store": true, "stores": true, "storeroom": true, "stockroom": true, "stock": true,
	"cupboard": true, "closet": true, "supply": true, "supplies": true, "utility": true, "sluice": true, "pantry": true, "kitchen": true,
	"linen": true, "equipment": true, "office": true, "station": true, "desk": true, "almacén": true, "almacen": true,
	"suministros": true, "material": true, "limpio": true, "sucio": true, "office's": true}

// thingAt: the place right after a thing or a store and a preposition
// ("the crash cart in bay 3", "the dirty utility in Bay 2", "the defib
// in corridor C outside room 220", "el ecógrafo de la sala 3").
func (d *doc) thingAt(k int) bool {
	p := k - 1
	for p >= 0 && d.toks[p].sent == d.toks[k].sent && (d.is(p, "the", "la", "el", "le", "to", "next") || d.toks[p].upper || d.toks[p].kind == tPunct && d.toks[p].low != ",") {
		p--
	}
	if p < 0 || d.toks[p].sent != d.toks[k].sent || !d.is(p, "in", "on", "at", "outside", "by", "near", "beside", "from", "behind", "inside", "en", "de", "junto", "dentro", "fuera", "dans") {
		return false
	}
	q := p - 1
	for q >= 0 && d.toks[q].sent == d.toks[k].sent && d.toks[q].upper && len(d.toks[q].low) <= 2 {
		q-- // "corridor C"
	}
	if q < 0 || d.toks[q].sent != d.toks[k].sent {
		return false
	}
	return storeWords[d.toks[q].low] || d.is(q, "corridor", "pasillo", "lobby", "atrium", "stairwell", "lift", "elevator") ||
		d.endAt[q]&cEquipment != 0 && !notThing[d.toks[q].low]
}

// notThing are the equipment cues that are no thing: "fixed", "new", "ready".
var notThing = map[string]bool{"clean": true, "cleaned": true, "cleaning": true, "fixed": true, "fixing": true, "repaired": true,
	"repair": true, "repairs": true, "serviced": true, "broken": true, "maintenance": true, "estates": true, "replaced": true,
	"new": true, "refurb": true, "refurbished": true, "painted": true, "decorated": true, "stocked": true, "restocked": true,
	"tidied": true, "tidy": true, "isolation": true, "moved": true, "moving": true, "move": true, "empty": true, "ready": true,
	"available": true, "free": true, "closed": true, "open": true, "booked": true, "setup": true, "up": true, "leak": true,
	"leaking": true, "code": true, "key": true, "keys": true, "arreglado": true, "arreglada": true, "arreglar": true, "limpieza": true,
	"reparado": true, "rota": true, "roto": true, "averiado": true, "averiada": true, "nueva": true, "nuevo": true, "libre": true,
	"vacía": true, "vacia": true, "lista": true, "preparada": true, "luz": true, "light": true, "lights": true}

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
				} else if p := k - 1; n >= 90 && p > 0 && d.toks[p].kind == tWord && d.toks[p].base != d.toks[p].low && d.toks[p].cap {
					age = n // "Capt. Brandt's 95th": a great birthday, the word left out
				} else if nx := k + 1; n >= 95 && d.is(d.prevWord(k), "happy", "feliz", "joyeux") && (nx >= len(d.toks) || d.toks[nx].kind == tPunct || d.toks[nx].cap || d.is(nx, "to", "for", "our", "dear", "from", "a", "al", "a la")) {
					age = n // "happy 104th to our lovely lady": the birthday word left out
				}
			}
		}
		if age < 0 || age > 125 {
			continue
		}
		if n := d.nextWord(end, false); n >= 0 && d.wcats[n]&cRole != 0 && d.wcats[n]&cPatientNoun == 0 && d.sents[t.sent]&(cPatientNoun|cPatientTitle|cRelation) == 0 {
			continue // "our 82-year-old volunteer", "a 70-year-old porter": a colleague's age
		}
		if age >= 90 {
			if !d.celebration(t.sent) || !d.colleagueNamed(t.sent) {
				d.addTok(KindAge, k, end, prioAge)
			}
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

// celebration: a sentence that celebrates (a birthday, a retirement) and
// says nothing of a patient, a bed or an event.
func (d *doc) celebration(s int) bool {
	cel := d.sents[s]&cCelebration != 0 || s > 0 && d.sents[s-1]&cCelebration != 0 && d.sents[s-1]&patientCtx == 0 // "Happy 50th Dave! Born in 1975 and …"
	return cel && d.sents[s]&patientCtx == 0 && !d.placeInSentence(s)
}

// colleagueNamed: the sentence says whose the celebration is with "our"
// and a role ("Dorothy, our volunteer", "our porter Bill").
func (d *doc) colleagueNamed(s int) bool {
	if d.sents[s]&cRole == 0 {
		return false
	}
	for _, x := range d.bySent[s] {
		h := d.hits[x]
		if h.cats&cRole == 0 {
			continue
		}
		for p, steps := d.prevWord(h.i), 0; p >= 0 && steps < 3; p, steps = d.prevWord(p), steps+1 {
			if d.wcats[p]&cWriterOwner != 0 {
				return true
			}
		}
	}
	return false
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

// spaceItself: the place is spoken of as a space, not as someone's: work
// done on it before ("cleared out", "refurbished", "repainted"), what kind
// of space it is said right after it ("Room 5, the old delivery room"), or
// a staff space it is in ("Bed 7 in the on-call suite").
func (d *doc) spaceItself(k, v int) bool {
	s := d.toks[k].sent
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 3 && d.toks[p].sent == s; p, steps = d.prevWord(p), steps+1 {
		if spaceWork[d.toks[p].low] {
			return true
		}
	}
	n := d.nextWord(v, false)
	if v+1 < len(d.toks) && d.is(v+1, ",", "(", "—", "–") && d.is(d.nextWord(v+1, false), "the", "our", "a", "la", "el") {
		for x, steps := d.nextWord(d.nextWord(v+1, false), false), 0; x >= 0 && steps < 3 && d.toks[x].sent == s; x, steps = d.nextWord(x, false), steps+1 {
			if spaceNouns[d.toks[x].low] || storeWords[d.toks[x].low] {
				return true
			}
		}
	}
	if d.is(n, "in", "at", "of", "en", "de") {
		for x, steps := d.nextWord(n, false), 0; x >= 0 && steps < 3 && d.toks[x].sent == s; x, steps = d.nextWord(x, false), steps+1 {
			if (d.wcats[x]|d.toks[x].cats)&cStaffPlace != 0 && !d.is(x, "day", "night", "ward", "unit", "team") {
				return true
			}
			if !d.is(x, "the", "our", "la", "el") {
				break
			}
		}
	}
	return false
}

// spaceWork: work done on a space itself, not on anyone in it.
var spaceWork = map[string]bool{"cleared": true, "clearing": true, "emptied": true, "emptying": true, "refurbished": true,
	"refurbishing": true, "redecorated": true, "redecorating": true, "decorated": true, "decorating": true, "repainted": true,
	"painted": true, "painting": true, "renovated": true, "renovating": true, "decluttered": true, "decluttering": true,
	"kitted": true, "rewired": true, "recarpeted": true, "deep-cleaned": true, "reorganised": true, "reorganized": true}
