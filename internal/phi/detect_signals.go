package phi

import (
	"strconv"
	"strings"
)

// patientSignals decides whether a first name no staff cue claims (or
// only "our" does) is a patient's, from what is said of the person rather
// than from a bed or a diagnosis: a word of endearment ("our sweet Noor",
// "little guy Ibrahim"), something of theirs that only a patient has
// ("Keisha's hair before her scan", "Grace's bed"), what they did that
// only a patient would be praised for ("Freddie walked", "Noor finally
// ate"), being the one a colleague's kindness was for ("the sticker chart
// you made for Aaliyah"), the ward they are on ("Aaliyah on peds"), and
// the patient words of the note (meds, crying, a child's age, peds).
//
// Many thank-you notes name colleagues by first name too, so one of the
// weaker signals alone is not enough: a name is a patient's with an
// endearment or a patient's thing, or with two signals of the others.
func (d *doc) patientSignals(m mention, start int) (bool, int, int) {
	return d.patientSignalsNeed(m, start, 2)
}

// thirdPartySignal is one signal of patientSignals for a third party,
// not counting the weakest two: being who a kindness was "for" or "with"
// ("thanks for the chat with Jo", "for sneaking Sam a coffee" are said of
// colleagues as often as of patients) and a reporting verb ("Tom says you
// saved the day").
func (d *doc) thirdPartySignal(m mention, start int) (bool, int, int) {
	d.strictThird = true
	defer func() { d.strictThird = false }()
	return d.patientSignalsNeed(m, start, 1)
}

// patientSignalsNeed is patientSignals with the number of weaker signals
// needed: two for a name the note may be addressed to, one for a third
// party (ADR 0330).
func (d *doc) patientSignalsNeed(m mention, start, need int) (bool, int, int) {
	// an endearment before: "our sweet Noor", "our favourite little guy Ibrahim", "brave Leo"
	for p, steps := d.prevWord(start), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
		w := d.toks[p].low
		if endearment[w] {
			if d.writerOwned(p) || d.is(d.prevWord(p), "my", "your", "mi", "tu") {
				return false, -1, -1 // "my little Sam": the writer's own
			}
			return true, p, p
		}
		if !d.is(p, "our", "the", "a", "favourite", "favorite", "young", "old", "guy", "man", "girl", "boy", "lady", "fella", "lad",
			"lass", "chap", "one", "nuestra", "nuestro", "la", "el", "chico", "chica", "niño", "niña") {
			break
		}
	}
	// the cue shown is the most telling signal: not "for" when "meds" is there
	// a child's age right after the name: "Freddie (6)", "Isla, 4,"
	if n := m.j + 1; d.is(n, "(", ",") && n+1 < len(d.toks) && d.toks[n+1].kind == tNum && len(d.toks[n+1].low) <= 2 && d.is(n+2, ")", ",") {
		if a := d.toks[n+1].low; a != "0" && (len(a) == 1 || a[0] == '1' && a[1] < '8') {
			return true, n + 1, n + 1
		}
	}
	// a baby's weight reached: "Lily-Mae hit 2kg today", "Noah weighs 1800 grams"
	if v, ok := d.babyWeight(m.j); ok {
		return true, v, v
	}
	score, ci, cj, weakCue := 0, -1, -1, false
	note := func(i, j int) {
		score++
		if ci < 0 || weakCue {
			ci, cj, weakCue = i, j, d.toks[i].kind == tWord && len(d.toks[i].low) <= 4 && !patientThing[d.toks[i].low]
		}
	}
	// something of theirs: "Keisha's hair", "Grace's bed", "Leo's meds"
	if d.toks[m.j].base != d.toks[m.j].low {
		n := d.nextWord(m.j, false)
		if d.is(n, "lost", "new", "favourite", "favorite", "little", "special", "first", "old", "broken", "purple", "pink", "blue", "red") && !patientThing[d.toks[n].low] {
			if x := d.nextWord(n, false); x >= 0 && (patientThing[d.toks[x].low] || personalThing[d.toks[x].low]) {
				n = x // "Esme's lost teddy"
			}
		}
		if n >= 0 {
			switch {
			case patientThing[d.toks[n].low]:
				return true, n, n
			case d.strictThird && d.is(n, "birthday", "party", "cumpleaños"):
				// "the cake for Hira's birthday": a colleague's as often as a patient's
			case personalThing[d.toks[n].low] || d.wcats[n]&cRelation != 0:
				note(n, n)
			}
		}
	}
	// what they did: "Freddie walked", "Noor finally ate", "so Chloe could take her meds"
	if v, e, ok := d.patientVerb(m.j); ok && !(d.strictThird && d.is(v, "says", "said", "told")) {
		note(v, e)
	}
	// who the kindness was for: "made for Aaliyah", "amazing with Jayden", "explaining everything to Noah"
	if p, ok := d.beneficiary(start); ok && !d.strictThird {
		note(p, p)
	}
	// the ward after: "Aaliyah on peds", "Eddie on 4W"
	if n := m.j + 1; d.is(n, "on", "in", "en") && n+1 < len(d.toks) && (childWard[d.toks[n+1].low] || unitCode(d.toks[n+1]) || d.is(n+1, "the") && d.is(n+2, "ward", "children's", "kids") || d.wardAt(n)) {
		note(n+1, n+1)
	}
	if score == 0 {
		return false, -1, -1
	}
	if i, j, ok := d.patientWords(); ok {
		if ci < 0 || weakCue {
			ci, cj = i, j
		}
		score++
	}
	return score >= need, ci, cj
}

// endearment before a name makes it a patient's (not "my little Sam").
var endearment = map[string]bool{"grandad": true, "grandpa": true, "granny": true, "grandma": true, "nana": true, "nanna": true,
	"nan": true, "auntie": true, "uncle": true, "abuelo": true, "abuela": true, "abuelita": true, "abuelito": true, "little": true, "wee": true, "lil": true, "tiny": true, "sweet": true, "brave": true,
	"bravest": true, "baby": true, "poorly": true, "cheeky": true, "pequeña": true, "pequeño": true, "peque": true,
	"valiente": true, "bebé": true, "petit": true, "petite": true}

// patientThing after a possessive name: only a patient has these.
var patientThing = map[string]bool{"bed": true, "cot": true, "crib": true, "incubator": true, "meds": true, "medication": true,
	"medicine": true, "iv": true, "drip": true, "cannula": true, "line": false, "dressing": true, "dressings": true, "scan": true,
	"bloods": true, "obs": true, "wound": true, "nappy": true, "nappies": true, "diaper": true, "feeds": true, "feed": true,
	"walker": true, "wheelchair": true, "zimmer": true, "crutches": true, "cast": true, "stitches": true, "drain": true,
	"oxygen": true, "nebs": true, "nebuliser": true, "catheter": true, "stoma": true, "chemo": true, "dialysis": true,
	"surgery": true, "op": true, "operation": true, "diagnosis": true, "prognosis": true, "discharge": true, "admission": true,
	"treatment": true, "recovery": true, "insulin": true, "antibiotics": true, "tablets": true, "pills": true, "inhaler": true,
	"x-ray": true, "xray": true, "mri": true, "ct": true, "cama": true, "cuna": true,
	"confusion": true, "delirium": true, "seizure": true, "seizures": true, "fever": true, "agitation": true,
	"medicación": true, "vía": true, "suero": true, "cura": true, "silla": true, "operación": true, "alta": true,
	// what a patient is fitted with or calls with (ADR 0350): "her buzzer", "his trachy", "her sling"
	"buzzer": true, "trachy": true, "trach": true, "tracheostomy": true, "tracheotomy": true, "peg": true, "splint": true,
	"sling": true, "brace": true, "commode": true, "ventilator": true, "vent": true, "bipap": true, "cpap": true, "picc": true,
	"sutures": true, "staples": true, "plaster": true, "traction": true, "sonda": true, "férula": true, "timbre": true}

// personalThing after a possessive name: a patient's, or a colleague's.
var personalThing = map[string]bool{"hand": true, "hands": true, "hair": true, "room": true, "birthday": true, "party": true, "drawing": true, "smile": true,
	"toys": true, "teddy": true, "favourite": true, "favorite": true, "first": true, "last": true, "face": true, "nails": true,
	"pelo": true, "habitación": true, "cumpleaños": true, "dibujo": true}

// childWard are the wards where a first name is most likely a child's.
var childWard = map[string]bool{"peds": true, "paeds": true, "picu": true, "nicu": true, "scbu": true, "pediatrics": true,
	"paediatrics": true, "pediatría": true, "pediatria": true, "neonatos": true, "neonatal": true}

// patientVerb: what a patient is praised for doing, right after the name:
// "Freddie walked", "Noor finally ate", "Chloe could take her meds",
// "Ibrahim went home today", "Rosie turned 8". Not "Tom walked me to my car".
func (d *doc) patientVerb(j int) (int, int, bool) {
	n := d.nextWord(j, false)
	for steps := 0; n >= 0 && steps < 3 && d.is(n, "finally", "just", "has", "is", "was", "could", "can", "really", "even",
		"actually", "then", "also", "by", "himself", "herself", "who", "ya", "por", "fin", "hoy"); steps++ {
		n = d.nextWord(n, false)
	}
	if n < 0 {
		return -1, -1, false
	}
	next := d.nextWord(n, false)
	switch d.toks[n].low {
	case "ate", "eaten", "eating", "drank", "drunk", "walked", "walking", "slept", "sleeping", "cried", "crying", "pulled",
		"smiled", "laughed", "sat", "stood", "woke", "drew", "coloured", "colored", "comió", "caminó", "durmió", "lloró", "sonrió":
		if d.is(next, "the", "a") && d.is(n, "walked") && d.is(d.nextWord(next, false), "corridor", "corridors", "hallway", "length", "ward", "bay", "stairs", "garden", "loop", "lap") {
			return n, n, true // "Thelma walked the corridor"
		}
		if d.is(next, "me", "us", "you", "everyone", "the", "a") && d.is(n, "walked", "drew", "sat", "stood") ||
			d.is(n, "walked") && d.is(next, "round", "around") && d.is(d.nextWord(next, false), "every", "all", "each") {
			return -1, -1, false // "Tom walked me to my car", "Sam drew the rota"
		}
		return n, n, true
	case "perked", "rallied", "recognised", "recognized", "reconoció":
		return n, n, true // "Nellie perked right up", "Cyril recognised his own photo"
	case "managed", "finished", "tried", "polished":
		if d.is(n, "managed") && d.is(next, "the", "a", "her", "his", "some", "to") && d.is(d.nextWord(next, false), "stairs", "steps", "step", "walk", "shower", "wash", "few") {
			return n, next, true // "Trevor managed the stairs"
		}
		for x, steps := next, 0; x >= 0 && steps < 3; x, steps = d.nextWord(x, false), steps+1 {
			if food[d.toks[x].low] {
				return n, x, true // "Ignatius managed toast and a banana"
			}
		}
	case "made":
		if d.is(next, "it") && d.is(d.nextWord(next, false), "to", "down", "up", "round", "around", "across", "back", "out", "outside") {
			return n, next, true // "Florence made it to the end of the corridor"
		}
	case "had", "celebrated":
		// "Edna had a good night", "Florrie had her hair washed and set": care received, a night slept
		if d.is(n, "had") && d.is(next, "a") && d.is(d.nextWord(next, false), "good", "settled", "comfortable", "peaceful", "better", "restful") &&
			d.is(d.nextWord(d.nextWord(next, false), false), "night", "day", "sleep") && !d.workSentence(d.toks[n].sent) {
			return n, next, true
		}
		if x := d.nextWord(next, false); d.is(n, "had") && d.is(next, "his", "her", "their") && d.is(x, "hair", "nails", "beard", "feet", "toenails", "bath", "shower", "wash") &&
			d.is(d.nextWord(x, false), "washed", "done", "set", "cut", "trimmed", "soaked", "painted", "brushed", "plaited", "braided", "shaved", "and") && !d.socialOccasion(d.toks[n].sent) {
			return n, x, true
		}
		if d.is(n, "had") && d.is(next, "his", "her", "their") && d.thingOut(next) {
			return n, next, true // "Pops had his trachy out"
		}
		if d.is(next, "his", "her", "their") {
			x := d.nextWord(next, false)
			if x >= 0 && d.toks[x].kind == tAlnum && !childAge(d, x) && !greatAge(d.toks[x].low) {
				return -1, -1, false // "Rita celebrated her 60th birthday": a colleague's, not a patient's
			}
			if x >= 0 && (childAge(d, x) || d.is(x, "first")) || d.is(x, "birthday") || d.is(d.nextWord(x, false), "birthday") && x >= 0 && d.toks[x].kind == tAlnum {
				return n, x, true // "Layla had her 7th birthday on PICU"
			}
		}
	case "went", "goes", "going", "got", "gets", "getting", "became", "se":
		if d.is(next, "agitated", "confused", "distressed", "disorientated", "disoriented", "delirious", "muddled", "frightened", "scared", "breathless", "septic") {
			return n, next, true // "when Walter got agitated at 2am"
		}
		if d.is(next, "his", "her", "their") && d.thingOut(next) {
			return n, next, true // "Horace finally got his drain out"
		}
		if d.is(next, "back") && d.is(d.nextWord(next, false), "home", "to") {
			next = d.nextWord(next, false) // "went back home", "went back to the care home"
			if d.is(next, "to") && d.is(d.nextWord(next, false), "the", "her", "his") && d.is(d.nextWord(d.nextWord(next, false), false), "care", "nursing") {
				return n, next, true
			}
		}
		if d.is(next, "home", "casa") || d.is(next, "to") && d.is(d.nextWord(next, false), "go") {
			return n, next, true
		}
	case "turned", "turns", "cumplió", "cumple":
		if d.is(next, "a") && d.is(d.nextWord(next, false), "corner") {
			return n, next, true // "Ethel turned a corner today"
		}
		if next >= 0 && d.toks[next].kind == tNum && len(d.toks[next].low) <= 3 && (childAge(d, next) || len(d.toks[next].low) == 1 || greatAge(d.toks[next].low)) {
			return n, next, true // "Rosie turned 8", "Wilma turned 96"; not "Wilma turned 60" (a colleague's birthday)
		}
	case "took", "take", "takes", "taking", "tomó", "toma":
		for x, steps := next, 0; x >= 0 && steps < 3; x, steps = d.nextWord(x, false), steps+1 {
			if patientThing[d.toks[x].low] || d.is(x, "steps", "pills", "tablets", "medicine", "pastillas") {
				return n, x, true
			}
		}
	case "asked", "says", "said", "told", "wanted", "loved", "kept", "hasn't", "couldn't", "couldnt", "won't", "wouldn't":
		if d.is(next, "for", "me", "us", "everyone", "the", "to", "pulling", "stopped", "stop", "talking", "you're", "youre", "you", "saying", "asking", "calling", "singing", "pressing", "ringing", "buzzing", "trying", "wandering") {
			return n, n, true
		}
	}
	return -1, -1, false
}

// babyWeight: a weight a baby reaches right after the name ("hit 2kg",
// "weighs 1800 grams", "ya pesa 2 kilos"): at most 5 kg, or grams.
func (d *doc) babyWeight(j int) (int, bool) {
	n := d.nextWord(j, false)
	for steps := 0; n >= 0 && steps < 3 && d.is(n, "finally", "just", "has", "now", "ya", "today", "is"); steps++ {
		n = d.nextWord(n, false)
	}
	if n < 0 || !d.is(n, "hit", "hits", "reached", "reaches", "weighs", "weighed", "pesa", "pesó", "pesaba", "passed", "topped") {
		return -1, false
	}
	x := d.nextWord(n, false)
	if x < 0 {
		return -1, false
	}
	raw := strings.ToLower(d.text[d.toks[x].s:])
	if sp := strings.IndexAny(raw, " \t\n,;!)"); sp >= 0 {
		raw = raw[:sp]
	}
	raw = strings.TrimRight(raw, ".")
	digits := strings.TrimRightFunc(raw, func(r rune) bool { return r < '0' || r > '9' })
	unit := raw[len(digits):]
	if unit == "" {
		if u := d.nextWord(x, true); u >= 0 {
			unit = d.toks[u].low
		}
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || digits == "" {
		return -1, false
	}
	switch unit {
	case "kg", "kgs", "kilos", "kilo":
		return x, v > 0 && v <= 5
	case "g", "grams", "gramos", "lb", "lbs", "pounds":
		return x, v > 0 && (unit[0] == 'g' && v >= 300 && v <= 5000 || unit[0] != 'g' && v <= 11)
	}
	return -1, false
}

// beneficiary: the name is who a colleague's kindness was for: "made for
// Aaliyah", "amazing with Jayden", "explaining everything to Noah",
// "singing happy birthday to our Rosie" — a preposition after a verb or a
// thing, not a greeting ("thanks to Sam", "to Sam:").
func (d *doc) beneficiary(start int) (int, bool) {
	p := d.prevWord(start)
	for p >= 0 && d.is(p, "our", "the", "little", "baby", "nuestra", "nuestro", "la", "el") {
		p = d.prevWord(p)
	}
	if p >= 1 && gerund(d.toks[p].low) && d.is(d.prevWord(p), "for", "by", "while", "keep", "kept", "por") {
		return p, true // "thanks for distracting Esme", "por distraer a …"
	}
	if p < 0 || !d.is(p, "for", "with", "to", "para", "con", "a", "pour", "avec") || d.toks[p].first {
		return -1, false
	}
	q := d.prevWord(p)
	if q < 0 || d.endAt[q]&cAddressed != 0 && d.addressed(q) || d.wcats[q]&cAddressed != 0 && d.is(q, "thanks", "thank", "gracias", "shout", "shoutout", "kudos", "props", "cheers") {
		return -1, false
	}
	if d.is(p, "with") && d.is(q, "worked", "working", "work", "shift", "teamed", "partnered", "paired", "along", "together", "swapping",
		"swapped", "swap", "switched", "switching", "traded", "trading", "sharing", "shared", "split", "splitting", "buddied", "covering") ||
		d.is(p, "to") && d.is(q, "talk", "talked", "spoke", "speak", "said", "say", "hello", "bye", "goodbye", "welcome", "introduced", "go", "went", "sent", "send", "gave", "give", "handed", "handover") ||
		d.is(p, "for") && d.is(q, "covering", "covered", "cover", "swapping", "swapped", "swap", "waiting", "waited", "looking", "asking", "asked", "filling", "subbing", "stepping") {
		return -1, false // "worked with Priya", "handed over to Sam", "covered for Ana": colleagues
	}
	return p, true
}

// gerund: "distracting", "entertaining" — a verb's -ing, not "morning".
func gerund(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "morning", "evening", "nothing", "something", "anything", "everything", "building", "ceiling", "during", "wedding",
		"meeting", "training", "teaching", "nursing", "booking", "clothing", "bedding", "pudding", "stocking", "sibling", "darling",
		"feeling", "painting", "seating", "parking", "funding", "setting", "weighing", "bleeding", "offering", "spring", "string":
		return false
	}
	return true
}

// food: what a patient is praised for eating.
var food = map[string]bool{"toast": true, "banana": true, "porridge": true, "soup": true, "yoghurt": true, "yogurt": true,
	"jelly": true, "pudding": true, "sandwich": true, "breakfast": true, "lunch": true, "dinner": true, "tea": false, "meal": true,
	"cereal": true, "custard": true, "biscuit": true, "crisps": true, "chips": true, "pasta": true, "rice": true, "ice": true,
	"juice": true, "milk": true, "bottle": true, "feed": true, "mouthful": true, "spoonful": true, "plate": true, "bowl": true}

// patientWords: the note speaks of a patient: a patient word, an event or
// a condition, a bed, a child's age, or the words of a child's or a
// patient's day (meds, scan, crying, peds, went home).
func (d *doc) patientWords() (int, int, bool) {
	ok, i, j := d.once("patientWords", func() (bool, int, int) {
		i, j, ok := d.findPatientWords()
		return ok, i, j
	})
	return i, j, ok
}

func (d *doc) findPatientWords() (int, int, bool) {
	for _, h := range d.hits {
		if h.cats&(cPatientNoun|cEvent) != 0 && !weakEvent[d.toks[h.i].low] || h.cats&cDiagnosis != 0 && d.diagnosis(h.i) {
			if n := d.nextWord(h.j, false); h.cats&cPatientNoun != 0 && n >= 0 && teamWords[d.toks[n].low] {
				continue // "the Patient Experience team"
			}
			return h.i, h.j, true
		}
	}
	if len(d.places) > 0 {
		return d.places[0], d.places[0], true
	}
	for _, h := range d.hits {
		if h.cats&cRole != 0 && (d.is(h.i, "child", "play") && d.is(h.j, "life", "specialist", "team")) {
			return h.i, h.j, true // child life and play specialists work with sick children
		}
	}
	for k, t := range d.toks {
		if patientWord[t.low] {
			return k, k, true
		}
		if (t.kind == tNum || t.kind == tAlnum) && childAge(d, k) {
			return k, k, true
		}
		if d.is(k, "his", "her", "su") && d.is(k+1, "mum", "mom", "dad", "mummy", "daddy", "parents", "mamá", "papá", "padres", "stay", "estancia") {
			return k, k + 1, true // "his mum", "her stay"
		}
		if d.is(k, "goes", "going", "went", "gets", "sent") && d.is(k+1, "home") {
			return k, k + 1, true // "he goes home tomorrow": a discharge
		}
		if d.is(k, "turned", "turns", "turning") && k+1 < len(d.toks) && (strings.HasPrefix(d.toks[k+1].low, "ninety") || strings.HasPrefix(d.toks[k+1].low, "eighty") || d.is(k+1, "100", "hundred")) {
			return k, k + 1, true // "she turned ninety-something": a great age
		}
		if d.is(k, "theatre", "theater", "surgery", "quirófano") && d.is(d.prevWord(k), "before", "to", "from", "after", "into") {
			return k, k, true // "before theatre"
		}
		if d.is(k, "children's", "kids'", "kids", "childrens") && d.is(k+1, "ward", "unit", "hospital") || d.is(k, "lights") && d.is(k+1, "out") {
			return k, k + 1, true
		}
		if (t.kind == tNum || d.wcats[k]&cNumberWord != 0) && d.is(k+1, "days", "weeks", "months", "nights") && d.is(k+2, "on", "in") && (d.wardAt(k+2) || d.is(k+3, "the", "ward", "hospital", "nicu", "picu")) {
			return k, k + 1, true // "six weeks on Rainbow ward": a stay
		}
	}
	return -1, -1, false
}

// patientWord: words of a patient's or a sick child's day.
var patientWord = map[string]bool{"crying": true, "cried": true, "tears": true, "scared": true, "frightened": true,
	"brave": true, "bravest": true, "meds": true, "medication": true, "iv": true, "drip": true, "cannula": true, "nebs": true,
	"nebuliser": true, "inhaler": true, "scan": true, "mri": true, "x-ray": true, "xray": true, "dressing": true, "walker": true,
	"wheelchair": true, "zimmer": true, "crutches": true, "cot": true, "peds": true, "paeds": true, "picu": true, "nicu": true,
	"scbu": true, "discharged": true, "bedtime": true, "poorly": true, "unwell": true, "pain": true, "breakfast": true, "yoghurt": true,
	"yogurt": true, "stickers": true, "sticker": true, "teddy": true, "toys": true, "bedside": true, "obs": true, "sats": true,
	"llorando": true, "lloraba": true, "asustado": true, "asustada": true, "valiente": true, "medicación": true, "pediatría": true}

// childAge: "a 6 year old", "5yo", "turned 8", "age 7".
func childAge(d *doc, k int) bool {
	t := d.toks[k]
	n := 0
	for _, r := range t.low {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	if n == 0 || n > 17 {
		return false
	}
	if t.kind == tAlnum {
		suffix := strings.TrimLeft(t.low, "0123456789")
		return suffix == "yo" || suffix == "y" || (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd") && d.is(d.nextWord(k, false), "birthday", "bday")
	}
	nx := d.nextWord(k, true)
	return d.is(nx, "yo", "años") || d.is(d.prevWord(k), "he's", "she's") && (nx < 0 || d.toks[nx].sent != t.sent || d.is(nx, "and", "now", "today")) || d.is(nx, "year", "years", "yr", "yrs") && d.is(d.nextWord(nx, true), "old", "o") || d.is(d.prevWord(k), "turned", "age", "aged")
}

// greatAge: "95th", "100th": an ordinal of 90 or more.
func greatAge(low string) bool {
	n := 0
	for _, r := range low {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n >= 90
}

// thingOut: "his drain out", "her feeding tube out", "his trachy out": a
// patient's line, tube or device taken out (x is the possessive).
func (d *doc) thingOut(x int) bool {
	y := d.nextWord(x, false)
	if d.is(y, "feeding", "ng", "chest", "nasal", "urinary", "central", "picc") {
		y = d.nextWord(y, false)
	}
	return y >= 0 && (patientThing[d.toks[y].low] || d.is(y, "tube", "line", "lines", "stitches", "clips")) && d.is(d.nextWord(y, false), "out", "removed", "off")
}

// socialOccasion: the sentence is about a party, a wedding, a night out:
// a colleague's hair done for it is no care received.
func (d *doc) socialOccasion(s int) bool {
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if d.is(x, "party", "wedding", "do", "night", "awards", "ball", "prom", "holiday", "date", "photo", "photos", "interview", "graduation", "boda", "fiesta") {
			return true
		}
	}
	return false
}
