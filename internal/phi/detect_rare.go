package phi

import "strings"

// findSingledOut finds a patient described without a name but in words
// that point at one person: someone in the public eye who was cared for
// ("the mayor's wife … when she came in", "the local TV weatherman who was
// with us"), a victim of a named incident ("the firefighter injured in the
// Elm Street warehouse fire", "the lorry driver from this morning's M6
// pile-up"), a birth somewhere births don't happen ("the baby born in the
// lift"), a first ("the hospital's first ever hand transplant"), and
// someone described by where they come from and where they lie ("the
// deaf-blind lady from the Faroe Islands on 8W").
func (d *doc) findSingledOut() {
	for k := range d.toks {
		t := d.toks[k]
		if t.kind != tWord {
			continue
		}
		switch {
		case (publicFigure[t.base] || publicFigure[t.low]) && (!t.cap || t.first || d.is(d.prevWord(k), "the", "our", "local", "a", "former", "ex", "el", "la")) ||
			fameWord[d.toks[max(k-1, 0)].low] && k > 0 && d.toks[k-1].kind == tWord && (d.wcats[k] == 0 || d.wcats[k]&cRole != 0) && !fameWord[t.low] && !teamWords[t.low] &&
				!d.is(k, "of", "for", "and", "the", "in", "at", "on", "to", "de", "del", "y"):
			// "the mayor", "a Premier League footballer", "the TV chef", "the council leader's husband"
			if e, ok := d.figureCared(k); ok {
				d.addTok(KindRareCase, k, e, prioRare)
			}
		case incidentWords[t.low] || t.low == "pile" && d.is(k+1, "-") && d.is(k+2, "up"):
			if i, ok := d.incidentVictim(k); ok {
				d.addTok(KindRareCase, i, k, prioRare)
			}
		case victims[t.low] || d.wcats[k]&cPersonNoun != 0 && (d.violence(d.nextWord(k, false)) || d.is(d.nextWord(k, false), "who", "that")):
			if e, ok := d.reportedInjury(k); ok {
				d.addTok(KindRareCase, k, e, prioRare)
				continue
			}
			if d.wcats[k]&cRole != 0 {
				continue // "the Filipino nurse on 4W" is a colleague
			}
			if e, ok := d.originAndWard(k); ok {
				d.addTok(KindRareCase, k, e, prioRare)
			} else if i, e, ok := d.longStay(k); ok && d.wcats[k]&cPersonNoun != 0 {
				d.cue(d.addTok(KindRareCase, k, k, prioRare), i, e)
			}
		case d.is(k, "born", "delivered", "nació", "nacio", "nacida", "nacido", "né", "née") || d.is(k, "arrived", "llegó") && d.babyInSentence(k):
			if e, ok := d.oddBirthplace(k); ok {
				d.addTok(KindRareCase, k, e, prioRare)
			}
		case d.is(k, "first", "primer", "primera", "premier", "première"):
			if i, e, ok := d.firstEver(k); ok {
				d.addTok(KindRareCase, i, e, prioRare)
			}
		case d.wcats[k]&cPersonNoun != 0:
			if e, ok := d.originAndWard(k); ok {
				d.addTok(KindRareCase, k, e, prioRare)
			} else if i, e, ok := d.longStay(k); ok {
				d.cue(d.addTok(KindRareCase, k, k, prioRare), i, e)
			}
		}
	}
}

// fameWord before an occupation makes a public figure: "the TV chef",
// "a reality star", "the council leader".
var fameWord = map[string]bool{"tv": true, "television": true, "radio": true, "celebrity": true, "famous": true, "pop": true,
	"film": true, "movie": true, "reality": true, "council": true, "party": true, "opposition": true, "world-famous": true,
	"olympic": true, "paralympic": true, "premier": true, "league": true, "international": true, "rock": true}

// publicFigure are people whose care is news.
var publicFigure = map[string]bool{"mayor": true, "mayoress": true, "mp": true, "senator": true, "congressman": true,
	"congresswoman": true, "councillor": true, "councilor": true, "governor": true, "minister": true, "footballer": true,
	"actor": true, "actress": true, "singer": true, "popstar": true, "rapper": true, "presenter": true, "newsreader": true,
	"weatherman": true, "weathergirl": true, "weatherwoman": true, "newscaster": true, "influencer": true,
	"youtuber": true, "olympian": true, "paralympian": true, "olympic": true, "paralympic": true, "celebrity": true,
	"celeb": true, "bishop": true, "archbishop": true, "judge": true, "sheriff": true, "famous": true, "alcalde": true,
	"alcaldesa": true, "concejal": true, "diputado": true, "diputada": true, "futbolista": true, "cantante": true,
	"presentador": true, "presentadora": true, "famoso": true, "famosa": true, "ministro": true, "ministra": true}

// figureCared: the public figure at k was cared for: a care verb
// before ("looking after the local MP", "handling the mayor's wife"), or
// an arrival, a stay or a condition after ("when she came in", "who was
// with us all week", "who was in resus"). Not "thanks to the mayor for
// visiting", "the Mayor opened the new dialysis unit".
func (d *doc) figureCared(k int) (int, bool) {
	s := d.toks[k].sent
	e := k
	if n := d.nextWord(k, false); n >= 0 && d.wcats[n]&(cRelation|cPersonNoun) != 0 {
		e = n // "the mayor's wife"
	}
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
		if d.endAt[p]&cCare != 0 && !d.is(p, "visited", "visiting", "visit") || d.is(p, "handling", "handled", "treating", "treated", "of") && (steps > 0 || !d.is(p, "of")) ||
			d.is(p, "care", "kindness", "treatment", "cuidados") && steps >= 1 { // "the care you gave the Mayor"
			return e, true
		}
	}
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if x >= k && x <= e {
			continue
		}
		if d.toks[x].cats&(cEvent|cDiagnosis) != 0 && d.diagnosis(x) || d.isPlaceFinding(x) || d.wardAt(x) ||
			d.is(x, "came", "brought", "rushed") && d.is(x+1, "in", "into") || d.is(x, "with") && d.is(x+1, "us") ||
			d.is(x, "atender", "atendió", "atendimos", "atendiendo", "cuidar", "cuidó", "cuidando", "llegó", "ingresó") {
			return e, true
		}
	}
	return -1, false
}

// wardAt: "on 8W", "in resus", "on Elm ward", "on the labour ward", "on
// AMU" from token x (the "on" or "in").
func (d *doc) wardAt(x int) bool {
	if !d.is(x, "on", "in", "en") || x+1 >= len(d.toks) {
		return false
	}
	t := d.toks[x+1]
	if unitCode(t) || d.is(x+1, "resus", "icu", "itu", "hdu", "ccu", "nicu", "picu", "scbu", "amu", "mau", "cdu", "ward", "uci", "planta") ||
		t.upper && len(t.low) >= 2 && len(t.low) <= 4 && t.kind == tWord && d.wcats[x+1]&cNotName != 0 {
		return true
	}
	for n, steps := x+1, 0; n < len(d.toks) && steps < 4 && d.toks[n].sent == d.toks[x].sent; n, steps = n+1, steps+1 {
		if d.is(n, "ward", "unit", "wing") && steps > 0 {
			return true // "on Elm ward", "on the labour ward"
		}
		if d.toks[n].kind == tPunct {
			return false
		}
	}
	return false
}

// incidentWords name an incident that made the news.
var incidentWords = map[string]bool{"fire": true, "blaze": true, "crash": true, "pile-up": true, "pileup": true, "collision": true,
	"accident": true, "explosion": true, "blast": true, "shooting": true, "stabbing": true, "derailment": true, "flood": true,
	"floods": true, "collapse": true, "bombing": true, "earthquake": true, "riot": true, "siege": true, "attack": true, "rtc": true,
	"rta": true, "incendio": true, "accidente": true, "explosión": true, "choque": true, "tiroteo": true, "atropello": true,
	"derrumbe": true, "incendie": true}

// victims are people an incident happens to.
var victims = map[string]bool{"firefighter": true, "firefighters": true, "fireman": true, "firemen": true, "officer": true,
	"policeman": true, "policewoman": true, "soldier": true, "driver": true, "drivers": true, "cyclist": true, "pedestrian": true,
	"motorcyclist": true, "biker": true, "rider": true, "climber": true, "skier": true, "swimmer": true, "jockey": true,
	"pilot": true, "passenger": true, "passengers": true, "worker": true, "workers": true, "builder": true, "farmer": true,
	"pupil": true, "pupils": true, "schoolboy": true, "schoolgirl": true, "tourist": true, "hiker": true, "runner": true,
	"victim": true, "victims": true, "survivor": true, "survivors": true, "casualty": true, "casualties": true, "rower": true,
	"student": true, "students": true, "family": true, "children": true, "kids": true, "schoolchildren": true, "men": true,
	"women": true, "people": true, "teenagers": true, "teens": true, "boys": true, "girls": true, "pensioner": true,
	"pensioners": true, "paramedic": true, "paramedics": true, "veteran": true, "refugee": true, "prisoner": true, "inmate": true, "jogger": true, "skateboarder": true,
	"bombero": true, "conductor": true, "ciclista": true, "peatón": true,
	"motorista": true, "turista": true, "víctima": true, "trabajador": true, "alumno": true, "alumna": true}

// incidentVictim: a person tied to the incident at k: "the firefighter
// injured in the Elm Street warehouse fire", "the teenage boy from the
// fireworks accident", "the lorry driver from this morning's M6 pile-up".
// "Everyone who helped during the major incident" names nobody.
func (d *doc) incidentVictim(k int) (int, bool) {
	if d.is(d.prevWord(k), "major", "mass", "critical", "serious", "fire", "heart", "panic", "asthma") && !d.is(k, "fire") || d.is(d.nextWord(k, false), "drill", "alarm", "alarms", "exit", "door", "doors", "safety", "training", "warden", "plan", "procedure", "team", "service", "brigade", "department", "extinguisher", "call", "calls", "trolley", "cart", "bleep", "course", "investigation", "report", "form", "forms") {
		return -1, false // "major incident", "heart attack", "fire drill"
	}
	linked := false
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 9; p, steps = d.prevWord(p), steps+1 {
		if d.is(p, "from", "in", "injured", "hurt", "caught", "involved", "pulled", "rescued", "of", "after", "burned", "burnt", "de", "del", "herido", "herida") {
			linked = true
			continue
		}
		if linked && (d.wcats[p]&(cPersonNoun|cPatientNoun) != 0 || victims[d.toks[p].low]) && !d.is(p, "one", "soul") {
			if d.writerOwned(p) {
				return -1, false
			}
			return p, true
		}
		if d.is(p, "who", "that", "were", "was", "you", "we", "they", "i") || d.wcats[p]&cRole != 0 && !victims[d.toks[p].low] && !d.toks[p].upper {
			return -1, false
		}
	}
	return -1, false
}

// violence: an injury that is news, right after a person: "the cyclist
// hit on Station Road", "the young dad stabbed outside the club".
func (d *doc) violence(n int) bool {
	return d.is(n, "hit", "knocked", "run", "struck", "stabbed", "shot", "attacked", "assaulted", "mugged", "injured", "hurt",
		"burned", "burnt", "rescued", "pulled", "found", "trapped", "thrown", "crushed", "apuñalado", "apuñalada", "atropellado",
		"atropellada", "herido", "herida", "rescatado", "rescatada")
}

// reportedInjury: a person, an injury that is news and when or where it
// happened: "the cyclist hit on Station Road yesterday", "the young dad
// stabbed outside the club on Friday", "the climber rescued from Ben Nevis".
func (d *doc) reportedInjury(k int) (int, bool) {
	n := d.nextWord(k, false)
	for steps := 0; steps < 3 && d.is(n, "who", "that", "was", "were", "had", "been", "got", "que", "fue"); steps++ {
		n = d.nextWord(n, false) // "the cyclist who was pulled from the river"
	}
	if !d.violence(n) || d.writerOwned(k) {
		return -1, false
	}
	for m, steps := d.nextWord(n, false), 0; m >= 0 && steps < 7; m, steps = d.nextWord(m, false), steps+1 {
		t := d.toks[m]
		if t.cap && !t.first && d.wcats[m]&(cNotName|cRole|cService) == 0 || d.wcats[m]&cStreetAfter != 0 && t.cap ||
			d.is(m, "river", "canal", "sea", "lake", "reservoir", "bridge", "motorway", "railway", "tracks", "cliff", "cliffs", "beach", "woods", "quarry", "rubble", "wreckage", "río", "puente",
				"yesterday", "tonight", "outside", "last", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
				"sunday", "weekend", "ayer", "anoche", "fuera") || d.wcats[m]&cMonth != 0 || dayToken(t) && d.is(d.prevWord(m), "the", "on") {
			return n, true
		}
	}
	return -1, false
}

// oddPlaces are where a birth singles out the baby.
var oddPlaces = map[string]bool{"lift": true, "elevator": true, "car": true, "taxi": true, "cab": true, "ambulance": true,
	"corridor": true, "hallway": true, "stairwell": true, "stairs": true, "reception": true, "lobby": true, "toilet": true,
	"bathroom": true, "helicopter": true, "plane": true, "train": true, "bus": true, "road": true, "motorway": true, "layby": true,
	"lay-by": true, "driveway": true, "garden": true, "field": true, "street": true, "pavement": true, "sidewalk": true,
	"ascensor": true, "coche": true, "ambulancia": true, "pasillo": true, "taxi's": true, "uber": true, "shop": true,
	"supermarket": true, "park": true, "beach": true, "boat": true, "airport": true, "station": true, "canteen": true, "cafe": true,
	"steps": true, "doorstep": true, "escalator": true, "van": true, "floor": true, "escaleras": true}

// babyInSentence: a baby is the subject of "arrived" ("a little girl arrived in the lift").
func (d *doc) babyInSentence(k int) bool {
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 4; p, steps = d.prevWord(p), steps+1 {
		if d.is(p, "baby", "babies", "girl", "boy", "son", "daughter", "twins", "triplets", "bebé", "bebe", "niña", "niño") {
			return true
		}
	}
	return false
}

// oddBirthplace: "born in the lift", "delivered in the car park",
// "nació en el ascensor".
func (d *doc) oddBirthplace(k int) (int, bool) {
	n := d.nextWord(k, false)
	if !d.is(n, "in", "on", "at", "en", "dans") {
		return -1, false
	}
	for m, steps := d.nextWord(n, false), 0; m >= 0 && steps < 6; m, steps = d.nextWord(m, false), steps+1 {
		if oddPlaces[d.toks[m].low] {
			if d.is(k, "delivered") && d.sents[d.toks[k].sent]&(cPersonNoun|cRelation|cRare) == 0 {
				return -1, false // "the parcel was delivered in reception"
			}
			if n := d.nextWord(m, false); d.is(n, "park", "parking", "lot") {
				m = n // "the car park"
			}
			return m, true
		}
		if !d.is(m, "the", "a", "an", "el", "la", "un", "una", "back", "of", "hospital", "hospital's", "our", "main", "front") {
			break
		}
	}
	return -1, false
}

// firstEver: "the hospital's first ever hand transplant", "the first
// patient in the country to …", "our first ever baby born by …": a first
// of its kind whose patient is known. Not "our first ever staff awards".
func (d *doc) firstEver(k int) (int, int, bool) {
	p := d.prevWord(k)
	ever := d.is(d.nextWord(k, false), "ever")
	scoped := p >= 0 && d.toks[p].base != d.toks[p].low && (scopeWords[d.toks[p].base] || d.toks[p].cap || d.is(p, "world's", "country's", "nation's", "uk's"))
	if !ever && !scoped && !d.is(p, "world", "uk", "nation's", "country's") {
		// "First lift birth in this hospital's history", "the first heart transplant ever done in this hospital": scoped after
		for n, steps := d.nextWord(k, false), 0; n >= 0 && steps < 8 && d.toks[n].sent == d.toks[k].sent; n, steps = d.nextWord(n, false), steps+1 {
			if d.wcats[n]&cRole != 0 || d.is(n, "staff", "award", "awards", "conference", "course") {
				break
			}
			if d.is(n, "history", "historia") && d.is(d.prevWord(n), "hospital's", "trust's", "hospital", "unit's", "our", "its") ||
				d.is(n, "ever") && d.is(d.nextWord(n, false), "done", "performed", "born", "carried", "in", "at", "here") {
				for x, st := d.nextWord(k, false), 0; x >= 0 && x < n && st < 5; x, st = d.nextWord(x, false), st+1 {
					if d.toks[x].cats&(cEvent|cPatientNoun) != 0 || d.is(x, "birth", "births", "baby", "babies", "delivery", "patient", "transplant", "procedure") {
						return k, n, true
					}
				}
			}
		}
		return -1, -1, false
	}
	for n, steps := d.nextWord(k, false), 0; n >= 0 && steps < 5; n, steps = d.nextWord(n, false), steps+1 {
		if d.wcats[n]&(cRole|cService) != 0 || d.is(n, "staff", "award", "awards", "day", "week", "time", "shift", "year", "conference", "course") {
			return -1, -1, false
		}
		if d.toks[n].cats&(cEvent|cPatientNoun) != 0 || d.wcats[n]&cDiagnosis != 0 && d.diagnosis(n) || d.is(n, "baby", "babies", "patient", "procedure", "operation") {
			if x := d.nextWord(n, false); x >= 0 && (d.wcats[x]&cService != 0 || d.is(x, "course", "conference", "awards", "simulation")) || d.is(p, "my", "your", "mi", "tu") {
				return -1, -1, false // "our first ever robotic surgery course", "my first ever patient"
			}
			i := k
			if scoped {
				i = p
			}
			return i, n, true
		}
	}
	return -1, -1, false
}

// originAndWard: a person described by where they come from and where
// they are cared for: "the deaf-blind lady from the Faroe Islands on 8W",
// "the Icelandic tourist in resus". Where someone comes from is no
// identifier alone; with the ward and a rare trait it singles them out.
func (d *doc) originAndWard(k int) (int, bool) {
	s := d.toks[k].sent
	origin, e := false, k
	if n := d.nextWord(k, false); d.is(n, "from", "de") {
		m := d.nextWord(n, false)
		if d.is(m, "the", "la", "el", "las", "los") {
			m = d.nextWord(m, false)
		}
		if m >= 0 && d.toks[m].cap && d.wcats[m]&(cRole|cService|cNotName|cPlace|cStaffTitle|cPatientTitle) == 0 && d.toks[m].cats&cRole == 0 && !d.toks[m].upper {
			origin, e = true, m
			for x := d.nextWord(m, false); x >= 0 && d.toks[x].cap && d.wcats[x]&(cNotName|cRole) == 0; x = d.nextWord(x, false) {
				e = x
			}
		}
	}
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 2; p, steps = d.prevWord(p), steps+1 {
		if demonym(d.toks[p].low) || rareTrait[d.toks[p].low] {
			origin = true // "the Romanian lorry driver", "the deaf-blind lady"
		}
	}
	if !origin {
		return -1, false
	}
	trait := false
	for p, steps := d.prevWord(k), 0; p >= 0 && steps < 3; p, steps = d.prevWord(p), steps+1 {
		if rareTrait[d.toks[p].low] || demonym(d.toks[p].low) {
			trait = true
		}
	}
	ward := d.placeInSentence(s)
	for x := e + 1; x < d.sentStart[s+1] && x <= e+6; x++ {
		if d.wardAt(x) {
			ward = true
		}
	}
	if ward && (trait || d.sents[s]&(cEvent|cDiagnosis|cCare|cPatientNoun) != 0 || d.is(d.prevWord(k), "the")) {
		return e, true
	}
	return -1, false
}

// unitCode: a ward's short name, "8W", "5N", "4B", "12".
func unitCode(t token) bool {
	if t.kind != tAlnum || len(t.low) > 4 {
		return false
	}
	last := t.low[len(t.low)-1]
	return strings.ContainsRune("nsewab", rune(last)) && t.low[0] >= '0' && t.low[0] <= '9'
}

// rareTrait are traits few patients share.
var rareTrait = map[string]bool{"deaf-blind": true, "deafblind": true, "blind": true, "deaf": true, "quadriplegic": true,
	"tetraplegic": true, "paraplegic": true, "albino": true, "pregnant": true, "homeless": true, "sordociega": true,
	"sordociego": true, "ciega": true, "ciego": true, "sorda": true, "sordo": true}

// demonym: a word that says where someone is from ("Icelandic",
// "Faroese", "Nigerian"): the common endings, checked against a short
// list of English words that share them.
func demonym(w string) bool {
	switch w {
	case "american", "african", "asian", "european", "australian", "canadian", "mexican", "brazilian", "indian", "pakistani",
		"bangladeshi", "nepali", "afghan", "iraqi", "iranian", "syrian", "somali", "eritrean", "ethiopian", "sudanese", "nigerian",
		"ghanaian", "kenyan", "ugandan", "congolese", "chinese", "japanese", "korean", "vietnamese", "thai", "filipino", "filipina",
		"indonesian", "malaysian", "polish", "romanian", "bulgarian", "hungarian", "czech", "slovak", "ukrainian", "russian",
		"lithuanian", "latvian", "estonian", "german", "french", "italian", "spanish", "portuguese", "dutch", "belgian", "swiss",
		"austrian", "swedish", "norwegian", "danish", "finnish", "icelandic", "faroese", "greek", "turkish", "kurdish", "albanian",
		"serbian", "croatian", "bosnian", "irish", "scottish", "welsh", "english", "british", "jamaican", "cuban", "colombian",
		"venezuelan", "peruvian", "chilean", "argentinian", "argentine", "bolivian", "ecuadorian", "moroccan", "algerian",
		"tunisian", "egyptian", "libyan", "saudi", "yemeni", "omani", "emirati", "israeli", "palestinian", "lebanese", "jordanian",
		"tibetan", "mongolian", "sri lankan", "tamil", "maori", "samoan", "tongan", "fijian", "inuit", "romani", "gypsy",
		"extranjero", "extranjera", "inglés", "inglesa", "francés", "francesa", "alemán", "alemana", "chino", "china",
		"marroquí", "rumano", "rumana", "japonés", "japonesa":
		return true
	}
	return false
}

// longStay: a person (not a colleague) who has been on the ward or in
// hospital for a stay few patients have: 100 days or more, six months or
// more, a year or more ("our gentleman who has been on the ward 400+
// days"). A colleague's years of service are said with a role, so a role
// word next to the person vetoes it.
func (d *doc) longStay(k int) (int, int, bool) {
	s := d.toks[k].sent
	if n := d.nextWord(k, false); n >= 0 && d.wcats[n]&cRole != 0 || d.sents[s]&cCelebration != 0 {
		return -1, -1, false
	}
	stay := false
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if d.is(x, "ward", "hospital", "unit", "inpatient", "here", "us", "icu", "itu", "nicu", "planta") && d.is(d.prevWord(x), "the", "on", "in", "with", "our", "an", "la", "en") {
			stay = true
		}
	}
	if !stay {
		return -1, -1, false
	}
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		t := d.toks[x]
		if t.kind != tNum {
			continue
		}
		n := 0
		for _, r := range t.low {
			if r >= '0' && r <= '9' {
				n = n*10 + int(r-'0')
			}
		}
		u := d.nextWord(x, false)
		if d.is(u, "+") {
			u = d.nextWord(u, false)
		}
		if d.is(u, "days", "días") && n >= 100 || d.is(u, "months", "meses") && n >= 6 && n < 240 || d.is(u, "years", "años") && n >= 1 && n < 10 && d.is(d.prevWord(x), "for", "over", "nearly", "almost", "than", "durante") {
			return x, u, true
		}
	}
	return -1, -1, false
}

// colleagueBaby: the note announces a colleague's new baby ("Welcome to
// the world baby Elif! Congrats to our physio Serkan", "Radiographer Hanna
// and her husband welcomed twins", "bienvenida al mundo a la bebé Lucía,
// hija de nuestra enfermera"): a birth celebrated, a colleague named by
// role or welcomed back from leave, and nothing of a patient (no patient
// word, diagnosis, ward bed or care event beyond the birth itself). The
// baby and the family are a colleague's, not a patient's (ADR 0350).
func (d *doc) colleagueBaby() bool {
	birth, colleague := false, false
	for k := range d.toks {
		switch {
		case d.is(k, "world", "mundo", "monde") && d.is(d.prevWord(k), "the", "al") && d.is(d.prevWord(d.prevWord(k)), "to", "welcome", "bienvenida", "bienvenido"),
			d.is(k, "welcomed", "welcomes", "arrival") && !d.is(d.nextWord(k, false), "back"),
			d.is(k, "birth", "nacimiento") && d.is(d.nextWord(k, false), "of", "de"),
			d.is(k, "news") && d.is(d.prevWord(k), "baby"),
			d.is(k, "leave", "baja") && d.is(d.prevWord(k), "mat", "maternity", "paternity", "parental", "maternidad", "paternidad"):
			birth = true
		}
		if d.wcats[k]&(cRole|cStaffTitle) != 0 || d.endAt[k]&cRole != 0 || d.is(k, "back") && d.is(d.prevWord(k), "welcome", "bienvenida", "bienvenido") {
			colleague = true
		}
		if d.wcats[k]&(cPatientNoun|cDiagnosis|cPatientTitle) != 0 || d.is(k, "nicu", "scbu", "neonatal", "incubator", "ventilator", "ucin", "neonatos") {
			return false
		}
	}
	return birth && colleague && len(d.places) == 0
}

// dropPeople removes the person findings (a name, a relative, twins): the
// numbers, addresses and the like stay.
func (d *doc) dropPeople() {
	out := d.cands[:0]
	for _, c := range d.cands {
		if c.Kind != KindPatientName && c.Kind != KindFamilyName && c.Kind != KindRareCase && c.Kind != KindStaffPatient {
			out = append(out, c)
		}
	}
	d.cands = out
}

// oneOfAKind are the people a one-off story is told about: with "the"
// before them and a news, rescue or superlative after, they are one person.
var oneOfAKind = map[string]bool{"lad": true, "lass": true, "boy": true, "girl": true, "man": true, "woman": true, "lady": true,
	"gent": true, "gentleman": true, "chap": true, "guy": true, "bride": true, "groom": true, "rider": true, "biker": true,
	"cyclist": true, "diver": true, "climber": true, "walker": true, "hiker": true, "swimmer": true, "skier": true, "baby": true,
	"toddler": true, "teen": true, "teenager": true, "kid": true, "resident": true, "patient": true, "weeker": true,
	"mum": true, "dad": true, "runner": true, "jockey": true, "fisherman": true, "farmer": true, "pilot": true, "niño": true,
	"niña": true, "chico": true, "chica": true, "señor": true, "señora": true, "hombre": true, "mujer": true, "bebé": true}

// findSingularEvents: a patient without a name made one of a kind by what
// happened to them (ADR 0350): in the news ("the little boy who was on the
// news", "the news said he'd never make it"), flown in or airlifted from
// somewhere ("the quad-bike rider airlifted from the hills"), or a
// superlative with its scope ("the smallest baby this unit has ever
// discharged", "our eldest resident on the rehab unit", "the only case
// we've had all year"). A colleague (a role word) is never the one.
func (d *doc) findSingularEvents() {
	// "the paraglider airlifted off the ridge", "the diver they flew in": whoever was flown in
	for x := range d.toks {
		if !d.is(x, "airlifted", "helicoptered", "winched", "flown", "flew") || d.is(x, "flew") && !d.is(d.nextWord(x, false), "in") {
			continue
		}
		for p, steps := d.prevWord(x), 0; p >= 1 && steps < 4 && d.toks[p].sent == d.toks[x].sent; p, steps = d.prevWord(p), steps+1 {
			if d.toks[p].kind == tWord && !d.toks[p].cap && d.is(d.prevWord(p), "the", "a", "our", "el", "la") && d.wcats[p]&(cRole|cStaffPlace|cService|cEquipment) == 0 && !teamWords[d.toks[p].low] {
				d.cue(d.addTok(KindRareCase, p, p, prioRare), x, x)
				return
			}
		}
	}
	for k := range d.toks {
		t := d.toks[k]
		if t.kind != tWord || !oneOfAKind[t.base] && !strings.HasSuffix(t.low, "-weeker") || d.wcats[k]&cRole != 0 {
			continue
		}
		s := t.sent
		// "the smallest baby", "our eldest resident", "the only case"
		sup := -1
		for p, steps := d.prevWord(k), 0; p >= 0 && steps < 3 && d.toks[p].sent == s; p, steps = d.prevWord(p), steps+1 {
			if d.is(p, "smallest", "youngest", "oldest", "eldest", "tiniest", "lightest", "heaviest", "earliest", "first", "only", "longest-staying", "más", "primer", "primera", "único", "única") {
				sup = p
				break
			}
		}
		end := d.sentStart[min(s+2, len(d.sentStart)-1)]
		for x := k + 1; x < end && x < len(d.toks); x++ {
			switch {
			case d.is(x, "news", "paper", "papers", "telly", "tv", "headlines", "noticias", "periódico", "tele") && d.is(d.prevWord(x), "the", "on", "in", "made", "las", "el", "la", "los"):
				d.cue(d.addTok(KindRareCase, k, k, prioRare), x, x)
				return
			case d.is(x, "airlifted", "airlift", "helicoptered", "winched", "flown", "flew") && d.toks[x].sent == s:
				d.cue(d.addTok(KindRareCase, k, k, prioRare), x, x)
				return
			case sup >= 0 && d.toks[x].sent == s && (d.is(x, "ever", "nunca", "jamás") || d.is(x, "year", "history", "building", "hospital", "trust", "unit", "home", "unidad", "hospital") && d.is(d.prevWord(x), "all", "this", "the", "our", "whole", "el", "la", "esta", "este") && d.is(d.prevWord(d.prevWord(x)), "all", "in", "on", "had", "of", "en", "de")):
				d.cue(d.addTok(KindRareCase, sup, k, prioRare), x, x)
				return
			}
		}
	}
}
