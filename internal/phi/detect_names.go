package phi

// nameStop are categories a word cannot have to start a name.
const nameStop = cNotName | cMonth | cPlace | cRole | cStaffTitle | cPatientTitle | cPatientNoun | cAddressed | cDiagnosis |
	cService | cStaffPlace | cStreetAfter | cStreetBefore | cNumberWord | cRelation | cPersonNoun | cRelOwner | cWriterOwner

// mention is a person named in the text: tokens i..j (the name), title
// the token of a title before it (-1 if none).
type mention struct {
	i, j, title int
	staffTitle  bool
	weak        bool // an everyday word opening a sentence: counts only with a cue of its own
}

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
	if t.kind != tWord || !t.cap {
		return false
	}
	if len([]rune(t.low)) == 1 { // an initial: "J. Smith"
		return k+2 < len(d.toks) && d.toks[k+1].low == "." && d.nameWord(k+2, false)
	}
	if start {
		return d.wcats[k]&nameStop == 0
	}
	return d.wcats[k]&(cNotName|cMonth|cPlace|cAddressed|cStaffTitle|cPatientTitle|cRelation|cRole) == 0
}

// mentionAt reads a mention starting at token k, if one does.
func (d *doc) mentionAt(k int) (mention, bool) {
	t := d.toks[k]
	if t.kind != tWord {
		return mention{}, false
	}
	m := mention{title: -1}
	first := k
	if d.wcats[k]&(cPatientTitle|cStaffTitle) != 0 && (t.cap || d.is(k, "señor", "señora", "senor", "senora", "señorita", "madame", "monsieur")) {
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
	if m.title < 0 {
		if !d.nameWord(k, true) || t.upper {
			return mention{}, false
		}
		s := nameStrength(t.base)
		if s == 0 && d.nameExpected(k) && !teamWords[t.low] && !teamWords[d.toks[min(k+1, len(d.toks)-1)].low] {
			s = 2 // "patient Hallorann", "a lady called Dot": any name
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

// nameExpected: a patient noun or "named"/"called" right before token k.
func (d *doc) nameExpected(k int) bool {
	p := k - 1
	for p >= 0 && (d.toks[p].low == "," || d.is(p, "the", "la", "el")) {
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

// judge decides whether a mention is a patient's name.
func (d *doc) judge(m mention) {
	start := m.i
	if m.title >= 0 {
		start = m.title
	}
	staff := m.staffTitle || d.staffCue(start, m.j)
	strong, cueI, cueJ := d.patientCue(start, m)
	event, ei, ej := d.eventTied(start, m.j)
	if m.weak && !strong && !event {
		return
	}
	if event && ei < start && d.is(ei, "get", "mejórate", "mejorate", "que", "se") {
		staff = true // "get well soon Maria": said to a colleague
	}
	if !event && staff && m.title < 0 {
		event, ei, ej = d.yourEvent() // "We miss you Wei! Hope the recovery from your operation is going well."
	}
	switch {
	case event && staff && m.title < 0 || event && m.staffTitle:
		d.cue(d.addTok(KindStaffPatient, start, m.j, prioName), ei, ej)
	case event:
		d.cue(d.addTok(KindPatientName, start, m.j, prioName), ei, ej)
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
	case m.title >= 0:
		d.addTok(KindPatientName, start, m.j, prioName)
	default:
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

// staffCue: "Dear Maria", "our Maria", "colleague Maria", "Maria from
// pharmacy", "Maria, our ward clerk", "Maria (theatres)", "Maria stayed late".
func (d *doc) staffCue(start, j int) bool {
	p := start - 1
	for p >= 0 && d.toks[p].kind == tPunct && d.toks[p].low == "," {
		p--
	}
	if p >= 0 && d.toks[p].sent == d.toks[start].sent || p >= 0 && start > 0 && d.toks[start].first {
		if d.addressed(p) && !(d.toks[start].first && d.toks[p].sent != d.toks[start].sent) {
			return true
		}
		if d.wcats[p]&(cWriterOwner|cRole|cStaffTitle) != 0 || d.endAt[p]&cRole != 0 {
			return true
		}
		if d.is(p, "own") && d.wcats[max(p-1, 0)]&cWriterOwner != 0 {
			return true
		}
		if d.is(p, "alongside") || d.is(p, "with") && d.is(d.prevWord(p), "worked", "working", "work", "teamed", "partnered", "paired", "shift", "trabajar", "trabajé") {
			return true // "I worked with Priya": a colleague
		}
	}
	n := j + 1
	if n >= len(d.toks) || d.toks[n].sent != d.toks[j].sent {
		return false
	}
	if d.is(n, "and", "&", "y") && d.is(n+1, "i", "me", "yo") {
		return true // "Priya and I"
	}
	if d.toks[n].low == "," || d.toks[n].low == "(" || d.toks[n].low == "-" {
		n++
	}
	// "from pharmacy", "on reception", "the porter", "our ward clerk", "in radiology"
	for m, steps := n, 0; m < len(d.toks) && steps < 4 && d.toks[m].sent == d.toks[j].sent; m, steps = m+1, steps+1 {
		if d.wcats[m]&cPlace != 0 || d.wcats[m]&cEvent != 0 {
			break
		}
		if d.toks[m].cats&cRole != 0 && !d.is(m, "patient transport") {
			return true
		}
		if !d.is(m, "from", "on", "in", "at", "of", "the", "our", "my", "de", "del", "la", "el", "nuestra", "nuestro", "du", "notre", "night", "day", "new", "lovely", "amazing", "brilliant", "fab", "fabulous", "wonderful", "favourite", "favorite", "senior", "junior", "lead", "head", "chief") && d.toks[m].kind != tPunct {
			break
		}
	}
	if _, ok := d.hitFrom(n, cAgent); ok {
		return true
	}
	return false
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
		if i, ok := d.hitTo(p, cCare); ok && (i < p || !d.addressed(p)) {
			return true, i, p
		}
	}
	// "'s" + relation: "Mr Jones's daughter" makes Mr Jones someone's parent in a patient story
	if d.toks[m.j].base != d.toks[m.j].low && m.j+1 < len(d.toks) && d.wcats[m.j+1]&cRelation != 0 && d.anyPatientCtx() {
		return true, m.j + 1, m.j + 1
	}
	// "Sam with leukaemia", "Maria, who has dementia", "con demencia"
	for n, steps := m.j+1, 0; n < len(d.toks) && steps < 4 && d.toks[n].sent == d.toks[m.j].sent; n, steps = n+1, steps+1 {
		if !d.is(n, "with", "has", "had", "con", "tiene", "avec", "who", ",", "que", "qui", "a") && d.wcats[n]&cDiagnosis == 0 {
			break // only "Sam with leukaemia", "Maria, who has dementia"
		}
		if d.wcats[n]&cDiagnosis != 0 && d.diagnosis(n) && (d.is(n-1, "with", "has", "had", "con", "tiene", "avec") || d.toks[m.j].base != d.toks[m.j].low && n == m.j+1) {
			return true, n, n
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
		if j, ok := d.hitFrom(n, cPlace); ok {
			v := d.nextWord(j, false)
			if d.isPlaceFinding(n) || v >= 0 && placeNumber(d.toks[v]) || d.is(n, "side room", "side", "sideroom", "cubicle", "bay", "bed", "cama", "lit", "habitación", "habitacion") {
				return true, n, max(j, min(v, j+1))
			}
		}
		if d.toks[n].kind == tNum && len(d.toks[n].low) <= 3 && d.is(n-1, "in", "en", "au") && m.title >= 0 {
			return true, n, n
		}
	}
	return false, -1, -1
}

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
		if d.wcats[n]&cService != 0 {
			return false // "stroke unit", "fractured wrist awareness training"
		}
	}
	p := d.prevWord(k)
	return !(p >= 0 && d.wcats[p]&cService != 0 && d.is(p, "unidad", "equipo", "servicio", "planta"))
}

// eventTied: an event that makes the mention a patient: "Maria was
// admitted", "Maria's surgery", "get well soon Maria", "Arthur's stroke".
func (d *doc) eventTied(start, j int) (bool, int, int) {
	p := start - 1
	for p >= 0 && d.toks[p].kind == tPunct && d.toks[p].low != "." {
		p--
	}
	if i, ok := d.hitTo(p, cEvent); ok && p >= 0 && d.toks[p].sent == d.toks[start].sent && d.is(i, "get", "se", "que", "mejórate", "mejorate", "recovering", "admitted", "discharged", "readmitted", "transferred") {
		return true, i, p
	}
	poss := d.toks[j].base != d.toks[j].low
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
	return false, -1, -1
}

// yourEvent: an event said to the reader ("your operation", "get well
// soon"): the colleague addressed is the patient.
func (d *doc) yourEvent() (bool, int, int) {
	for _, h := range d.hits {
		if h.cats&cEvent == 0 || weakEvent[d.toks[h.i].low] {
			continue
		}
		if d.is(h.i, "get", "mejórate", "mejorate") || d.is(d.prevWord(h.i), "your", "you", "tu", "te", "ton", "ta", "votre") {
			return true, h.i, h.j
		}
	}
	return false, -1, -1
}

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
		if h.cats&ctxMask == cEvent && weakEvent[d.toks[h.i].low] {
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
			d.toks[p].base != d.toks[p].low && d.toks[p].cap // "Mr Jones's daughter", "Sophie's mum"
		if !owner || d.wcats[p]&cWriterOwner != 0 {
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
			d.cue(d.addTok(KindFamilyName, m.i, m.j, prioName), p, h.j)
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
		if b >= 0 && d.nameWord(b, false) && !used[b] && d.toks[b].sent == d.toks[h.i].sent {
			d.cue(d.addTok(KindFamilyName, b, b, prioName), p, h.j)
			used[b] = true
		}
	}
}
