package phi

import "strings"

// The addressee model (ADR 0330). A thank-you note is said to someone: the
// names in its greeting, its thanks and its signature are the staff it is
// for or from. Any other person the note names by first name is a third
// party, and in a note of thanks a third party is, far more often than
// not, the one the thanked care was for. So a third party needs only ONE
// sign of being cared for (the object of a care act, a possession only a
// patient has, a relative of theirs, a description "the lady who …", what
// they did that only a patient is praised for), where a name the note may
// be addressed to needs two. A sentence about work (rota, shift, audit,
// induction …) with no patient word in it vetoes the rule: a colleague
// helped with the audit is a colleague.

// addresseeSlot: the name at start..j is one the note is said to or signed
// by: it opens a sentence and a comma, a dash, a colon, "you" or "thanks"
// follows ("Gwen, Arthur says …", "Liesel you went above …", "Yusuf thanks
// for …"); or it closes a clause after a comma ("… on the long-stay ward,
// Ken."); or it signs the note.
func (d *doc) addresseeSlot(start, j int) bool {
	n := j + 1
	if d.toks[start].first {
		if n >= len(d.toks) || d.is(n, ",", "—", "–", "-", ":", "!", "you", "u", "thanks", "thank", "thx", "ty", "your", "ur", "we", "i", "gracias", "te", "merci") {
			return true
		}
	}
	if p := start - 1; p >= 0 && d.is(p, ",", "—", "–") && d.vocative(start, j) && (n >= len(d.toks) || !d.is(n, "(", "'", "\"")) {
		return true
	}
	if d.youThen(start, j) {
		return true
	}
	if d.greetingTo(start) {
		return true
	}
	// a signature signs the note at its end, not "Hollis from transport — Brooke (the lady who …) asked me …"
	n = j + 1
	ends := n >= len(d.toks) || d.is(n, ",", ".", "!", "(", "x", "xx", "xxx") || d.toks[n].nl
	return d.signature(start, j) && ends && (d.toks[start].sent == len(d.sentStart)-2 || len(d.toks)-j <= 8)
}

// noteAddressed: the note is said to someone: a greeting or thanks, or
// "you" anywhere. Computed once per note.
func (d *doc) noteAddressed() bool {
	ok, _, _ := d.once("noteAddressed", func() (bool, int, int) {
		for k := range d.toks {
			if d.wcats[k]&cAddressed != 0 && d.addressed(k) || strings.HasPrefix(d.toks[k].low, "you") && d.toks[k].kind == tWord || d.is(k, "love") && d.is(d.prevWord(k), "big", "much", "sending", "lots", "all", "huge") ||
				d.is(k, "hero", "heroes", "legend", "legends", "star", "superstar", "stars", "bravo", "kudos", "gem", "diamond", "shoutout", "props") ||
				d.is(k, "up") && d.is(d.prevWord(k), "big") || d.is(k, "out") && d.is(d.prevWord(k), "shout") || d.is(k, "off") && d.is(d.prevWord(k), "hats") ||
				d.is(k, "well") && d.is(k+1, "done") || d.is(k, "grateful", "thankful", "indebted") || d.is(k, "you", "u", "your", "ur", "you're", "youre", "you've", "you'll", "ya", "ya", "tu", "te", "ti", "usted", "ustedes", "vous", "gracias", "thanks", "thank") {
				return true, k, k
			}
		}
		return false, -1, -1
	})
	return ok
}

// thirdParty: the mention is named in an addressed note but is not its
// addressee, no staff cue claims it, and its sentence is not about work.
func (d *doc) thirdParty(m mention, start, level int) bool {
	if level == 2 && d.reportedToYou(m.j) && !d.claimedBefore(start) {
		level = 0 // "Gwen, Arthur says your tea …": the agent verb reports, it does not claim
	}
	if level > 0 || m.title >= 0 || m.lower || m.weak && d.toks[start].first || !d.noteAddressed() || d.addresseeSlot(start, m.j) || d.roleAfter(m.j) || d.taskAfterHelp(start, m.j) {
		return false
	}
	if p := d.prevWord(start); p >= 0 && (d.wcats[p]&(cRelation|cWriterOwner) != 0 || d.endAt[p]&cRelation != 0 || teachAct[d.toks[p].low] || d.is(p, "the", "a", "an")) {
		return false // "my daughter Elsie" is the writer's; "showing Fern the new pumps" teaches a colleague; "the Schwartz Round" is a meeting
	}
	for p, steps := d.prevWord(start), 0; p >= 0 && steps < 3 && d.toks[p].sent == d.toks[start].sent; p, steps = d.prevWord(p), steps+1 {
		if teachAct[d.toks[p].low] {
			return false // "swapping with Anouk", "covering so Sam could", "stepping in for Jo"
		}
	}
	return !d.workSentence(d.toks[start].sent) && !d.colleagueThingAfter(m.j)
}

// teachAct: verbs whose object is a colleague learning the job.
var teachAct = map[string]bool{"showing": true, "showed": true, "shown": true, "teaching": true, "taught": true, "training": true,
	"trained": true, "mentoring": true, "mentored": true, "supervising": true, "supervised": true, "precepting": true,
	"buddying": true, "buddied": true, "orienting": true, "inducting": true, "coaching": true, "coached": true,
	"swapping": true, "swapped": true, "covering": true, "covered": true, "relieving": true, "relieved": true, "replacing": true,
	"welcoming": true, "welcomed": true, "interviewing": true, "onboarding": true, "stepping": true, "stepped": true,
	"subbing": true, "filling": true}

// workSentence: the sentence is about work, not care: a work word and no
// patient word ("thanks for helping Ana with the audit", "covering Sam's
// shift so he could make the induction").
func (d *doc) workSentence(s int) bool {
	if d.sents[s]&(cPatientNoun|cEvent|cDiagnosis) != 0 || len(d.placesBySent[s]) > 0 {
		return false
	}
	work, laugh := false, false
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		laugh = laugh || d.is(x, "laugh", "laughed", "laughing", "giggling", "happy")
	}
	from := d.sentStart[s]
	for x := from; x < d.sentStart[s+1] && x <= d.sentStart[s]+8; x++ {
		if d.toks[x].low == ":" {
			from = x + 1 // "Shout out to the late shift: Lettice kept …": the greeting names the shift, the note is after it
			break
		}
	}
	for x := from; x < d.sentStart[s+1]; x++ {
		w := d.toks[x].base
		if laugh && d.is(x, "cried", "crying", "tears") {
			continue // "laughed so much she cried": no distress
		}
		if patientWord[w] || patientThing[w] && !workWord[w] || d.is(x, "family", "families", "relatives", "visitors") || d.is(x, "stay", "estancia") && d.is(d.prevWord(x), "his", "her", "their", "su") {
			return false
		}
		if d.is(x, "first") && d.is(d.nextWord(x, false), "week", "day", "shift", "month", "placement", "rotation", "night") {
			work = true // "on her first week": a new colleague's
		}
		if t := d.toks[x]; t.kind == tAlnum && !greatAge(t.low) && !childAge(d, x) && len(t.low) == 4 && (t.low[2:] == "th" || t.low[2:] == "st" || t.low[2:] == "nd" || t.low[2:] == "rd") {
			work = true // "the cake for Ines's 30th": a colleague's birthday
		}
		if d.is(x, "break", "breaks", "lunchbreak") && d.is(d.prevWord(x), "his", "her", "their", "lunch", "own") && d.givenToSomeone(s) {
			continue // "spent her break reading to Amara": a break given to a patient
		}
		if workWord[w] && !d.is(d.prevWord(x), "all", "whole", "every", "each") && !d.is(x+1, "ring", "rings", "photo", "photos") || d.is(x, "huddle", "huddles", "staffroom", "mess", "breakroom") || d.is(x, "staff") && d.is(x+1, "room", "kitchen", "meeting") {
			work = true
		}
	}
	return work
}

// workWord: what a sentence about colleagues' work names.
var workWord = map[string]bool{"rota": true, "rotas": true, "shift": true, "shifts": true, "audit": true, "audits": true,
	"induction": true, "orientation": true, "training": true, "handover": true, "competencies": true, "competency": true,
	"e-learning": true, "elearning": true, "paperwork": true, "emails": true, "email": true, "spreadsheet": true, "meeting": true,
	"meetings": true, "placement": true, "preceptorship": true, "exam": true, "exams": true, "interview": true, "revalidation": true,
	"appraisal": true, "payroll": true, "timesheet": true, "timesheets": true, "ropes": true, "cover": true, "overtime": true,
	"stocktake": true, "inventory": true, "printer": true, "computer": true, "laptop": true, "system": true, "software": true,
	"presentation": true, "project": true, "poster": true, "conference": true, "course": true, "module": true, "teaching": true,
	"mentoring": true, "study": true, "dissertation": true, "assignment": true, "portfolio": true, "badge": true, "locker": true,
	"car": true, "parking": true, "lift": false, "commute": true, "move": true, "house": true, "wedding": true, "leaving": true,
	"retirement": true, "promotion": true, "job": true, "post": true, "role": true, "starter": true, "student": true,
	"students": true, "trainee": true, "apprentice": true, "desk": true, "colleague": true, "holiday": true, "holidays": true,
	"office": true, "staffroom": true, "break": true, "lunchbreak": true, "deadline": true, "report": true, "rostering": true,
	"quiz": true, "karaoke": true, "collection": true, "gift": true, "gifts": true, "surprise": true, "whip-round": true,
	"inspection": true, "cqc": true, "stock": true, "shadowing": true, "tour": true, "disco": true, "pub": true, "drinks": true, "awards": true, "gala": true,
	"sponsored": true, "fundraiser": true, "fundraising": true, "raising": true, "charity": true, "donation": true,
	"donations": true, "raffle": true, "bake": true, "mudanza": true, "descanso": true, "reuniones": true, "vacaciones": true,
	"examen": true, "turno": true, "turnos": true, "guardia": true, "formación": true, "reunión": true, "curso": true}

// careObject: one sign that the third party at start..j was the one cared
// for, in words of any note, not a list of names: the object of a care
// act done by the reader ("you calmed Junior down", "made Ahmed laugh",
// "getting Hope up", "finding Maeve's glasses", "making Fatima a cake",
// "so patient with Clement", "staying late with Doris"); a description
// after the name ("Brooke (the lady who loves fishing)", "Lenny, the gent
// who whistles"); a relative of theirs in the same or the next sentence
// ("Doris when her daughter couldn't make it", "Arthur … his late wife");
// and, in the next sentence, he or she doing what a patient is praised
// for ("She cried happy tears", "He slept all night").
func (d *doc) careObject(start, j int) (int, int, bool) {
	// the object of an act of care: a verb (or "patient with") right before the name
	p := d.prevWord(start)
	for steps := 0; p >= 0 && steps < 2 && d.is(p, "our", "the", "little", "lovely", "poor", "sweet", "old", "young"); steps++ {
		p = d.prevWord(p)
	}
	if d.colleagueThingAfter(j) {
		return -1, -1, false // "finding Kate's keys", "looking after Priya's plants"
	}
	if p >= 0 && d.toks[p].sent == d.toks[start].sent {
		w := d.toks[p].low
		if careAct[w] {
			return p, p, true
		}
		if d.is(p, "with", "to", "for", "on") {
			q := d.prevWord(p)
			if q >= 0 && giftWord[d.toks[q].low] && !d.sentenceDistress(d.toks[start].sent) && !d.anyPatientCtx() {
				q = -1 // "the birthday cake for Ifeoma", "flowers for Dev": a colleague's treat, unless a patient is in the note
			}
			if q >= 0 && (careWith[d.toks[q].low] || comfortFor[d.toks[q].low] && d.is(p, "for") || d.is(q, "late", "behind", "back", "extra", "longer") && d.is(d.prevWord(q), "staying", "stayed", "stay", "stopping", "stopped", "hanging")) {
				return q, p, true
			}
			// "reading Harry Potter to Amara", "sang the old songs to Walter": read or sung to
			if d.is(p, "to") {
				for x, steps := d.prevWord(p), 0; x >= 0 && steps < 5 && d.toks[x].sent == d.toks[p].sent; x, steps = d.prevWord(x), steps+1 {
					if d.is(x, "reading", "read", "reads", "sang", "singing", "sing", "sings", "playing", "played", "recited", "reciting", "leyendo", "leyó", "cantando", "cantó") {
						return x, p, true
					}
					if d.toks[x].kind == tPunct || d.wcats[x]&(cRole|cStaffTitle) != 0 {
						break
					}
				}
			}
		}
	}
	n := j + 1
	// "made Ahmed laugh", "got Hope up", "calmed Junior down"
	if p >= 0 && d.is(p, "made", "make", "making", "got", "get", "getting", "helped", "help", "helping", "let", "letting", "coaxed",
		"coaxing", "persuaded", "persuading", "encouraged", "encouraging", "convinced", "convincing", "brought", "bringing", "fetched") {
		if n < len(d.toks) && d.is(n, "laugh", "smile", "giggle", "grin", "up", "out", "walking", "walk", "eat", "sleep", "comfortable", "comfy", "feel", "dance", "sing") {
			return p, n, true
		}
		// "made Mavis a hot chocolate because she couldn't sleep", "sneaking Herbert an extra pudding"
		if d.is(n, "a", "an", "some", "extra", "another") && d.is(p, "made", "making", "brought", "bringing", "got", "fetched", "sneaking", "snuck", "sneaked", "saving", "saved") {
			for x, steps := n, 0; x >= 0 && steps < 4 && d.toks[x].sent == d.toks[n].sent; x, steps = d.nextWord(x, false), steps+1 {
				if patientFood[d.toks[x].low] {
					return p, x, true
				}
			}
			if d.sentenceDistress(d.toks[start].sent) {
				return p, n, true
			}
		}
		// "you gave Basil his dignity back with that shave": a gift of personal care
		if d.is(p, "gave", "giving", "give", "gives") && d.is(n, "his", "her", "a", "an", "the") && d.personalCareIn(d.toks[start].sent) {
			return p, n, true
		}
		// "taking Walter out in the wheelchair"
		if d.is(p, "taking", "took", "take", "wheeling", "wheeled") && d.is(n, "out", "outside", "round", "around", "down") {
			return p, n, true
		}
		// "got Barnaby to eat some soup", "helped Ines to walk again"
		if d.is(n, "to") && d.is(n+1, "eat", "drink", "walk", "sleep", "sit", "stand", "swallow", "settle", "smile", "laugh", "take", "try", "wash") {
			return p, n + 1, true
		}
	}
	// a bed without its number: "Mags from the corner bed", "Irene in the end bay"
	if d.is(n, "from", "in", "by", "on", "de", "en") && d.is(n+1, "the", "la", "el") {
		for x := n + 2; x < len(d.toks) && x <= n+4 && d.toks[x].kind == tWord; x++ {
			if d.is(x, "bed", "bay", "cubicle", "side", "cama", "box") && !d.placeOffice(x) {
				if d.is(x, "side") && !d.is(x+1, "room") {
					break
				}
				return n, x, true
			}
		}
	}
	// a description after the name: "(the lady who …)", ", the gent who …"
	if d.is(n, "(", ",", "—", "–", "-") {
		x := n + 1
		if d.is(x, "the", "that", "our") {
			x++
		}
		if x+1 < len(d.toks) && d.is(x, "lady", "gent", "gentleman", "man", "woman", "chap", "fella", "fellow", "lad", "lass", "girl",
			"boy", "kid", "little", "one", "guy", "grandad", "granny", "nan", "señora", "señor", "abuelito", "abuelita") && d.is(x+1, "who", "with", "that", "in", "from", "whose", "que", "con", "de", "one", "boy", "girl", "man", "lady") {
			return x, x + 1, true
		}
	}
	// a relative of theirs or their own thing: "her daughter", "his late wife", "his mum", "her room" in this sentence after the name or the next one
	s := d.toks[start].sent
	end := d.sentStart[min(s+2, len(d.sentStart)-1)]
	for x := j + 1; x < end && x < len(d.toks); x++ {
		if !d.is(x, "his", "her", "their", "su", "sus") {
			continue
		}
		y := x + 1
		if d.is(y, "late", "own", "poor", "lovely", "little", "new") {
			y++
		}
		if y < len(d.toks) && (d.wcats[y]&cRelation != 0 && !d.is(y, "friend", "family", "kids", "children") || patientThing[d.toks[y].low] && d.toks[y].low != "op" || d.is(y, "words", "glasses", "hearing", "dentures", "teeth", "crossword", "crosswords", "walking", "visitors", "family", "pillows", "pillow", "blankets", "blanket", "slippers", "nightie", "pyjamas")) {
			return x, y, true
		}
	}
	// a condition noticed: "spotted that Harriet was getting confused", "Ernest is not himself"
	if x := d.nextWord(j, false); d.is(x, "was", "is", "had", "has", "seemed", "looked") {
		for y, steps := d.nextWord(x, false), 0; y >= 0 && steps < 3 && d.toks[y].sent == d.toks[x].sent; y, steps = d.nextWord(y, false), steps+1 {
			if d.is(y, "confused", "unwell", "poorly", "deteriorating", "septic", "breathless", "agitated", "distressed", "drowsy", "clammy", "grey", "jaundiced", "feverish") ||
				d.is(y, "off") && d.is(d.nextWord(y, false), "colour", "color", "legs") || d.is(y, "not") && d.is(d.nextWord(y, false), "herself", "himself", "right", "eating", "drinking") {
				return y, y, true
			}
		}
	}
	// pain in a body part of theirs: "said his hip didn't hurt half as much"
	for x := j + 1; x+1 < end && x+1 < len(d.toks); x++ {
		if d.is(x, "his", "her") && bodyPart[d.toks[x+1].low] {
			for y := x + 2; y < end && y < len(d.toks) && y <= x+6; y++ {
				if d.is(y, "hurt", "hurts", "hurting", "pain", "painful", "sore", "aching", "ached", "swollen") {
					return x, x + 1, true
				}
			}
		}
	}
	// the next sentence: he or she doing what a patient does
	if s+1 < len(d.sentStart)-1 {
		x := d.sentStart[s+1]
		if d.is(x, "he", "she", "he's", "she's", "él", "ella") {
			if v, e, ok := d.patientVerb(x); ok {
				return v, e, true
			}
			if y := d.nextWord(x, false); d.is(y, "cried", "beamed", "glowed", "wept", "slept", "ate", "walked") || d.is(y, "was") && d.is(d.nextWord(y, false), "over", "beaming", "thrilled", "discharged", "sent") {
				return y, y, true
			}
		}
	}
	return -1, -1, false
}

// careAct: verbs whose object, right after, is the person cared for
// ("calmed Junior", "finding Maeve's glasses", "getting Bartholomew's
// hearing aid fixed", "fed Ahmed", "distracted Esme").
var careAct = map[string]bool{"calmed": true, "calming": true, "comforted": true, "comforting": true, "soothed": true, "soothing": true,
	"settled": true, "settling": true, "reassured": true, "reassuring": true, "fed": true, "feeding": true, "washed": true,
	"washing": true, "bathed": true, "bathing": true, "showered": true, "showering": true, "shaved": true, "shaving": true,
	"dressed": true, "distracted": true, "distracting": true, "entertained": true, "entertaining": true, "hugged": true,
	"cuddled": true, "cuddling": true, "rocked": true, "rocking": true, "finding": true, "found": true, "fetching": true,
	"fetched": true, "wheeling": true, "wheeled": true, "pushing": true, "pushed": true, "mobilising": true, "mobilised": true,
	"mobilizing": true, "mobilized": true, "escorting": true, "escorted": true, "visiting": true, "visited": true,
	"brushing": true, "brushed": true, "moisturising": true, "repositioned": true, "propped": true, "turning": true, "repositioning": true, "toileting": true,
	"cheering": true, "cheered": true, "holding": true, "held": true, "supported": true, "supporting": true, "encouraged": true, "encouraging": true, "tucking": true, "tucked": true, "walking": true, "bringing": true, "brought": true,
	"acompañar": true, "acompañaste": true, "calmaste": true, "bañaste": true, "peinaste": true, "peinar": true}

// careWith: a word before "with", "to", "for" that makes the name after it
// the one cared for ("so patient with Clement", "gentle with", "explaining
// the new tablets to Wilfred", "singing happy birthday to Rosalind").
var careWith = map[string]bool{"patient": true, "gentle": true, "kind": true, "lovely": true, "wonderful": true, "sweet": true,
	"good": true, "great": true, "amazing": true, "brilliant": true, "tablets": true, "meds": true, "medication": true,
	"medicines": true, "birthday": true, "song": true, "songs": true, "story": true, "stories": true, "cake": true,
	"present": true, "card": true, "flowers": true, "tea": true, "breakfast": true, "lunch": true, "dinner": true,
	"sat": true, "sitting": true, "stayed": true, "staying": true, "chatted": true, "chatting": true, "time": true,
	"translating": true, "interpreting": true, "translated": true, "interpreted": true, "advocating": true,
	"diagnosis": true, "results": true, "news": true, "procedure": true, "operation": true, "surgery": true, "scan": true,
	"treatment": true, "plan": true, "bless": true, "hand": true, "paciente": true, "amable": true}

// findFamilies: a family named by its surname ("the Abernathy family",
// "the O'Sullivan boys", "the Mbeki-Grant family", "la familia Ortega",
// "la famille Dupont"). A family is named in a thank-you note because one
// of them was cared for, so the surname identifies the patient; a group
// called a family ("our ward family", "the 6N family", "the ICU family",
// "the Addams Family" costume) is not a surname.
func (d *doc) findFamilies() {
	for k := 1; k+1 < len(d.toks); k++ {
		t := d.toks[k]
		if t.kind != tWord {
			continue
		}
		// "la familia Ortega", "la famille Dupont"
		if d.is(k, "familia", "famille") && d.is(k-1, "la") {
			if e, ok := d.surnameAt(k + 1); ok {
				d.cue(d.addTok(KindFamilyName, k+1, e, prioName), k-1, k)
			}
			continue
		}
		if !d.is(k-1, "the") {
			continue
		}
		e, ok := d.surnameAt(k)
		if !ok {
			continue
		}
		n := e + 1
		if n < len(d.toks) && d.toks[n].low == "'" {
			n++ // "the O'Sullivan boys'"
		}
		if n < len(d.toks) && !d.toks[n].cap && familyGroup[d.toks[n].base] {
			if x := d.nextWord(n, false); x >= 0 && x == n+1 && familyThing[d.toks[x].low] {
				continue // "the Lindqvist family fundraiser": a thing named after a family
			}
			d.cue(d.addTok(KindFamilyName, k, e, prioName), n, n)
		}
	}
}

// familyGroup: the words after a surname that make it a family's.
var familyGroup = map[string]bool{"family": true, "families": true, "kids": true, "boys": true, "girls": true, "children": true,
	"twins": true, "triplets": true, "siblings": true, "sisters": true, "brothers": true, "clan": true, "household": true,
	"grandchildren": true, "grandkids": true}

// familyThing after "the X family" makes it the name of a thing.
var familyThing = map[string]bool{"fundraiser": true, "foundation": true, "fund": true, "trust": true, "award": true, "prize": true,
	"lecture": true, "room": true, "wing": true, "bench": true, "garden": true, "charity": true, "appeal": true, "donation": true,
	"bursary": true, "scholarship": true, "business": true, "firm": true, "bakery": true, "restaurant": true, "shop": true,
	"company": true, "farm": true, "walk": true, "run": true}

// surnameAt: a capitalised word (or two joined by a hyphen or an
// apostrophe) at k that no cue table claims: no ward, team, role, place,
// month or title, not an acronym.
func (d *doc) surnameAt(k int) (int, bool) {
	if k >= len(d.toks) {
		return -1, false
	}
	t := d.toks[k]
	if t.kind != tWord || !t.cap || t.upper || len([]rune(t.low)) < 2 || d.wcats[k]&(nameStop|cService|cCue|cEvent|cDiagnosis) != 0 || teamWords[t.low] || demonym(t.low) {
		return -1, false
	}
	e := k
	for e+2 < len(d.toks) && d.is(e+1, "-") && !d.toks[e+1].sp && d.toks[e+2].cap && d.toks[e+2].kind == tWord {
		e += 2 // "Mbeki-Grant", "Fitzgerald-Moyo"
	}
	return e, true
}

// findStaffWriterPatient: the writer says they were the patient and that
// they are staff ("I work in theatres and you never knew I was staff",
// "yes, I'm the cleaner who mopped it", "back on nights") with no name
// to hang it on: a colleague is identified by their own account.
func (d *doc) findStaffWriterPatient() {
	ok, i, j := d.writerPatient()
	if !ok {
		return
	}
	mine := false
	for x := max(i-4, 0); x <= j+2 && x < len(d.toks); x++ {
		mine = mine || d.is(x, "i", "my", "me", "i'm", "i've", "mi", "me", "yo")
	}
	if !mine {
		return // "I work in HR and wanted to thank the hospice …": the event is not the writer's
	}
	for k := 0; k+1 < len(d.toks); k++ {
		staff := d.is(k, "i") && d.is(k+1, "work", "worked") ||
			d.is(k, "i'm", "im") && d.is(k+1, "the", "a", "an") && k+2 < len(d.toks) && (d.toks[k+2].cats&cRole != 0 || d.is(k+2, "cleaner", "porter", "nurse", "hca", "cook", "chef", "guard", "domestic", "receptionist", "secretary", "clerk", "midwife", "doctor", "physio", "tall", "new")) ||
			d.is(k, "was", "am") && d.is(k+1, "staff") ||
			d.is(k, "back") && d.is(k+1, "on") && d.is(k+2, "nights", "days", "shift", "the") ||
			d.is(k, "back") && d.is(k+1, "at", "to") && d.is(k+2, "work") ||
			d.is(k, "the") && d.is(k+1, "tall", "short", "new", "night") && k+2 < len(d.toks) && d.toks[k+2].cats&cRole != 0 ||
			d.is(k, "—", "–", "-") && d.signedWithRole(k+1)
		if staff {
			d.cue(d.addTok(KindStaffPatient, i, j, prioName), k, k+1)
			return
		}
	}
}

// signedWithRole: a signature from token k: up to three capitalised words,
// a comma, and a role ("Carmen, ICU RN", "Big Lou, catering").
func (d *doc) signedWithRole(k int) bool {
	n := k
	for n < len(d.toks) && n < k+3 && d.toks[n].cap && d.toks[n].kind == tWord {
		n++
	}
	if n == k || !d.is(n, ",") {
		return false
	}
	for x := n + 1; x < len(d.toks) && x <= n+3; x++ {
		if d.toks[x].cats&cRole != 0 || d.wcats[x]&cRole != 0 {
			return true
		}
	}
	return false
}

// endVocative: a name after a comma that ends its sentence, in a note said
// to someone ("… while you were on leave, Daniela.", "… on the long-stay
// ward, Ken."): the addressee, whatever patient words the sentence has.
func (d *doc) endVocative(start, j int) bool {
	p := start - 1
	if p < 1 || !d.is(p, ",") || !d.noteAddressed() {
		return false
	}
	n := j + 1
	return n >= len(d.toks) || d.is(n, ".", "!", "?", "…", "!!") || d.toks[n].kind == tPunct && d.toks[n].sent != d.toks[j].sent || d.toks[n].sent != d.toks[j].sent
}

// greetingTo: the name follows a greeting's "to" ("Big love to Dev on
// nights", "hugs to Priya", "a huge welcome to Sam", "un abrazo a Lupe"):
// it is the addressee.
func (d *doc) greetingTo(start int) bool {
	p := d.prevWord(start)
	return d.is(p, "to", "a") && d.is(d.prevWord(p), "love", "hugs", "hug", "thanks", "kudos", "props", "cheers", "congrats", "grateful", "thankful",
		"congratulations", "welcome", "out", "shoutout", "gracias", "abrazo", "besos", "cariño", "felicidades")
}

// caredPronoun: a colleague named with a role (start..j) is the only
// person the note names, and a later sentence thanks others for caring
// for "her" or "him" ("Thank you midwives for looking after her"): the
// colleague was the one cared for. No patient, person or relative word,
// and no other name, may be in the note for the pronoun to point at.
func (d *doc) caredPronoun(start, j int) (int, int, bool) {
	for k := range d.toks {
		if k >= start && k <= j {
			continue
		}
		t := d.toks[k]
		if d.wcats[k]&(cPersonNoun|cRelation) != 0 && d.is(d.prevWord(k), "her", "his", "a", "their") && d.toks[k].sent == d.toks[start].sent {
			continue // "had her baby", "a boy": the colleague's own
		}
		if d.wcats[k]&(cPatientNoun|cPersonNoun|cRelation|cPatientTitle) != 0 || t.cap && !t.first && t.kind == tWord && nameStrength(t.base) == 2 {
			return -1, -1, false
		}
	}
	for k := j + 1; k+1 < len(d.toks); k++ {
		if d.toks[k].sent == d.toks[start].sent || !d.is(k+1, "her", "him") {
			continue
		}
		if n := d.nextWord(k+1, false); n >= 0 && d.toks[n].sent == d.toks[k].sent && d.toks[n].kind == tWord && !d.is(n, "and", "so", "through", "when", "while", "during", "after", "last", "this", "today", "yesterday", "tonight", "overnight") {
			continue // "her mum", "her baby": someone of hers
		}
		if i, ok := d.hitTo(k, cCare); ok && d.is(i, "looking", "looked", "caring", "cared", "nursing", "nursed", "treating", "treated", "delivering", "delivered", "supporting", "supported") && !d.workSentence(d.toks[k].sent) {
			return i, k + 1, true
		}
	}
	return -1, -1, false
}

// colleagueThingAfter: the name at j is possessive and what follows is
// something anyone has, not something only a patient has ("Kate's keys",
// "Priya's plants", "Sophie's cat").
func (d *doc) colleagueThingAfter(j int) bool {
	if d.toks[j].base == d.toks[j].low {
		return false
	}
	n := d.nextWord(j, false)
	if d.is(n, "birthday", "bday") {
		// "the cake for Hira's birthday": a present for a birthday is a colleague's, unless the note speaks of care
		start := j
		for start > 0 && d.nameWord(start-1, false) && d.toks[start].sp {
			start--
		}
		p := d.prevWord(start)
		if d.is(p, "for") && d.is(d.prevWord(p), "cake", "card", "tea", "present", "gift", "balloons", "flowers", "collection", "banner") {
			if _, _, ok := d.patientWords(); !ok {
				return true
			}
		}
	}
	if d.is(n, "new") && d.is(d.nextWord(n, false), "baby", "house", "job", "car", "puppy", "kitten", "flat", "home", "role") {
		return true // "the card for Dawit's new baby"
	}
	return n >= 0 && colleagueThing[d.toks[n].base] && !d.is(d.nextWord(n, false), "ring", "rings", "photo", "photos")
}

// colleagueThing: what a colleague's possessive names.
var colleagueThing = map[string]bool{"keys": true, "key": true, "plants": true, "cat": true, "dog": true, "car": true, "bike": true,
	"badge": true, "lanyard": true, "locker": true, "mug": true, "laptop": true, "phone": true, "purse": true, "wallet": true,
	"bag": true, "coat": true, "umbrella": true, "pen": true, "stethoscope": true, "fob": true, "payslip": true, "rota": true,
	"shift": true, "shifts": true, "desk": true, "presentation": true, "lunch": false, "house": true, "flat": true, "kids": true,
	"children": true, "wedding": true, "leaving": true, "retirement": true, "promotion": true, "exam": true, "exams": true}

// placeRightAfter: a bed or room right after the name ("Sophie (bed 4)",
// "Mrs Alvarez in 12"): a patient's, even in a vocative slot.
func (d *doc) placeRightAfter(m mention) bool {
	ok, _, _ := d.placeAfter(m)
	return ok
}

// reportedToYou: the name reports something about the reader ("Arthur
// says your tea is the best", "Blodwen told me you're the only one who
// …"): a reporting verb, then "you", "your" or "me". A colleague passing
// on a message looks the same, so this only lifts the agent-verb claim
// (ADR 0221) and a sign of care is still needed.
func (d *doc) reportedToYou(j int) bool {
	n := d.nextWord(j, false)
	if !d.is(n, "says", "said", "told", "tells", "thinks", "reckons", "swears", "insists") {
		return false
	}
	x := d.nextWord(n, false)
	if d.is(x, "his", "her") && bodyPart[d.toks[min(x+1, len(d.toks)-1)].low] {
		return true // "Rupert said his hip didn't hurt": what a patient reports
	}
	if d.is(x, "me", "us") {
		x = d.nextWord(x, false)
	}
	return d.is(x, "you", "your", "you're", "youre", "you've", "u", "ur")
}

// taskAfterHelp: "helping Agata sort the stock order", "helped Jo finish
// the audit": help with a task names a colleague.
func (d *doc) taskAfterHelp(start, j int) bool {
	p := d.prevWord(start)
	n := d.nextWord(j, false)
	if d.is(n, "to") {
		n = d.nextWord(n, false) // "staying late with Aoife to finish the stock check"
	} else if !d.is(p, "helping", "helped", "help", "helps") {
		return false
	}
	return d.is(n, "finish", "set", "sort", "do", "fix", "write", "complete", "move", "pack", "plan", "prepare", "organise",
		"organize", "learn", "clear", "tidy", "order", "submit", "update", "book", "print", "check", "count", "build", "run",
		"cover", "revise", "study", "train", "install", "paint", "decorate", "carry", "unload", "stock", "file", "type", "get")
}

// claimedBefore: a staff cue right before the name: a greeting or thanks,
// a role, a staff title, "my", "your".
func (d *doc) claimedBefore(start int) bool {
	p := d.prevWord(start)
	if p < 0 || d.toks[p].sent != d.toks[start].sent && !d.toks[start].first {
		return false
	}
	return d.addressed(p) || d.wcats[p]&(cRole|cStaffTitle|cWriterOwner) != 0 || d.endAt[p]&cRole != 0 || d.greetingTo(start)
}

// sentenceDistress: the sentence says someone could not sleep, eat or
// settle, or uses a patient word ("because she couldn't sleep").
func (d *doc) sentenceDistress(s int) bool {
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if patientWord[d.toks[x].base] {
			return true
		}
		if d.is(x, "couldn't", "couldnt", "can't", "cant", "wouldn't", "won't") && d.is(d.nextWord(x, false), "sleep", "settle", "eat", "rest", "relax", "stop") {
			return true
		}
	}
	return false
}

// patientFood: what is given to a patient more than to a colleague.
var patientFood = map[string]bool{"pudding": true, "puddings": true, "jelly": true, "custard": true, "yoghurt": true, "yogurt": true,
	"porridge": true, "soup": true, "toast": true, "mash": true, "ice": true, "lolly": true, "milkshake": true, "build-up": true,
	"fortisip": true, "ensure": true, "smoothie": true}

// findPluralFamilies: a family named as "the <Surname>s" doing what a
// family does ("The Espositos asked me to thank …", "the Iqbals send
// their love"). A group named the same way ("the Beatles") does not ask,
// thank or send love in a kudos note.
func (d *doc) findPluralFamilies() {
	for k := 1; k+1 < len(d.toks); k++ {
		t := d.toks[k]
		if !d.is(k-1, "the") || t.kind != tWord || !t.cap || t.upper || !strings.HasSuffix(t.low, "s") || len(t.low) < 5 || d.wcats[k] != 0 || teamWords[t.low] {
			continue
		}
		stem := strings.TrimSuffix(t.low, "s")
		if d.wcats[k]&nameStop != 0 || demonym(stem) || lex.phrases[stem] != nil || lex.phrases[t.low] != nil {
			continue
		}
		n := d.nextWord(k, false)
		if d.is(n, "asked", "ask", "send", "sent", "want", "wanted", "would", "say", "said", "are", "were", "have", "thank", "thanked", "wish", "wished", "family") {
			d.cue(d.addTok(KindFamilyName, k, k, prioName), n, n)
		}
	}
}

// personalCareIn: the sentence names an act of personal care ("that
// shave", "the bed bath", "a hair wash").
func (d *doc) personalCareIn(s int) bool {
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if d.is(x, "shave", "bath", "wash", "shower", "manicure", "pedicure", "massage", "footcare", "mouthcare", "bedbath", "haircut", "dressing", "dressings") {
			return true
		}
	}
	return false
}

// giftWord: a treat given as often to a colleague as to a patient ("the
// birthday cake for Ifeoma"): a sign of care only with a patient in the note.
var giftWord = map[string]bool{"cake": true, "card": true, "flowers": true, "present": true, "birthday": true}

// comfortFor: a comfort a patient is given, before "for" ("the extra
// blanket for Joan", "a fan for Cyril"): a colleague is not tucked in.
var comfortFor = map[string]bool{"blanket": true, "blankets": true, "pillow": true, "pillows": true, "fan": true, "radio": true,
	"heater": true, "cushion": true, "cushions": true, "telly": true, "tv": true, "nightie": true, "pyjamas": true, "slippers": true,
	"socks": true, "bottle": true, "manta": true, "almohada": true}

// givenToSomeone: the sentence reads, sings or sits with someone, or does
// an act of care to them: what a break is given up for.
func (d *doc) givenToSomeone(s int) bool {
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if careAct[d.toks[x].low] || d.is(x, "reading", "read", "sang", "singing", "playing", "sitting", "sat", "chatting", "leyendo", "cantando") {
			return true
		}
	}
	return false
}
