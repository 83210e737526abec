package phi

// doc is one text being scanned: its tokens, the cue phrases found in it
// and the candidate findings.
type doc struct {
	strictThird bool // patientSignals for a third party: the weakest signals do not count
	text        string
	toks        []token
	hits        []hit
	wcats       []cat // categories of the one-word phrase that is this token
	endAt       []cat // categories of the phrases that end at this token
	sents       []cat // categories found in each sentence
	places      []int // tokens that start a bed/room finding
	cands       []candidate
	// hits by the token they start at, end at, and by sentence, so that
	// a 20,000-character story is read in linear time
	byStart, byEnd, bySent [][]int
	sentStart              []int // first token of each sentence
	placesBySent           [][]int
	// note-wide answers asked for each name, worked out once: a long
	// story with many names stays linear
	memo map[string][3]int
}

// once returns the note-wide answer named key, computing it the first time.
func (d *doc) once(key string, f func() (bool, int, int)) (bool, int, int) {
	if v, ok := d.memo[key]; ok {
		return v[0] == 1, v[1], v[2]
	}
	ok, i, j := f()
	if d.memo == nil {
		d.memo = map[string][3]int{}
	}
	b := 0
	if ok {
		b = 1
	}
	d.memo[key] = [3]int{b, i, j}
	return ok, i, j
}

// hit is a cue phrase found from token i to token j (inclusive).
type hit struct {
	i, j int
	cats cat
}

func newDoc(text string) *doc {
	d := &doc{text: text, toks: tokenize(text)}
	sentences(d.toks)
	n := len(d.toks)
	d.byStart, d.byEnd = make([][]int, n), make([][]int, n)
	if n > 0 {
		ns := d.toks[n-1].sent + 1
		d.bySent, d.placesBySent, d.sentStart = make([][]int, ns), make([][]int, ns), make([]int, ns+1)
		for i := n - 1; i >= 0; i-- {
			d.sentStart[d.toks[i].sent] = i
		}
		d.sentStart[ns] = n
	}
	d.wcats = make([]cat, n)
	d.endAt = make([]cat, n)
	if n > 0 {
		d.sents = make([]cat, d.toks[n-1].sent+1)
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind == tPunct {
			continue
		}
		d.match(i, t.low)
		if t.base != t.low {
			d.match(i, t.base)
		}
	}
	return d
}

// match records the phrases that start at token i with the word w.
func (d *doc) match(i int, w string) {
	adjective := (w == "patient" || w == "paciente") && i > 0 && d.is(d.prevWord(i), "so", "very", "really", "incredibly",
		"super", "more", "most", "too", "be", "being", "been", "was", "were", "are", "is", "always", "endlessly", "infinitely", "tan", "muy")
	exam := w == "passed" && d.examAfter(i)
	for _, p := range lex.phrases[w] {
		if adjective && len(p.words) == 1 {
			continue // "you were so patient with Dylan": not a patient
		}
		if exam && len(p.words) == 1 {
			continue // "Dev passed her driving test": no death
		}
		j, ok := i, true
		for _, pw := range p.words[1:] {
			j = d.nextWord(j, true)
			if j < 0 || (d.toks[j].low != pw && d.toks[j].base != pw) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		d.hits = append(d.hits, hit{i, j, p.cats})
		n := len(d.hits) - 1
		d.byStart[i] = append(d.byStart[i], n)
		d.byEnd[j] = append(d.byEnd[j], n)
		d.bySent[d.toks[i].sent] = append(d.bySent[d.toks[i].sent], n)
		d.toks[i].cats |= p.cats
		d.endAt[j] |= p.cats
		d.sents[d.toks[i].sent] |= p.cats
		if j == i {
			d.wcats[i] |= p.cats
		}
	}
}

// glue is punctuation a phrase may run across: "d.o.b", "x-ray", "a&e".
func glue(p string) bool { return p == "." || p == "-" || p == "/" || p == "&" || p == "'" }

// nextWord is the next non-punctuation token after i in the same sentence
// (-1 if none); inPhrase allows only glue punctuation in between.
func (d *doc) nextWord(i int, inPhrase bool) int {
	for j := i + 1; j < len(d.toks); j++ {
		if d.toks[j].sent != d.toks[i].sent {
			return -1
		}
		if d.toks[j].kind != tPunct {
			return j
		}
		if inPhrase && !glue(d.toks[j].low) {
			return -1
		}
	}
	return -1
}

// prevWord is the previous non-punctuation token before i in the same
// sentence (-1 if none).
func (d *doc) prevWord(i int) int {
	for j := i - 1; j >= 0; j-- {
		if d.toks[j].sent != d.toks[i].sent {
			return -1
		}
		if d.toks[j].kind != tPunct {
			return j
		}
	}
	return -1
}

// hitFrom returns the end of the longest phrase with a category of mask
// that starts at token i.
func (d *doc) hitFrom(i int, mask cat) (int, bool) {
	best := -1
	if i < 0 || i >= len(d.toks) || d.toks[i].cats&mask == 0 {
		return -1, false
	}
	for _, n := range d.byStart[i] {
		if h := d.hits[n]; h.cats&mask != 0 && h.j > best {
			best = h.j
		}
	}
	return best, best >= 0
}

// hitTo returns the start of the longest phrase with a category of mask
// that ends at token j.
func (d *doc) hitTo(j int, mask cat) (int, bool) {
	best := -1
	if j < 0 || j >= len(d.toks) || d.endAt[j]&mask == 0 {
		return -1, false
	}
	for _, n := range d.byEnd[j] {
		if h := d.hits[n]; h.cats&mask != 0 && (best < 0 || h.i < best) {
			best = h.i
		}
	}
	return best, best >= 0
}

// fillers may stand between a label and its value: "MRN is: 123", "DOB of".
var fillers = map[string]bool{
	"is": true, "was": true, "are": true, "number": true, "no": true, "num": true, "nr": true, "n": true, "nº": true,
	"º": true, "of": true, "es": true, "id": true, "the": true, "on": true, "at": true, "ending": true, "ends": true,
	"in": true, "his": true, "her": true, "their": true, "su": true, "de": true, "del": true, "el": true, "la": true,
	"le": true, "a": true, "an": true, "reads": true, "read": true, "was:": true, "its": true, "it's": true, "as": true,
	"#": true, ":": true, "-": true, "(": true, ")": true, "=": true, ".": true, ",": true, "–": true, "°": true, "n°": true,
	"with": true, "under": true, "called": true, "named": true, "es:": true, "era": true, "número": true, "numero": true,
	// what qualifies a label without changing it: "insurance sub ID", "primary member no", "temp MRN"
	"sub": true, "subscriber": true, "primary": true, "secondary": true, "temp": true, "temporary": true, "full": true,
}

// labelBefore finds a label with a category of mask right before token
// k, across fillers; it returns the label's first token.
func (d *doc) labelBefore(k int, mask cat) (int, bool) {
	for j, steps := k-1, 0; j >= 0 && steps < 6; j, steps = j-1, steps+1 {
		if d.toks[j].sent != d.toks[k].sent && !(d.toks[j].kind == tPunct && d.toks[j].low == ".") {
			return -1, false
		}
		if len(d.toks[j].low) == 1 && d.codePrefix(j) {
			continue // "V-2025…": a one-letter prefix is part of the number, never a label ("v" is also "version")
		}
		if i, ok := d.hitTo(j, mask); ok {
			return i, true
		}
		if !fillers[d.toks[j].low] && !d.codePrefix(j) {
			return -1, false
		}
	}
	return -1, false
}

// codePrefix: a short capitalised code glued before a number, "BME-" in
// "asset tag BME-002931": it stands between a label and its value.
func (d *doc) codePrefix(j int) bool {
	t := d.toks[j]
	return t.kind == tWord && (t.upper || t.cap && len(t.low) == 1) && len(t.low) <= 4 && j+1 < len(d.toks) && d.toks[j+1].low == "-" && !d.toks[j+1].sp
}

// labelWithin finds a label with a category of mask among the n tokens
// before k in the same sentence ("call her daughter at 555-0199").
func (d *doc) labelWithin(k, n int, mask cat) (int, bool) {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if d.toks[j].sent != d.toks[k].sent {
			return -1, false
		}
		if i, ok := d.hitTo(j, mask); ok {
			return i, true
		}
	}
	return -1, false
}

// near reports a phrase with a category of mask within n tokens either
// side of tokens [i, j], in the same sentence; it returns the phrase.
func (d *doc) near(i, j, n int, mask cat) (hit, bool) {
	if i < 0 || j >= len(d.toks) {
		return hit{}, false
	}
	s := d.toks[i].sent
	if d.sents[s]&mask == 0 {
		return hit{}, false
	}
	best, bestDist := hit{}, n+1
	for _, x := range d.bySent[s] {
		h := d.hits[x]
		if h.cats&mask == 0 {
			continue
		}
		dist := 0
		switch {
		case h.j < i:
			dist = i - h.j
		case h.i > j:
			dist = h.i - j
		default:
			continue // the phrase is the thing itself
		}
		if dist < bestDist {
			best, bestDist = h, dist
		}
	}
	return best, bestDist <= n
}

func (d *doc) add(k Kind, s, e, prio int) *candidate {
	if s < 0 || e <= s || e > len(d.text) {
		return nil
	}
	d.cands = append(d.cands, candidate{Finding: Finding{Kind: k, Start: s, End: e}, prio: prio})
	return &d.cands[len(d.cands)-1]
}

// addTok adds a candidate spanning tokens i..j.
func (d *doc) addTok(k Kind, i, j, prio int) *candidate {
	return d.add(k, d.toks[i].s, d.toks[j].e, prio)
}

// cue records tokens i..j as the context that made a candidate.
func (d *doc) cue(c *candidate, i, j int) {
	if c != nil && i >= 0 && j >= i && j < len(d.toks) {
		c.CueStart, c.CueEnd = d.toks[i].s, d.toks[j].e
	}
}

// is reports a token with the given lower-case text.
func (d *doc) is(i int, words ...string) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	for _, w := range words {
		if d.toks[i].low == w {
			return true
		}
	}
	return false
}

// examAfter: what is passed after token i is a test, not a life ("passed
// her driving test", "passed the OSCE", "passed all her exams").
func (d *doc) examAfter(i int) bool {
	for x, steps := d.nextWord(i, false), 0; x >= 0 && steps < 4; x, steps = d.nextWord(x, false), steps+1 {
		if d.is(x, "test", "tests", "exam", "exams", "osce", "osces", "assessment", "assessments", "course", "module", "probation",
			"competency", "competencies", "audit", "inspection", "interview", "viva", "driving", "finals", "degree", "examen", "oposiciones") {
			return true
		}
		if d.is(x, "away", "on") {
			return false
		}
	}
	return false
}
