package phi

import "strings"

// nameStop are categories a word cannot have to start a name.
const nameStop = cNotName | cMonth | cPlace | cRole | cStaffTitle | cPatientTitle | cPatientNoun | cAddressed | cDiagnosis |
	cService | cStaffPlace | cStreetAfter | cStreetBefore | cNumberWord | cRelation | cPersonNoun | cRelOwner | cWriterOwner

// mention is a person named in the text: tokens i..j (the name), title
// the token of a title before it (-1 if none).
type mention struct {
	i, j, title int
	staffTitle  bool
	weak        bool // an everyday word opening a sentence: counts only with a cue of its own
	lower       bool // a name typed in lower case: counts only with a strong cue of its own
}

// lowerName: a lower-case word that can only be a name (the gazetteer
// knows it and it is no English word: "jayden", "sarah", not "will" or
// "grace"), and no cue word.
func (d *doc) lowerName(k int) bool {
	t := d.toks[k]
	if t.kind != tWord || len(t.low) < 3 || d.toks[k].cats != 0 || d.wcats[k] != 0 || contraction(t.low) || t.base != t.low || demonym(t.low) {
		return false
	}
	s := nameStrength(t.low)
	if s == 1 && endearment[d.toks[max(k-1, 0)].low] && !d.is(k, "one", "angel", "star", "bit", "man", "lady", "girl", "boy", "baby", "love") {
		return true // "little ruby", "baby grace"
	}
	return s == 2 && !lowerNotName[t.low]
}

// lowerNotName are lower-case words the gazetteer has as names but that
// notes use as words.
var lowerNotName = map[string]bool{"thx": true, "omg": true, "lol": true, "pls": true, "plz": true, "tho": true, "thru": true,
	"gonna": true, "wanna": true, "gotta": true, "xxx": true, "hun": true, "babe": true, "bae": true, "bro": true, "sis": true,
	"mate": true, "pal": true, "gracias": true, "hola": true, "muy": true, "todo": true, "todos": true, "para": true, "por": true,
	"con": true, "una": true, "uno": true, "los": true, "las": true, "del": true, "que": true, "ella": true, "esta": true,
	"pero": true, "como": true, "mas": true, "más": true, "bien": true, "también": true, "noche": true, "dia": true, "día": true,
	"merci": true, "pour": true, "avec": true, "tres": true, "très": true, "asap": true, "fyi": true, "btw": true, "idk": true}

// findNames finds people named in a patient's context: a title and name
// ("Mrs Kowalski"), a patient noun and name ("patient Lopez"), a first
// name next to a bed or a diagnosis ("little Sophie in bed 4"), a
// relative ("his wife Margaret"), and a colleague named as a patient
// ("our Maria was admitted"). A name a staff cue claims ("Dr", "thank
// you", "from pharmacy", "Maria stayed late") is a colleague's.
func (d *doc) findNames() {
	used := make([]bool, len(d.toks))
	d.findRelatives(used)
	for k := 0; k < len(d.toks); k++ {
		if used[k] {
			continue
		}
		m, ok := d.mentionAt(k)
		if !ok {
			continue
		}
		for x := k; x <= m.j; x++ {
			used[x] = true
		}
		k = m.j
		d.judge(m)
	}
}

// nameWord: a capitalised word that can be part of a name.
func (d *doc) nameWord(k int, start bool) bool {
	if k < 0 || k >= len(d.toks) {
		return false
	}
	t := d.toks[k]
	if t.kind != tWord || !t.cap || contraction(t.low) || demonym(t.low) {
		return false // "I'm", "Ukrainian"
	}
	if t.first && functionWord[t.low] {
		return false // "Más de 300 pacientes", "Todo el equipo": a sentence's first word
	}
	if n := k + 1; n < len(d.toks) && d.toks[n].cap && placeName[d.toks[n].low] && (k == 0 || d.wcats[k-1]&(cPatientTitle|cStaffTitle|cPatientNoun|cRelation) == 0) ||
		d.is(k-1, "st", "saint", "san", "santa", "sainte") {
		return false // "the Robin Ward crew", "St. Bernadette's Hospice": a place named after someone
	}
	if len([]rune(t.low)) == 1 { // an initial: "J. Smith"
		return k+2 < len(d.toks) && d.toks[k+1].low == "." && d.nameWord(k+2, false)
	}
	stop := nameStop
	if d.wcats[k]&cMonth != 0 && d.monthAsName(k) {
		stop &^= cMonth // "our porter Jun", "Love, May"
	}
	if start {
		return d.wcats[k]&stop == 0
	}
	return d.wcats[k]&(cNotName|cMonth|cPlace|cAddressed|cStaffTitle|cPatientTitle|cRelation|cRole)&stop == 0
}

// monthAsName: a month's name that is a person's ("Jun", "May", "April"):
// capitalised, no day or year next to it, not after "in", "since" or "of".
func (d *doc) monthAsName(k int) bool {
	t := d.toks[k]
	if !t.cap || t.upper || nameStrength(t.base) == 0 {
		return false
	}
	p, n := d.prevWord(k), d.nextWord(k, false)
	if p >= 0 && (d.toks[p].kind != tWord || d.is(p, "in", "of", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next", "this", "each", "every", "end", "start", "en", "de", "desde", "hasta", "le", "the", "on")) {
		return false
	}
	return n < 0 || d.toks[n].kind == tWord && !d.is(n, "of", "de") && (!d.is(n, "the") || d.toks[k+1].low == ",")
}

// contraction: "I'm", "We've", "You'll" are no names (the gazetteer has "I'm").
func contraction(low string) bool {
	i := strings.LastIndexByte(low, '\'')
	if i < 0 {
		return false
	}
	switch low[i+1:] {
	case "m", "ve", "ll", "re", "d", "t":
		return i <= 5 && !strings.HasPrefix(low, "o'") && !strings.HasPrefix(low, "d'")
	}
	return false
}

// mentionAt reads a mention starting at token k, if one does.
func (d *doc) mentionAt(k int) (mention, bool) {
	t := d.toks[k]
	if t.kind != tWord {
		return mention{}, false
	}
	m := mention{title: -1}
	first := k
	if d.wcats[k]&(cPatientTitle|cStaffTitle) != 0 && (t.cap || d.is(k, "señor", "señora", "senor", "senora", "señorita", "madame", "monsieur", "doña", "dña") || d.is(k, "don", "dona") && k+1 < len(d.toks) && d.toks[k+1].cap && !d.toks[k+1].upper && (nameStrength(d.toks[k+1].low) > 0 || d.is(d.prevWord(k), ",", "a", "al", "de", "del", "con", "y", "que", "para", "por"))) {
		n := k + 1
		if n < len(d.toks) && d.toks[n].low == "." && !d.toks[n].sp {
			n++
		} else if len([]rune(t.low)) == 1 {
			return mention{}, false // "M" and "D" are titles only as "M." and "D."
		}
		caps := n < len(d.toks) && d.toks[n].kind == tWord && (d.toks[n].cap || t.upper && d.toks[n].upper) && d.toks[n].sent == t.sent
		nameNext := n+1 < len(d.toks) && d.toks[n+1].sp && d.nameWord(n+1, false)
		if caps && (particles[d.toks[n].low] || len([]rune(d.toks[n].low)) == 1) && nameNext {
			// "Mr. De Souza", "Mrs Ó Súilleabháin"
		} else if !caps || d.wcats[n]&(cNotName|cMonth|cPlace|cAddressed|cRole) != 0 || len(d.toks[n].low) < 2 {
			caps = false
		}
		if caps {
			m.title = k
			m.staffTitle = d.wcats[k]&cPatientTitle == 0 || d.wcats[k]&cStaffTitle != 0 && !t.upper && d.is(k, "dr", "dra", "doctor", "doctora", "nurse", "sister", "matron", "prof", "enfermera", "enfermero", "docteur")
			first = n
		}
	}
	if m.title < 0 && !t.cap && d.lowerName(k) {
		// typed without capitals: "lil jayden", "get well soon sarah from pharmacy"
		return mention{i: k, j: k, title: -1, weak: true, lower: true}, true
	}
	if m.title < 0 {
		if !d.nameWord(k, true) || t.upper && !d.nameExpected(k) { // "PATIENT: WHITMORE, GEORGE" is a name
			return mention{}, false
		}
		s := nameStrength(t.base)
		if s == 0 && d.nameExpected(k) && !teamWords[t.low] && !teamWords[d.toks[min(k+1, len(d.toks)-1)].low] {
			s = 2 // "patient Hallorann", "a lady called Dot": any name
		}
		if s == 0 && t.first && d.wcats[k] == 0 && d.roleAfter(k) {
			s = 1 // "Femi from estates": a colleague by name, whatever the gazetteer says
		}
		if s == 0 && (t.first || d.wcats[k] != 0 || teamWords[t.low] || teamWords[d.toks[min(k+1, len(d.toks)-1)].low]) {
			return mention{}, false
		}
		// "Violet", "Frank" opening a sentence, or a capitalised word the
		// gazetteer doesn't know ("Femi"): a name only with a cue of its own
		m.weak = s == 1 && t.first || s == 0
	}
	m.i, m.j = first, first
	// more of the name: "Eleanor Voss", "Ana María de la Cruz", "J. Smith", "Smith-Jones"
	for n := first + 1; n < len(d.toks) && n <= first+6; n++ {
		tk := d.toks[n]
		if d.toks[m.j].base != d.toks[m.j].low || d.wcats[n]&(cDiagnosis|cEvent) != 0 {
			break // "Bernard's Parkinson's"
		}
		if tk.sent != t.sent && !(tk.low == "." && !tk.sp) {
			break
		}
		switch {
		case d.nameWord(n, false) && (tk.sp || d.toks[n-1].low == "-"):
			m.j = n
			continue
		case tk.low == "-" && !tk.sp && d.nameWord(n+1, false):
			continue
		case tk.low == "." && len([]rune(d.toks[n-1].low)) == 1 && d.nameWord(n+1, false):
			continue
		case tk.kind == tWord && particles[tk.low] && d.nameWord(n+1, false) && d.toks[n+1].sent == t.sent:
			continue
		}
		break
	}
	if m.title < 0 && m.i == m.j && len([]rune(d.toks[m.i].low)) == 1 {
		return mention{}, false
	}
	return m, true
}

// roleAfter: "from estates", "in pharmacy", "on reception" right after token k.
func (d *doc) roleAfter(k int) bool {
	n := k + 1
	if !d.is(n, "from", "in", "on", "de", "(", ",") {
		return false
	}
	for n++; n < len(d.toks) && n <= k+5 && d.is(n, "the", "la", "el", "our", "nuestra", "nuestro", "new", "nueva", "nuevo", "own", "former", "lovely", "wonderful", "amazing", "brilliant", "fabulous"); n++ {
	}
	return n < len(d.toks) && d.toks[n].cats&cRole != 0 // "Sinéad (healthcare assistant …", "Tendai, our receptionist,"
}

// nameExpected: a patient noun or "named"/"called" right before token k.
func (d *doc) nameExpected(k int) bool {
	p := k - 1
	for p >= 0 && (d.toks[p].low == "," || d.toks[p].low == ":" || d.is(p, "the", "la", "el")) {
		p--
	}
	return p >= 0 && d.toks[p].sent == d.toks[k].sent && (d.endAt[p]&cPatientNoun != 0 || d.is(p, "named", "called", "llamada", "llamado", "nommé", "nommée"))
}

// teamWords make "the Patient Experience team" and "the Patients
// Association" services, not people.
var teamWords = map[string]bool{
	"experience": true, "safety": true, "care": true, "flow": true, "transport": true, "services": true, "advice": true,
	"liaison": true, "relations": true, "access": true, "information": true, "first": true, "centred": true, "centered": true,
	"partners": true, "engagement": true, "voice": true, "portal": true, "team": true, "records": true, "education": true,
	"feedback": true, "advocacy": true, "champions": true, "association": true, "forum": true, "panel": true, "council": true,
	"week": true, "survey": true, "leaflets": true, "day": true, "group": true, "service": true, "line": true, "hub": true,
}

// staffOwned after a possessive name make it a colleague's: "Ana's patients".
var staffOwned = map[string]bool{"patients": true, "pts": true, "bay": true, "bays": true, "caseload": true, "team": true,
	"shift": true, "shifts": true, "rota": true, "list": true, "clinic": true, "theatre": true, "ward": true, "students": true,
	"pacientes": true, "turno": true, "equipo": true}

// judge decides whether a mention is a patient's name.
func (d *doc) judge(m mention) {
	start := m.i
	if m.title >= 0 {
		start = m.title
	}
	if n := m.j + 1; m.title < 0 && n+1 < len(d.toks) && d.toks[n].cap && d.wcats[n]&cPlace != 0 && placeNumber(d.toks[n+1]) {
		return // "Side Room 3", "Rainbow Bay 2": the place's own name
	}
	if n := m.j + 1; d.toks[m.j].base != d.toks[m.j].low && n < len(d.toks) && staffOwned[d.toks[n].low] {
		return // "Ana's patients", "Sam's bay": a colleague's
	}
	if i, j, ok := d.parenPatient(m.j); ok {
		d.cue(d.addTok(KindPatientName, start, m.j, prioName), i, j) // "Prof. Okafor (our patient on the neuro ward)"
		return
	}
	level := d.staffLevel(start, m.j)
	if level < 2 && m.title < 0 && d.greetingTo(start) {
		level = 2 // "Sending love to Priya on 4B": the addressee
	}
	staff := m.staffTitle || level > 0
	strong, cueI, cueJ := d.patientCue(start, m)
	event, ei, ej := d.eventTied(start, m.j)
	if !event && (staff || d.vocative(start, m.j)) && m.title < 0 && !(m.weak && d.toks[m.i].first) {
		event, ei, ej = d.yourEvent() // "We miss you Wei! Hope the recovery from your operation is going well."
		if event {
			staff = true
		}
	}
	if !event && m.title < 0 && d.endVocative(start, m.j) && !d.placeRightAfter(m) {
		return // "So many patients asked for you while you were away, Daniela.": the reader
	}
	if !event && d.signature(start, m.j) {
		// "To the ED crew who treated me after my fall — Kelly Osei, radiology, here."
		if ok, i, j := d.writerPatient(); ok {
			d.cue(d.addTok(KindStaffPatient, start, m.j, prioName), i, j)
			return
		}
	}
	if !event && staff && m.title < 0 {
		// "thank you to the dialysis unit for looking after our own Arjun"
		if i, j, ok := d.caredColleague(start); ok {
			d.cue(d.addTok(KindStaffPatient, start, m.j, prioName), i, j)
			return
		}
	}
	if !event && staff {
		// "Our HCA Lorraine had her baby … Thank you midwives for looking after her": the only person named, cared for
		if i, j, ok := d.caredPronoun(start, m.j); ok {
			d.cue(d.addTok(KindStaffPatient, start, m.j, prioName), i, j)
			return
		}
	}
	if m.lower && !strong && !event {
		if ok, i, j := d.patientSignals(m, start); ok && level <= 1 && endearment[d.toks[max(i, 0)].low] {
			d.cue(d.addTok(KindPatientName, start, m.j, prioName), i, j) // "lil jayden"
		}
		return
	}
	if m.weak && !strong && !event {
		if d.thirdParty(m, start, level) {
			// an unknown capitalised word mid-sentence, the object of an act of care: "brushing Sunny's hair"
			i, j, ok := d.careObject(start, m.j)
			if !ok {
				i, j, ok = d.patientVerb(m.j) // "Perpetua hasn't stopped talking about …"
			}
			if ok {
				d.cue(d.addTok(KindPatientName, start, m.j, prioName), i, j)
			}
		}
		return
	}
	if event && ei < start && d.is(ei, "get", "mejórate", "mejorate", "que", "se") {
		staff = true // "get well soon Maria": said to a colleague
	}
	if !event && !strong && m.title < 0 && level <= 1 && !d.workSentence(d.toks[start].sent) {
		// "Our sweet Noor finally ate", "Keisha's hair before her scan", "made for Aaliyah on peds"
		if ok, i, j := d.patientSignals(m, start); ok {
			d.cue(d.addTok(KindPatientName, start, m.j, prioName), i, j)
			return
		}
	}
	if !event && !strong && d.thirdParty(m, start, level) {
		// the addressee model (ADR 0330): a third party needs one sign of care
		i, j, ok := d.careObject(start, m.j)
		if !ok && !m.weak && !d.reportedToYou(m.j) {
			ok, i, j = d.thirdPartySignal(m, start)
		}
		if ok {
			d.cue(d.addTok(KindPatientName, start, m.j, prioName), i, j)
			return
		}
	}
	switch {
	case event && staff && m.title < 0 || event && m.staffTitle:
		d.cue(d.addTok(KindStaffPatient, start, m.j, prioName), ei, ej)
	case event:
		d.cue(d.addTok(KindPatientName, start, m.j, prioName), ei, ej)
	case m.staffTitle && strong && d.caredTitled(start):
		// "all who cared for Sister Agnes", "looking after Dr Lambert": a titled person cared for
		d.cue(d.addTok(KindPatientName, start, m.j, prioName), cueI, cueJ)
	case m.staffTitle:
	case strong:
		if i, ok := d.patientNounBefore(start); ok {
			start = i // "patient Lopez", "the patient, Eleanor Voss": one finding
			if cueJ < start {
				cueI, cueJ = -1, -1
			}
		}
		d.cue(d.addTok(KindPatientName, start, m.j, prioName), cueI, cueJ)
	case staff:
	case m.title >= 0 && d.roleAfter(m.j):
		// "la Sra. Martínez, nuestra nueva directora de enfermería": a colleague introduced by her role
	case m.title >= 0:
		d.addTok(KindPatientName, start, m.j, prioName)
	default:
		if d.youThen(start, m.j) {
			return // "that's you, Joel!": the reader, named
		}
		if ci, cj, ok := d.contextCue(start, m.j); ok {
			d.cue(d.addTok(KindPatientName, start, m.j, prioName), ci, cj)
		}
	}
}

// patientNounBefore: "patient" or "pt" within three tokens before a name
// ("patient Lopez", "the patient, Eleanor Voss", "patient named Ana").
func (d *doc) patientNounBefore(start int) (int, bool) {
	for p := start - 1; p >= 0 && p >= start-3 && d.toks[p].sent == d.toks[start].sent; p-- {
		if i, ok := d.hitTo(p, cPatientNoun); ok {
			return i, true
		}
		if d.toks[p].kind != tPunct && !d.is(p, "named", "called", "llamada", "llamado", "nommé", "nommée") {
			break
		}
	}
	return -1, false
}

// staffLevel: a staff cue claims the name: "Dear Maria", "colleague
// Maria", "Maria from pharmacy", "Maria, our ward clerk", "Maria
// (theatres)", "Maria stayed late". It says how surely: 2 surely, 1
// only "our" before it ("our Rosie" may be the ward's favourite patient),
// 0 not at all.
func (d *doc) staffLevel(start, j int) int {
	level := 0
	start = d.listStart(start)
	p := start - 1
	comma := false
	for p >= 0 && d.toks[p].kind == tPunct && d.toks[p].low == "," {
		p--
		comma = true
	}
	if p >= 0 && d.toks[p].sent == d.toks[start].sent || p >= 0 && start > 0 && d.toks[start].first {
		if d.addressed(p) && !(d.toks[start].first && d.toks[p].sent != d.toks[start].sent) {
			return 2
		}
		if (d.wcats[p]&(cRole|cStaffTitle) != 0 || d.endAt[p]&cRole != 0) && !(comma && groupWord[d.toks[p].low]) {
			return 2 // "our porter, Dave", not "Dear PT team, Freddie walked …"
		}
		if d.wcats[p]&cWriterOwner != 0 {
			if !d.is(p, "our", "nuestra", "nuestro", "notre") {
				return 2
			}
			level = 1
		}
		if d.is(p, "own") && d.wcats[max(p-1, 0)]&cWriterOwner != 0 {
			return 2
		}
		if d.is(p, "alongside") || d.is(p, "with") && d.is(d.prevWord(p), "worked", "working", "work", "teamed", "partnered", "paired", "shift", "trabajar", "trabajé") {
			return 2 // "I worked with Priya": a colleague
		}
		if d.is(p, "esp", "especially", "particularly", "specially", "incl", "including", "especialmente", "sobre") && d.teamBefore(p) {
			return 2 // "pharmacy team (esp Hyun-woo)"
		}
	}
	j = d.skipCoordinated(j)
	n := j + 1
	if n >= len(d.toks) || d.toks[n].sent != d.toks[j].sent {
		return level
	}
	if d.is(n, "and", "&", "y") && d.is(n+1, "i", "me", "yo") {
		return 2 // "Priya and I"
	}
	if d.carerOf(n) {
		return 2 // "Watched Priya calm a frightened patient": she cares, the patient is cared for
	}
	if d.toks[n].low == "," || d.toks[n].low == "(" || d.toks[n].low == "-" {
		n++
	}
	// "from pharmacy", "on reception", "the porter", "our ward clerk", "in radiology"
	for m, steps := n, 0; m < len(d.toks) && steps < 4 && d.toks[m].sent == d.toks[j].sent; m, steps = m+1, steps+1 {
		if d.toks[m].cats&cRole != 0 && !d.is(m, "patient transport") {
			if e, _ := d.hitFrom(m, cRole); d.wcats[m]&cEvent == 0 || e > m {
				return 2 // "from the discharge lounge", not "from discharge"
			}
		}
		if d.wcats[m]&cPlace != 0 || d.wcats[m]&cEvent != 0 {
			break
		}
		if !d.is(m, "from", "on", "in", "at", "of", "the", "our", "my", "is", "was", "a", "an", "es", "una", "un", "de", "del", "la", "el", "nuestra", "nuestro", "du", "notre", "night", "day", "new", "lovely", "amazing", "brilliant", "fab", "fabulous", "wonderful", "favourite", "favorite", "senior", "junior", "lead", "head", "chief") && d.toks[m].kind != tPunct {
			break
		}
	}
	if _, _, patient := d.patientVerb(j); patient && (d.is(d.nextWord(j, false), "managed", "finished", "tried", "polished", "took", "made",
		"got", "getting", "became", "turned", "perked", "had", "recognised", "recognized", "rallied") ||
		d.is(d.nextWord(j, false), "kept") && d.is(d.nextWord(d.nextWord(j, false), false), "pressing", "ringing", "buzzing", "wandering") ||
		d.is(d.nextWord(j, false), "stood", "sat") && d.is(d.nextWord(d.nextWord(j, false), false), "up", "out")) {
		return level // "Herbert managed a whole sandwich": what a patient is praised for, not a colleague's work
	}
	if _, ok := d.hitFrom(n, cAgent); ok && d.toks[j].base == d.toks[j].low {
		return 2 // "Maria stayed late", not "Mrs Banerjee's thank-you card"
	}
	return level
}

// groupWord: a group addressed before a comma is not the person named after it.
var groupWord = map[string]bool{"team": true, "teams": true, "crew": true, "staff": true, "nurses": true, "colleagues": true,
	"porters": true, "physios": true, "doctors": true, "hcas": true, "equipo": true, "enfermeras": true, "compañeros": true}

// carerOf: a care verb from token n whose object is a patient or a person
// ("calm a frightened patient", "comfort the family"): the name before it
// is the carer.
func (d *doc) carerOf(n int) bool {
	for steps := 0; steps < 2 && d.is(n, "always", "never", "just", "really", "so", "gently", "quietly", "kindly"); steps++ {
		n++
	}
	if n >= len(d.toks) || !(d.toks[n].cats&cCare != 0 || baseCare[d.toks[n].low]) {
		return false
	}
	for x, steps := d.nextWord(n, false), 0; x >= 0 && steps < 4; x, steps = d.nextWord(x, false), steps+1 {
		if d.wcats[x]&(cPatientNoun|cPersonNoun|cRelation) != 0 || d.is(x, "relative", "relatives", "visitor", "visitors", "everyone", "him", "her", "them") {
			return true
		}
	}
	return false
}

// baseCare are care verbs in their base form: "watched Priya calm …".
var baseCare = map[string]bool{"calm": true, "comfort": true, "settle": true, "reassure": true, "help": true, "hold": true,
	"feed": true, "wash": true, "support": true, "treat": true, "nurse": true, "soothe": true, "cheer": true, "hug": true,
	"hugged": true, "handle": true, "de-escalate": true, "talk": true, "guide": true, "walk": true}

// listStart: the first of the names listed before the one at start ("Bex
// and Tom", "Ana, Ben and Cal"): what comes before the list claims all.
func (d *doc) listStart(start int) int {
	// a comma joins only inside a list: "Ana, Ben and Cal", not "Thanks Ellie, Mrs Kaur says"
	inList := false
	if m, ok := d.mentionAt(start); ok {
		n := m.j + 1
		inList = d.is(n, "and", "&", "y", "et") || d.is(n, ",") && d.nameWord(n+1, false)
	}
	for steps := 0; steps < 5; steps++ {
		p := start - 1
		if p < 1 || !d.is(p, "and", "&", "y", "et", ",") || d.toks[p].sent != d.toks[start].sent || d.is(p, ",") && !inList {
			return start
		}
		inList = true
		q := p - 1
		if d.is(p, "and", "&", "y") && d.is(q, ",") {
			q--
		}
		if q < 0 || !d.nameWord(q, false) || d.toks[q].sent != d.toks[start].sent {
			return start
		}
		for q > 0 && d.nameWord(q-1, false) && d.toks[q-1].sp {
			q-- // "Mary Jones and Tom"
		}
		if q > 0 && d.wcats[q-1]&(cStaffTitle|cPatientTitle) != 0 {
			q--
		} else if q > 1 && d.toks[q-1].low == "." && d.wcats[q-2]&(cStaffTitle|cPatientTitle) != 0 {
			q -= 2
		}
		start = q
	}
	return start
}

// teamBefore: a team or a role a few words before k ("pharmacy team (esp …").
func (d *doc) teamBefore(k int) bool {
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 6; p, steps = d.prevWord(p), steps+1 {
		if d.wcats[p]&cRole != 0 || d.endAt[p]&cRole != 0 || teamWords[d.toks[p].low] {
			return true
		}
	}
	return false
}

// skipCoordinated moves past the names listed after the one ending at j
// ("Mrs Delgado, Mr Henderson and Ms Kapoor from the Patient Experience
// office"): what follows the list says who all of them are.
func (d *doc) skipCoordinated(j int) int {
	for steps := 0; steps < 6; steps++ {
		n := j + 1
		if n >= len(d.toks) || d.toks[n].sent != d.toks[j].sent {
			return j
		}
		if d.toks[n].low == "," {
			n++
		}
		if d.is(n, "and", "&", "y", "et") {
			n++
		}
		if n == j+1 || n >= len(d.toks) || d.toks[n].sent != d.toks[j].sent {
			return j
		}
		m, ok := d.mentionAt(n)
		if !ok || m.weak {
			return j
		}
		j = m.j
	}
	return j
}

// addressed: a greeting or thanks ends at token p. "to", "for" and the
// like count only at the start of a sentence or after punctuation ("To
// Maria,", "Love, Maria"), not inside one ("kind to Mrs Kowalski").
func (d *doc) addressed(p int) bool {
	i, ok := d.hitTo(p, cAddressed)
	if !ok {
		return false
	}
	switch d.toks[i].low {
	case "thank", "thanks", "thankyou", "thx", "kudos", "shout", "shoutout", "congrats", "congratulations", "dear", "cheers",
		"bravo", "gracias", "merci", "querida", "querido", "queridas", "queridos", "felicidades", "enhorabuena", "many", "huge",
		"big", "well", "props", "hats", "hi", "hello", "hey", "thanking", "miss":
		return true
	}
	if pw := d.prevWord(i); pw >= 0 && pw == i-1 && d.endAt[pw]&cAddressed != 0 && d.addressed(pw) {
		return true // "huge thanks to Chloe"
	}
	return d.toks[i].first || i > 0 && d.toks[i-1].kind == tPunct
}

// patientCue: the mention is a patient by what stands right next to it:
// a patient noun before ("patient Lopez", "the patient, Eleanor Voss"), a
// child word ("little Sophie"), a care verb ("sat with Dorothy"), or a bed
// or room after ("Mrs Alvarez in 12", "Sophie (bed 4)").
func (d *doc) patientCue(start int, m mention) (bool, int, int) {
	if ok, i, j := d.placeAfter(m); ok {
		return true, i, j // the bed or room names the cue best
	}
	// "Herbert in the corner bed", "Ida in the end bed by the window": a bed without a number
	if n := m.j + 1; d.is(n, "in", "from") && d.is(n+1, "the") {
		for x, steps := n+2, 0; x < len(d.toks) && steps < 3 && d.toks[x].sent == d.toks[n].sent; x, steps = x+1, steps+1 {
			if d.is(x, "bed", "cot", "cubicle", "incubator", "side-room") && !d.placeOffice(x) {
				return true, n, x
			}
			if !d.is(x, "corner", "end", "window", "first", "last", "middle", "next", "far", "side", "little", "big", "end-of-bay") {
				break
			}
		}
	}
	p := start - 1
	for p >= 0 && d.toks[p].sent == d.toks[start].sent && (d.toks[p].kind == tPunct && d.toks[p].low != "." || d.is(p, "named", "called", "llamada", "llamado", "nommé", "nommée", "the", "la", "el", "le", "a", "an", "one", "our", "un", "una")) {
		if d.is(p, "our") && d.wcats[max(p-1, 0)]&cPatientNoun == 0 || d.endAt[p]&cCare != 0 {
			break // "cuidar a Amelia": the "a" ends the care verb
		}
		p--
	}
	if p >= 0 && d.toks[p].sent == d.toks[start].sent {
		if i, ok := d.hitTo(p, cPatientNoun|cPersonNoun); ok && (d.endAt[p]&cPatientNoun != 0 || d.is(p+1, "named", "called", "llamada", "llamado") || d.is(p+2, "named", "called")) {
			if d.endAt[p]&cPatientNoun != 0 || !d.writerOwned(i) {
				return true, i, p
			}
		}
		if d.is(p, "baby", "little", "wee", "bebé", "bebe", "pequeña", "pequeño", "peque", "petit", "petite", "lil", "niño", "niña") && !d.writerOwned(p) {
			return true, p, p
		}
		if i, ok := d.hitTo(p, cCare); ok && (i < p || !d.addressed(p)) && !d.staffOccasionAfter(m.j) && !(m.title < 0 && (d.workSentence(d.toks[start].sent) || d.colleagueThingAfter(m.j))) {
			return true, i, p
		}
	}
	// "'s" + relation: "Mr Jones's daughter" makes Mr Jones someone's parent in a patient story
	if d.toks[m.j].base != d.toks[m.j].low && m.j+1 < len(d.toks) && d.wcats[m.j+1]&cRelation != 0 && d.anyPatientCtx() {
		return true, m.j + 1, m.j + 1
	}
	// "Sam with leukaemia", "Maria, who has dementia", "con demencia"
	for n, steps := m.j+1, 0; n < len(d.toks) && steps < 4 && d.toks[n].sent == d.toks[m.j].sent; n, steps = n+1, steps+1 {
		if !d.is(n, "with", "has", "had", "con", "tiene", "avec", "who", "who's", ",", "que", "qui", "a", "the", "an", "his", "her") && d.wcats[n]&cDiagnosis == 0 && d.toks[n].cats&cDiagnosis == 0 {
			break // only "Sam with leukaemia", "Maria, who has dementia"
		}
		if d.toks[n].cats&cDiagnosis != 0 && d.diagnosis(n) && (d.is(d.prevWord(n), "with", "has", "had", "con", "tiene", "avec", "the", "an", "a", "his", "her") && d.is(d.prevWord(d.prevWord(n)), "with", "has", "had", "who's", "con", "tiene", "avec") || d.is(n-1, "with", "has", "had", "con", "tiene", "avec") || d.toks[m.j].base != d.toks[m.j].low && n == m.j+1) {
			e, _ := d.hitFrom(n, cDiagnosis)
			return true, n, max(e, n)
		}
	}
	return false, -1, -1
}

// placeAfter: "Sophie in bed 4", "(bed 4)", ", bed 4", "Mrs Alvarez in 12",
// "in the side room", "en la cama 5".
func (d *doc) placeAfter(m mention) (bool, int, int) {
	// after: "in bed 4", "(bed 4)", ", bed 4", "in 12", "in the side room", "en la cama 5"
	n := m.j + 1
	for n < len(d.toks) && n <= m.j+4 && d.toks[n].sent == d.toks[m.j].sent &&
		(d.is(n, "in", "on", "from", "at", "en", "de", "la", "el", "the", "au", "du", "dans", "le", "(", ",", "-", "who", "is", "was", "que", "está", "esta")) {
		n++
	}
	if n < len(d.toks) && n > m.j && d.toks[n].sent == d.toks[m.j].sent {
		if j, ok := d.hitFrom(n, cPlace); ok && !d.placeOffice(j) {
			v := d.nextWord(j, false)
			if d.isPlaceFinding(n) || v >= 0 && placeNumber(d.toks[v]) || d.is(n, "side room", "side", "sideroom", "cubicle", "bay", "bed", "cama", "lit", "habitación", "habitacion") {
				return true, n, max(j, min(v, j+1))
			}
		}
		if d.toks[n].kind == tNum && len(d.toks[n].low) <= 3 && d.is(n-1, "in", "en", "au") && m.title >= 0 {
			return true, n, n
		}
		if d.isPlaceFinding(n) && d.is(n-1, "in", "en") { // "Sarah Lyle in 5W-23"
			e, ok := d.roomCode(n)
			if !ok {
				e = n
			}
			return true, n, e
		}
	}
	return false, -1, -1
}

// staffOccasionAfter: the care was at a staff occasion, so it was a
// colleague's: "sitting with Anouk at induction", "with Ben at handover".
func (d *doc) staffOccasionAfter(j int) bool {
	for n, steps := d.nextWord(j, false), 0; n >= 0 && steps < 3; n, steps = d.nextWord(n, false), steps+1 {
		if staffOccasion[d.toks[n].low] {
			return true
		}
		if !d.is(n, "at", "during", "in", "on", "for", "through", "the", "her", "his", "their", "first", "last", "en", "durante", "la", "el", "su") {
			return false
		}
	}
	return false
}

// staffOccasion are the times colleagues spend together.
var staffOccasion = map[string]bool{"induction": true, "orientation": true, "training": true, "teaching": true, "handover": true,
	"meeting": true, "lunch": true, "break": true, "interview": true, "interviews": true, "exam": true, "exams": true,
	"conference": true, "course": true, "party": true, "graduation": true, "huddle": true, "appraisal": true, "supervision": true,
	"debrief": true, "preceptorship": true, "shift": true, "shifts": true, "rota": true, "study": true, "revision": true,
	"inducción": true, "formación": true, "reunión": true, "turno": true, "descanso": true}

// writerOwned: "my little Sam", "your baby Noah" are no patients.
func (d *doc) writerOwned(k int) bool {
	for p, steps := k-1, 0; p >= 0 && steps < 2; p, steps = p-1, steps+1 {
		if d.wcats[p]&cWriterOwner != 0 && !d.is(p, "our", "nuestra", "nuestro", "notre") {
			return true
		}
	}
	return false
}

func (d *doc) isPlaceFinding(k int) bool {
	for _, p := range d.placesBySent[d.toks[k].sent] {
		if p == k {
			return true
		}
	}
	return false
}

// diagnosis: a condition word that is not a service ("stroke unit",
// "dementia training", "cancer centre").
func (d *doc) diagnosis(k int) bool {
	j, ok := d.hitFrom(k, cDiagnosis)
	if !ok {
		j = k
	}
	for n, steps := d.nextWord(j, false), 0; n >= 0 && steps < 2; n, steps = d.nextWord(n, false), steps+1 {
		if d.wcats[n]&cService != 0 || steps == 0 && d.is(n, "patients", "pts", "cases", "victims", "survivors", "pacientes") {
			return false // "stroke unit", "dementia awareness week", "COVID patients"
		}
		if d.toks[n].kind != tWord || d.is(n, "this", "last", "next", "that", "every", "on", "in", "at", "the", "a", "for", "and", "so", "after", "before", "was", "is", "went", "este", "esta", "la", "el") {
			break // "her hysterectomy this week": the week is when, not a service
		}
	}
	p := d.prevWord(k)
	return !(p >= 0 && d.wcats[p]&cService != 0 && d.is(p, "unidad", "equipo", "servicio", "planta"))
}

// eventTied: an event that makes the mention a patient: "Maria was
// admitted", "Maria's surgery", "get well soon Maria", "Arthur's stroke".
func (d *doc) eventTied(start, j int) (bool, int, int) {
	j0 := j
	p := start - 1
	for p >= 0 && d.toks[p].kind == tPunct && d.toks[p].low != "." {
		p--
	}
	if i, ok := d.hitTo(p, cEvent); ok && p >= 0 && d.toks[p].sent == d.toks[start].sent && d.is(i, "get", "se", "que", "mejórate", "mejorate", "recovering", "admitted", "discharged", "readmitted", "transferred") {
		return true, i, p
	}
	poss := d.toks[j].base != d.toks[j].low
	// skip a parenthesis that says who the person is: "Dr. Lambert (the retired GP from the village) was an inpatient"
	if d.is(j+1, "(") {
		for x := j + 2; x < len(d.toks) && x <= j+14 && d.toks[x].sent == d.toks[j].sent; x++ {
			if d.is(x, ")") {
				j = x
				break
			}
		}
	}
	// skip an apposition that says who the colleague is: "Ben from physio", "Bea, our ward clerk,"
	a := j + 1
	for a < len(d.toks) && a <= j+6 && d.toks[a].sent == d.toks[j].sent &&
		(d.is(a, "from", "in", "on", "at", "of", "the", "our", "de", "del", "la", "el", ",") || d.toks[a].cats&cRole != 0 || d.endAt[a]&cRole != 0 || d.wcats[a]&cRole != 0) {
		a++
	}
	if a > j+1 && a-1 < len(d.toks) && (d.endAt[a-1]&cRole != 0 || d.wcats[a-1]&cRole != 0) {
		j = a - 1
	}
	for n, steps := j+1, 0; n < len(d.toks) && steps < 5 && d.toks[n].sent == d.toks[j].sent; n, steps = n+1, steps+1 {
		if e, ok := d.hitFrom(n, cEvent); ok {
			if d.tenure(n, e) {
				break // "Maria, who was with us for ten years"
			}
			if d.is(n, "fall", "fell", "passed", "delivered", "op", "treatment", "discharge", "admission", "recovery", "bedside") && !poss && steps > 0 {
				continue // "Maria fell over herself to help": only strong events after a verb
			}
			return true, n, e
		}
		if poss && steps == 0 && d.wcats[n]&cDiagnosis != 0 && d.diagnosis(n) {
			return true, n, n
		}
		t := d.toks[n]
		if t.kind == tPunct && t.low != "," && t.low != "'" || d.nameWord(n, true) && steps > 0 {
			break
		}
		if !d.is(n, "was", "is", "has", "had", "been", "got", "getting", "being", "who", "just", "finally", "recently", "yesterday", "today", "fue", "ha", "sido", "está", "esta", "estuvo", "que", "a", "été", "est", ",", "'", "s", "having", "will", "be", "after", "since", "from", "her", "his", "their", "su", "when", "she", "he", "they", "was", "this", "last", "week", "month", "on", "in") {
			break
		}
	}
	return d.clauseEvent(j0)
}

// clauseEvent: an event further on in the clause that a name opens and
// that is the named person's own: "Mo from the kitchen just finished his
// last dialysis session", "our pharmacist Raj Mehta during his admission",
// "Pete (our porter) … when he collapsed", "Dr Hannah Fischer who is on
// the oncology ward for her second round of chemo", "our CNA Luz had her
// gallbladder out". Not when the name does something to someone else
// ("Maria stayed with the man in bed 4 after his fall"), nor when it is
// thanked for something ("thanks Sam for sorting his meds").
func (d *doc) clauseEvent(j int) (bool, int, int) {
	s := d.toks[j].sent
	thanked, role := false, false
	for n, steps := j+1, 0; n < len(d.toks) && d.toks[n].sent == s && steps < 18; n, steps = n+1, steps+1 {
		t := d.toks[n]
		if t.low == "(" { // "(our porter of 22 yrs)"
			e := n + 1
			for e < len(d.toks) && e < n+12 && d.toks[e].sent == s && d.toks[e].low != ")" {
				e++
			}
			if e < len(d.toks) && d.toks[e].low == ")" {
				n = e
				continue
			}
			return false, -1, -1
		}
		if t.kind == tPunct {
			if t.low == "," || t.low == "'" || t.low == "-" && !t.sp {
				continue
			}
			return false, -1, -1
		}
		if steps == 0 && d.is(n, "for", "and", "&", "y", "por", "who's", "you") {
			return false, -1, -1
		}
		if d.endAt[n]&(cCare) != 0 && d.is(n+1, "him", "her", "them") && thanked {
			n++ // "Father Reilly wrote thanking 2W for nursing him through his sepsis": he was nursed
			continue
		}
		if d.is(n, "thanking", "thanked", "thank", "thanks", "agradeciendo") {
			thanked = true
			continue
		}
		if d.endAt[n]&(cCare) != 0 || d.wcats[n]&cAgent != 0 && !neutralVerb[t.low] && !d.is(n, "your", "tu") {
			return false, -1, -1 // "Maria stayed late …", "Sam sat with …": a colleague at work
		}
		if d.wcats[n]&(cPersonNoun|cPatientNoun|cPatientTitle|cRelation) != 0 && !d.is(n, "one") || d.is(n, "you", "me", "i", "we", "us", "him", "them", "everyone") ||
			endearment[t.low] || !t.cap && d.lowerName(n) ||
			t.cap && !t.first && nameStrength(t.base) == 2 && d.wcats[n]&(cRole|cNotName|cService) == 0 && !d.capsAfterOf(n) {
			return false, -1, -1 // someone else is in the clause: the event may be theirs
		}
		if patientThing[t.low] && d.is(d.prevWord(n), "his", "her", "their", "su", "sus") && d.ownedEvent(j, n) {
			return true, n, n // "as he started his meds"
		}
		if d.is(n, "stay", "estancia") && d.is(d.prevWord(n), "his", "her", "their", "su") && (d.wardAt(n+1) || d.is(n+1, "with") && d.is(n+2, "us") || d.is(n+1, "in") && d.is(n+2, "hospital")) {
			return true, n, n // "home now after her stay on 3S"
		}
		if d.wcats[n]&cRole != 0 {
			role = true // "Sam is a nurse in ICU": where a colleague works
		}
		if d.toks[n].cats&(cEvent|cDiagnosis) == 0 {
			continue
		}
		e, ok := d.hitFrom(n, cEvent|cDiagnosis)
		if !ok || d.toks[n].cats&cEvent == 0 && !d.diagnosis(n) {
			continue
		}
		if d.ownedEvent(j, n) && !d.tenure(n, e) && !(role && d.is(n, "in", "on", "en")) {
			return true, n, e
		}
	}
	return false, -1, -1
}

// tenure: "was with us" that is a colleague's time here ("who was with
// us for ten years", "with us on nights", "since 2010"), not a stay.
func (d *doc) tenure(i, e int) bool {
	if !d.is(e, "us") {
		return false
	}
	for n, steps := d.nextWord(e, false), 0; n >= 0 && steps < 6; n, steps = d.nextWord(n, false), steps+1 {
		if d.is(n, "years", "year", "yrs", "since", "nights", "days", "shifts", "decades", "decade", "retire", "retiring", "retirement",
			"leaving", "left", "moving", "moved", "joined", "as", "student", "placement", "rotation", "bank", "agency") {
			return true
		}
	}
	return false
}

// signature: the name is the writer's: it signs the note ("— Kelly Osei,
// radiology, here", "- Brenda, PACU secretary", "love, Sam") or stands
// next to "me" ("looked after me (Gwen, ward clerk on 2 North)").
func (d *doc) signature(start, j int) bool {
	p := start - 1
	if p >= 0 && (d.is(p, "—", "–", "-", "(", "~") || d.is(p, ",") && d.is(d.prevWord(p), "love", "thanks", "cheers", "regards", "me", "x", "xx", "all", "everyone", "team", "folks", "again", "much", "lot")) {
		if d.is(p, "(") && !d.is(p-1, "me", "i", "myself") {
			return false
		}
		return true
	}
	if p >= 0 && d.is(p, "from", "love", "signed", "xx", "x", "me", "myself") && (d.toks[p].first || p > 0 && d.toks[p-1].kind == tPunct) {
		return true
	}
	rest := 0
	for n, steps := j+1, 0; n < len(d.toks) && steps < 8 && d.toks[n].sent == d.toks[j].sent; n, steps = n+1, steps+1 {
		if d.is(n, "here", "aquí", "aqui") {
			return true // "Kelly Osei, radiology, here"
		}
		rest = steps + 1
	}
	// the last line is the name and a role: "… you were incredible. Hannah, ward 3 housekeeper"
	s := d.toks[start].sent
	return d.toks[start].first && s == len(d.sents)-1 && s > 0 && rest < 8 && d.sentStart[s+1]-1 <= j+rest && d.sents[s]&(cAgent|cCare) == 0
}

// writerPatient: the writer says they were the patient: an event or a
// condition that is "my" own ("my colonoscopy", "my fall in the car
// park", "my hip replacement") or "I was in with sepsis", "when I was
// admitted". "My dad's surgery" and "my surgery rotation" are not.
func (d *doc) writerPatient() (bool, int, int) { return d.once("writerPatient", d.findWriterPatient) }

func (d *doc) findWriterPatient() (bool, int, int) {
	for _, h := range d.hits {
		if h.cats&(cEvent|cDiagnosis) == 0 || h.cats&cEvent == 0 && !d.diagnosis(h.i) || d.is(h.i, "discharge", "discharged", "admitted", "bedside", "get", "visit") {
			continue
		}
		if n := d.nextWord(h.j, false); n >= 0 && d.is(n, "rotation", "placement", "block", "exam", "exams", "rota", "list", "shift", "teaching", "training", "schedule", "semester", "term", "break", "holiday", "vacation", "leave", "course", "module", "patients", "patient") {
			continue
		}
		for p, steps := d.prevWord(h.i), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
			if d.wcats[p]&(cRelation|cPersonNoun|cPatientNoun) != 0 && !d.is(p, "one") || d.toks[p].base != d.toks[p].low {
				break // "my dad's surgery", "my patient's op"
			}
			if d.is(p, "my", "mi", "mis", "ma", "mon", "mes") && !d.is(d.nextWord(p, false), "first", "last") {
				return true, p, h.j
			}
			if d.is(p, "i", "yo", "je") && (steps <= 2 || d.is(d.nextWord(p, false), "was", "had", "got", "have", "fui", "estuve")) {
				return true, p, h.j
			}
		}
	}
	for k := range d.toks {
		// "who delivered my daughter": the writer gave birth
		if d.is(k, "delivered", "delivering", "deliver") && d.is(k+1, "my") && d.is(k+2, "baby", "daughter", "son", "twins", "triplets", "boy", "girl", "little") {
			return true, k, k + 2
		}
		// "stitched my hand", "set my wrist", "operated on me"
		if d.toks[k].cats&cEvent != 0 || d.is(k, "set", "fixed", "plastered", "scanned", "x-rayed", "stitched", "glued", "reset", "treated", "operated",
			"setting", "fixing", "plastering", "scanning", "stitching", "gluing", "treating", "splinting", "splinted", "bandaging", "bandaged", "dressing",
			"sorting", "sorted", "removing", "removed", "repairing", "repaired") {
			n := d.nextWord(k, false)
			if d.is(n, "on") {
				n = d.nextWord(n, false)
			}
			if d.is(n, "my") && (bodyPart[d.toks[min(n+1, len(d.toks)-1)].low] || injury[d.toks[min(n+1, len(d.toks)-1)].low]) || d.is(n, "me") && d.toks[k].cats&cEvent != 0 {
				return true, k, min(n+1, len(d.toks)-1)
			}
		}
	}
	// "looked after me when I was admitted", "when I came in through ED in crisis": the writer was the patient
	for k := range d.toks {
		if !d.is(k, "i") {
			continue
		}
		n := d.nextWord(k, false)
		if d.is(n, "was", "got") && d.is(d.nextWord(n, false), "admitted", "brought", "blue-lighted", "rushed", "resuscitated", "intubated", "ventilated") {
			return true, k, d.nextWord(n, false)
		}
		if d.is(n, "came", "come", "was") && d.is(d.nextWord(n, false), "in") {
			x := d.nextWord(d.nextWord(n, false), false)
			for steps := 0; x >= 0 && steps < 5 && d.toks[x].sent == d.toks[k].sent; x, steps = d.nextWord(x, false), steps+1 {
				if d.is(x, "ed", "a&e", "er", "resus", "crisis", "ambulance", "emergency", "majors", "urgencias") {
					return true, k, x
				}
			}
		}
	}
	// "After three weeks in ICU with sepsis I am finally home", "I slipped on ice"
	for s := range d.sents {
		if d.sents[s]&(cEvent|cDiagnosis) == 0 {
			continue
		}
		mine, other, ei, ej := false, false, -1, -1
		for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
			switch {
			case d.is(x, "i", "i'm", "i've", "i'd", "yo", "je", "j'ai"):
				mine = true
			case d.is(x, "he", "she", "they", "his", "her", "him", "their", "them", "we", "our", "you", "your", "él", "ella") ||
				d.wcats[x]&(cRelation|cPersonNoun|cPatientNoun|cPatientTitle) != 0 && !d.is(x, "one") || d.toks[x].cap && !d.toks[x].first && nameStrength(d.toks[x].base) == 2:
				other = true
			}
			if ei < 0 && d.toks[x].cats&(cEvent|cDiagnosis) != 0 && !weakEvent[d.toks[x].low] && d.diagnosis(x) && !d.is(x, "discharge", "discharged", "admitted", "get", "bedside") {
				ei, ej = x, x
			}
		}
		if mine && !other && ei >= 0 {
			return true, ei, ej
		}
	}
	return false, -1, -1
}

// vocative: the name is said to its reader, at the end of a clause or
// between commas: "Hope your hip is healing well Bronwyn, …".
func (d *doc) vocative(start, j int) bool {
	n := j + 1
	return (n >= len(d.toks) || d.toks[n].kind == tPunct && d.toks[n].low != "'" && d.toks[n].low != "-") && d.toks[start].sent == d.toks[min(n, len(d.toks)-1)].sent
}

// youThen: a name said right after "you" and a comma, at the end of a
// clause ("that's you, Joel!", "we love you, Priya."): the reader, a
// colleague, named in the kudos, not the patients the note mentions.
func (d *doc) youThen(start, j int) bool {
	p := start - 1
	return p >= 1 && d.toks[p].low == "," && d.is(p-1, "you", "u", "ya") && d.vocative(start, j)
}

// caredColleague: a colleague cared for as a patient: "the dialysis unit
// looking after our own Arjun", "the team on 6B who nursed our porter
// Dave". A care verb before the colleague, and the sentence says it was
// care (an event or a condition, even in a unit's name); not "looking
// after our new starter".
func (d *doc) caredColleague(start int) (int, int, bool) {
	s := d.toks[start].sent
	for p, steps := d.prevWord(start), 0; p >= 0 && steps < 5; p, steps = d.prevWord(p), steps+1 {
		if i, ok := d.hitTo(p, cCare); ok && !d.is(i, "sat", "sitting", "sit", "talked", "talking", "chatted", "walked", "laughed", "danced", "dancing", "sang", "singing", "read", "reading", "explained", "cheered", "visited", "visiting") {
			if d.sents[s]&(cEvent|cDiagnosis) == 0 && !d.is(i, "nursed", "nursing", "treated", "treating", "resuscitated", "intubated", "operated", "stitching", "stitched", "stitch", "plastered") {
				return -1, -1, false
			}
			return i, p, true
		}
		if d.wcats[p]&(cPersonNoun|cPatientNoun|cRelation) != 0 || d.is(p, "new", "starter", "starters", "student", "students", "trainee", "trainees", "apprentice") {
			return -1, -1, false
		}
	}
	return -1, -1, false
}

// capsAfterOf: a capitalised word in an institution's name ("of the Poor
// Clares", "of St Joseph's"), not another person.
func (d *doc) capsAfterOf(n int) bool {
	for p := n - 1; p >= 0 && p >= n-4; p-- {
		if d.is(p, "of", "de", "from") {
			return true
		}
		if !d.toks[p].cap && !d.is(p, "the", "la", "el") {
			return false
		}
	}
	return false
}

// neutralVerbs are agent verbs that an event can follow: "finished her chemo".
var neutralVerb = map[string]bool{"finished": true, "started": true, "completed": true, "came": true, "comes": true, "always": true,
	"never": true, "spent": true, "spends": true, "sent": true}

// ownedEvent: the event at n belongs to the subject: "his last dialysis",
// "her second round of chemo", "when he collapsed", "is recovering",
// "was brought into ED", "had her gallbladder out".
func (d *doc) ownedEvent(j, n int) bool {
	for p, steps := d.prevWord(n), 0; p > j && steps < 4; p, steps = d.prevWord(p), steps+1 {
		if d.is(p, "his", "her", "their", "su", "sus", "son", "sa", "ses") {
			return true
		}
		if d.is(p, "he", "she", "they", "él", "ella") && d.is(d.prevWord(p), "when", "as", "after", "since", "while", "until", "before", "cuando") {
			return true
		}
		if steps <= 1 && d.is(p, "is", "was", "been", "being", "just", "has", "had", "got", "she's", "he's", "they're", "está", "estuvo", "fue", "ha", "still", "now") && d.toks[n].cats&cEvent != 0 && !weakEvent[d.toks[n].low] {
			return true
		}
		// "spent a week on AMU with COVID", "who is on 9 East after a broken ankle"
		if steps <= 1 && d.is(p, "with", "after", "through", "con", "tras", "por") && (steps == 0 || d.is(d.nextWord(p, false), "a", "an", "un", "una")) && !weakEvent[d.toks[n].low] {
			return true
		}
	}
	return false
}

// yourEvent: an event said to the reader ("your operation", "get well
// soon"): the colleague addressed is the patient.
func (d *doc) yourEvent() (bool, int, int) { return d.once("yourEvent", d.findYourEvent) }

func (d *doc) findYourEvent() (bool, int, int) {
	for _, h := range d.hits {
		if h.cats&cEvent == 0 || weakEvent[d.toks[h.i].low] {
			continue
		}
		if d.is(h.i, "get", "mejórate", "mejorate") || d.is(d.prevWord(h.i), "your", "you", "tu", "te", "ton", "ta", "votre") {
			return true, h.i, h.j
		}
	}
	// "Welcome back Joanne! So glad the knee replacement went well": a welcome back or a get-well, and an event nobody else owns
	if d.welcomeBack() {
		for _, h := range d.hits {
			if h.cats&(cEvent|cDiagnosis) == 0 || weakEvent[d.toks[h.i].low] || h.cats&cEvent == 0 && !d.diagnosis(h.i) || d.is(h.i, "get", "visit", "visiting", "bedside") {
				continue
			}
			owned := false
			for p, steps := d.prevWord(h.i), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
				if d.is(p, "his", "her", "their", "my", "our", "mi", "su") || d.wcats[p]&(cRelation|cPersonNoun|cPatientNoun) != 0 || d.toks[p].base != d.toks[p].low {
					owned = true
					break
				}
			}
			if !owned {
				return true, h.i, h.j
			}
		}
	}
	// "your first dialysis session", "your heart bypass", "your kidney transplant"
	for _, h := range d.hits {
		if h.cats&(cEvent|cDiagnosis) == 0 || weakEvent[d.toks[h.i].low] || !d.diagnosis(h.i) {
			continue
		}
		for p, steps := d.prevWord(h.i), 0; p >= 0 && steps < 3; p, steps = d.prevWord(p), steps+1 {
			if d.is(p, "your", "tu", "votre") {
				return true, p, h.j
			}
			if d.toks[p].kind != tWord || d.wcats[p]&(cRelation|cPersonNoun|cPatientNoun|cWriterOwner|cRelOwner) != 0 || d.toks[p].base != d.toks[p].low {
				break // "your dad's surgery", "your patient's op"
			}
		}
	}
	// "Hope your knee is feeling better", "your wrist is healing"
	for k := range d.toks {
		if !d.is(k, "your", "tu") || !bodyPart[d.toks[min(k+1, len(d.toks)-1)].low] {
			continue
		}
		for n, steps := k+2, 0; n < len(d.toks) && steps < 6 && d.toks[n].sent == d.toks[k].sent; n, steps = n+1, steps+1 {
			if d.is(n, "better", "healing", "healed", "mending", "mend", "recovering", "recovery", "op", "surgery", "operation", "hurts", "sore", "pain", "mejor", "recuperación") {
				return true, k, k + 1
			}
		}
	}
	return false, -1, -1
}

// bodyPart are the parts a colleague's recovery is wished for.
var bodyPart = map[string]bool{"thumb": true, "nose": true, "jaw": true, "lip": true, "knee": true, "hip": true, "wrist": true, "arm": true, "leg": true, "ankle": true,
	"shoulder": true, "foot": true, "hand": true, "neck": true, "eye": true, "eyes": true, "chest": true,
	"ribs": true, "elbow": true, "finger": true, "fingers": true, "toe": true, "rodilla": true, "cadera": true, "espalda": true,
	"muñeca": true, "brazo": true, "pierna": true, "tobillo": true, "hombro": true, "pie": true, "mano": true}

// ctxMask are the cues that make a sentence about a patient.
const ctxMask = cPatientNoun | cEvent | cDiagnosis

// contextCue: a name (from the gazetteer) in a sentence about a patient,
// with no staff cue of its own; returns the nearest cue.
func (d *doc) contextCue(start, j int) (int, int, bool) {
	s := d.toks[start].sent
	best, bi, bj := 1<<30, -1, -1
	for _, x := range d.bySent[s] {
		h := d.hits[x]
		if h.cats&ctxMask == 0 || h.cats&cDiagnosis != 0 && h.cats&(cPatientNoun|cEvent) == 0 && !d.diagnosis(h.i) {
			continue
		}
		if h.i >= start && h.j <= j {
			continue
		}
		if h.cats&ctxMask == cEvent && (weakEvent[d.toks[h.i].low] || d.relativesEvent(h.i, start)) {
			continue
		}
		if n := d.nextWord(h.j, false); h.cats&ctxMask == cPatientNoun && n >= 0 && teamWords[d.toks[n].low] {
			continue // "the Patient Experience team"
		}
		if dist := abs(h.i - start); dist < best {
			best, bi, bj = dist, h.i, h.j
		}
	}
	for _, p := range d.placesBySent[s] {
		{
			if dist := abs(p - start); dist < best {
				e := d.nextWord(p, false)
				if e < 0 {
					e = p
				}
				best, bi, bj = dist, p, e
			}
		}
	}
	return bi, bj, bi >= 0
}

// relativesEvent: the event at i is a relative's, said just before it
// ("when my dad was in hospital, Jo"), not the name's.
func (d *doc) relativesEvent(i, start int) bool {
	for p, steps := d.prevWord(i), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
		if p == start {
			return false
		}
		if d.wcats[p]&(cRelation|cPersonNoun) != 0 && !d.is(p, "one") {
			return true
		}
	}
	return false
}

// weakEvent: words that are events only next to a name.
var weakEvent = map[string]bool{"fall": true, "fell": true, "passed": true, "op": true, "treatment": true, "recovery": true,
	"delivered": true, "bedside": true, "alta": true, "parto": true}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (d *doc) anyPatientCtx() bool {
	for _, c := range d.sents {
		if c&(cPatientNoun|cEvent|cDiagnosis|cPatientTitle) != 0 {
			return true
		}
	}
	return len(d.places) > 0
}

// findRelatives finds a patient's relative named: "his wife Margaret",
// "Margaret, his wife", "the patient's son Tom", "su hija María".
// "My wife Jane" and "your daughter" are the writer's and the reader's.
func (d *doc) findRelatives(used []bool) {
	for _, h := range d.hits {
		if h.cats&cRelation == 0 || h.i != h.j && d.toks[h.i].kind == tPunct {
			continue
		}
		p := d.prevWord(h.i)
		if p < 0 {
			continue
		}
		owner := d.wcats[p]&cRelOwner != 0 || d.endAt[p]&cRelOwner != 0 ||
			d.toks[p].base != d.toks[p].low && (d.toks[p].cap || d.wcats[p]&(cPersonNoun|cPatientNoun) != 0 && !d.is(p, "one", "person")) // "Mr Jones's daughter", "Sophie's mum", "the baby's mum"
		if d.workSentence(d.toks[h.i].sent) {
			continue // "looking after Jonas on his first week — his mum Carol said thanks too": a colleague's family
		}
		kind := KindFamilyName
		if d.wcats[p]&cWriterOwner != 0 && d.is(p, "my", "mi", "ma", "mon") && d.careBeforeOwner(p) {
			kind = KindPatientName // "everything you did for my dad, Bill Hartnell": the writer's relative was the patient
		} else if !owner || d.wcats[p]&cWriterOwner != 0 {
			continue
		}
		if d.is(d.prevWord(p), "and", "y", "et", "with", "con", "avec") && d.sents[d.toks[h.i].sent]&patientCtx == 0 {
			continue // "Tom and his wife Margaret baked": a colleague's family
		}
		// the name after: "his wife Margaret", "his wife, Margaret", "su hija María"
		n := h.j + 1
		for n < len(d.toks) && n <= h.j+3 && (d.toks[n].low == "," || d.is(n, "called", "named", "llamada", "llamado")) {
			n++
		}
		if n < len(d.toks) && d.toks[n].sent == d.toks[h.i].sent && d.nameWord(n, false) && d.wcats[n]&cPersonNoun == 0 {
			m, ok := d.mentionAt(n)
			if !ok {
				m = mention{i: n, j: n, title: -1}
			}
			d.cue(d.addTok(kind, m.i, m.j, prioName), p, h.j)
			for x := m.i; x <= m.j; x++ {
				used[x] = true
			}
			continue
		}
		// the name before: "Margaret, his wife"
		b := p - 1
		if b >= 0 && d.toks[b].low == "," {
			b--
		}
		if b >= 0 && d.nameWord(b, false) && !used[b] && d.toks[b].sent == d.toks[h.i].sent && !(d.toks[b].first && d.is(b+1, ",") && d.toks[p].base != d.toks[p].low) {
			d.cue(d.addTok(kind, b, b, prioName), p, h.j)
			used[b] = true
		}
	}
}

// welcomeBack: the note welcomes a colleague back or wishes them well.
func (d *doc) welcomeBack() bool {
	for k := 0; k+1 < len(d.toks); k++ {
		if d.is(k, "welcome", "bienvenida", "bienvenido") && d.is(k+1, "back", "de") || d.is(k, "glad", "good") && d.is(k+1, "you're", "youre", "to") && d.is(k+2, "back", "have", "see") {
			return true
		}
	}
	return false
}

// caredTitled: a care verb that takes a person ("cared for", "looked
// after", "nursed") right before a staff title: the titled person was the
// one cared for, not a carer.
func (d *doc) caredTitled(start int) bool {
	p := d.prevWord(start)
	if p < 0 {
		return false
	}
	i, ok := d.hitTo(p, cCare)
	return ok && d.is(i, "cared", "caring", "looked", "looking", "nursed", "nursing", "treated", "treating", "cuidó", "cuidar", "cuidaron")
}

// careBeforeOwner: an act of care done for the relative whose owner ("my")
// is at p: "thank you for looking after my mum", "everything you did for
// my dad", "cuidar a mi padre".
func (d *doc) careBeforeOwner(p int) bool {
	for q, steps := d.prevWord(p), 0; q >= 0 && steps < 4 && d.toks[q].sent == d.toks[p].sent; q, steps = d.prevWord(q), steps+1 {
		if _, ok := d.hitTo(q, cCare); ok {
			return true
		}
		if d.is(q, "for", "por") && d.is(d.prevWord(q), "did", "done", "do", "everything", "hicieron", "hiciste") {
			return true
		}
	}
	return false
}

// injury: what "treating my …", "dressing my …" can name besides a body part.
var injury = map[string]bool{"gallbladder": true, "appendix": true, "kidney": true, "hernia": true, "tonsils": true,
	"cataract": true, "cataracts": true, "burn": true, "burns": true, "cut": true, "cuts": true, "wound": true, "fracture": true, "break": true,
	"sprain": true, "bite": true, "gash": true, "laceration": true, "scald": true, "injury": true, "injuries": true}

// functionWord: words the gazetteer knows as names that open a sentence as
// words ("Más de 300", "Mas", "Todo"): capitalised only by position.
var functionWord = map[string]bool{"más": true, "mas": true, "todo": true, "todos": true, "toda": true, "muy": true, "pero": true,
	"como": true, "para": true, "por": true, "con": true, "una": true, "uno": true, "gracias": true, "hola": true, "bien": true,
	"también": true, "merci": true, "pour": true, "avec": true, "très": true, "tres": true}

// placeName: a capitalised word after a name that makes it a place's
// ("Robin Ward", "Nightingale Wing", "Rowan Unit", "Emily House").
var placeName = map[string]bool{"ward": true, "wing": true, "unit": true, "house": true, "hospice": true, "suite": true,
	"centre": true, "center": true, "clinic": true, "hospital": true, "lodge": true, "building": true, "block": true,
	"court": true, "theatre": true, "theatres": true, "room": true, "lounge": true, "garden": true, "gardens": true, "hall": true}

// placeOffice: the bed or room word at j names an office or a team ("the
// bed bureau", "bed management", "the room bookings"), not where a patient lies.
func (d *doc) placeOffice(j int) bool {
	return d.is(j+1, "bureau", "management", "manager", "managers", "flow", "team", "meeting", "meetings", "huddle", "office",
		"store", "stores", "booking", "bookings", "capacity", "state")
}

// parenPatient: a parenthesis right after the name says who they are, and
// what it says first is a patient ("Prof. Okafor (our patient on the neuro
// ward, not the consultant!)"), a diagnosis, or a person described by one
// ("Brendan (the young lad with the spinal cord injury …)"). A role first
// ("(our ward clerk)", "(the consultant with the bow tie)") is a colleague.
func (d *doc) parenPatient(j int) (int, int, bool) {
	if !d.is(j+1, "(") {
		return -1, -1, false
	}
	for x := j + 2; x < len(d.toks) && x <= j+14 && !d.is(x, ")"); x++ {
		switch {
		case d.wcats[x]&cRole != 0 || d.toks[x].cats&cRole != 0 || d.wcats[x]&cStaffTitle != 0:
			return -1, -1, false
		case d.wcats[x]&cPatientNoun != 0 && !d.is(x, "patients", "pts", "pacientes"):
			if d.toks[x].cap || d.is(x+1, "safety", "experience", "flow", "liaison", "services", "transport", "advice", "pathway", "champion", "lead") {
				return -1, -1, false // "(Patient Safety Lead)": a colleague's job
			}
			return x, x, true
		case (d.wcats[x]|d.toks[x].cats)&cDiagnosis != 0 && d.diagnosis(x):
			e, _ := d.hitFrom(x, cDiagnosis)
			return x, max(x, e), true
		}
	}
	return -1, -1, false
}
