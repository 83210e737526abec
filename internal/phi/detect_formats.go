package phi

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// findWeb finds e-mail addresses, social handles ("@jo_bakes") and
// profile links ("instagram.com/jo.bakes").
func (d *doc) findWeb() {
	if !strings.ContainsAny(d.text, "@./") && d.toks == nil {
		return
	}
	for k, t := range d.toks {
		if t.kind != tPunct || t.low != "@" {
			continue
		}
		// left part of an address: glued tokens
		l := k
		for l > 0 && !d.toks[l].sp && (d.toks[l-1].kind != tPunct || strings.Contains("._%+-", d.toks[l-1].low)) {
			l--
		}
		if l > 0 && d.toks[l].kind == tPunct {
			l++
		}
		r, dot := k, false
		for r+1 < len(d.toks) && !d.toks[r+1].sp && (d.toks[r+1].kind != tPunct || strings.Contains(".-_", d.toks[r+1].low)) {
			r++
			if d.toks[r].low == "." && r+1 < len(d.toks) && !d.toks[r+1].sp && d.toks[r+1].kind != tPunct {
				dot = true
			}
		}
		for r > k && d.toks[r].kind == tPunct {
			r--
		}
		if r == k {
			continue
		}
		if l < k && !d.toks[k].sp && dot {
			if !d.teamMailbox(l, k, r) {
				d.addTok(KindEmail, l, r, prioEmail)
			}
			continue
		}
		if l < k && !d.toks[k].sp {
			continue // "x@y" without a domain: neither
		}
		handle := strings.ToLower(d.text[d.toks[k+1].s:d.toks[r].e])
		if officialHandle(handle) || d.followUs(k) {
			continue
		}
		d.addTok(KindHandle, k, r, prioHandle)
	}
	// profile links and "her Instagram is jo.bakes"
	for _, h := range d.hits {
		if h.cats&cLabelHandle == 0 {
			continue
		}
		j := h.j
		if j+3 < len(d.toks) && d.toks[j+1].low == "." && d.is(j+2, "com", "net", "org") && d.toks[j+3].low == "/" {
			if v, ok := d.handleAfter(j + 3); ok {
				d.addTok(KindHandle, h.i, v, prioHandle)
			}
			continue
		}
		if !strongHandleLabel[d.toks[h.i].low] || j+1 < len(d.toks) && d.toks[j+1].low == "-" && !d.toks[j+1].sp {
			continue // "module IG-01": a code with letters glued to it, not a platform
		}
		k := j + 1
		for k < len(d.toks) && k <= j+4 && (fillers[d.toks[k].low] || d.toks[k].low == "@" || d.is(k, "(", "channel", "account", "page", "called", "named", "canal", "cuenta")) && d.toks[k].low != "." {
			k++ // "on YouTube (channel WalkingWithWes)"
		}
		if k >= len(d.toks) || d.toks[k].sent != d.toks[j].sent || d.toks[k].kind == tPunct {
			continue
		}
		if v, ok := d.handleAfter(k - 1); ok && handleLike(d.text[d.toks[k].s:d.toks[v].e]) && !officialHandle(strings.ToLower(d.text[d.toks[k].s:d.toks[v].e])) && !d.followUs(h.i) {
			d.addTok(KindHandle, k, v, prioHandle)
		}
	}
}

// teamMailbox: an address whose local part (tokens l..k-1, k the "@",
// r the end) is a department's, not a person's: made only of role and
// mailbox words ("pharmacy@", "it-help@", "occhealth@", "payroll.queries@",
// "farmacia@"), or the name of a team the sentence names ("the Schwartz
// Rounds team (schwartz@…)"). A webmail domain is always a person's.
func (d *doc) teamMailbox(l, k, r int) bool {
	local := strings.ToLower(d.text[d.toks[l].s:d.toks[k].s])
	domain := strings.ToLower(d.text[d.toks[k].e:d.toks[r].e])
	if webmail(domain) || strings.Contains(domain, "family") || d.sents[d.toks[k].sent]&(cRelation|cPatientTitle) != 0 {
		return false // "his son emailed ward6@kowalski-family.co.uk"
	}
	parts := strings.FieldsFunc(local, func(c rune) bool { return !unicode.IsLetter(c) })
	if len(parts) == 0 {
		return false
	}
	all := true
	for _, p := range parts {
		if !mailboxWords(p) {
			all = false
			break
		}
	}
	if all {
		return true
	}
	// "the Schwartz Rounds team (schwartz@lakeview.org)", "the car-share scheme (carshare@…)"
	s := d.toks[k].sent
	whole := strings.Join(parts, "")
	for x := d.sentStart[s]; x < l; x++ {
		w := ""
		y := x
		for ; y < l && y < x+5 && len(w) < len(whole); y++ {
			if d.toks[y].kind == tWord {
				w += d.toks[y].low
			} else if d.toks[y].low != "-" || d.toks[y].sp {
				break
			}
		}
		if w != whole || y == x+1 && len(parts) == 1 && !d.toks[x].cap {
			continue // one plain lower-case word alone is not a team's name
		}
		if n := d.nextWord(y-1, false); n >= 0 && (teamWords[d.toks[n].low] || d.is(n, "scheme", "club", "network", "programme", "program", "committee", "society")) {
			return true
		}
	}
	// "our Freedom to Speak Up Guardian — ftsu@…": the initials of a capitalised name the sentence gives
	if len(parts) == 1 && len(whole) >= 3 && len(whole) <= 6 {
		for x := d.sentStart[s]; x < l; x++ {
			if !d.toks[x].cap || d.toks[x].low[0] != whole[0] || nameStrength(d.toks[x].base) == 2 {
				continue // a person's initials ("Mary Ann Jones", maj@…) stay a person's
			}
			caps, all := "", "" // "FSU" or "FTSU" for "Freedom to Speak Up"
			for y := x; y < l && len(caps) < len(whole); y++ {
				t := d.toks[y]
				if t.kind != tWord || !t.cap && !d.is(y, "to", "of", "for", "and", "the", "de", "del", "la") {
					break
				}
				all += t.low[:1]
				if t.cap {
					caps += t.low[:1]
				}
				if caps == whole || all == whole {
					return true
				}
			}
		}
	}
	for x := d.sentStart[s]; x < d.sentStart[s+1]; x++ {
		if x >= l && x <= r || !d.toks[x].cap || d.toks[x].low != parts[0] {
			continue
		}
		for n, steps := d.nextWord(x, false), 0; n >= 0 && steps < 2; n, steps = d.nextWord(n, false), steps+1 {
			if teamWords[d.toks[n].low] || d.wcats[n]&cService != 0 || d.is(n, "rounds", "office", "committee", "network", "programme", "program", "project", "fund") {
				return true
			}
		}
	}
	return false
}

// webmail: a domain people have personal addresses at.
func webmail(domain string) bool {
	for _, w := range []string{"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live.", "msn.", "icloud", "me.com", "aol", "proton",
		"btinternet", "comcast", "sky.com", "virgin", "talktalk", "gmx", "mail.com", "yandex", "qq.com", "orange.", "wanadoo",
		"free.fr", "telefonica", "movistar", "terra", "ymail", "rocketmail", "verizon", "att.net", "sbcglobal", "cox.net", "fastmail", "tutanota", "zoho"} {
		if strings.Contains(domain, w) {
			return true
		}
	}
	return false
}

// mailbox are the words a department's address is made of. A local part
// counts when it splits wholly into them: "occhealth", "speakup", "ithelp".
var mailbox = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`help helpdesk servicedesk desk queries query enquiries enquiry info information admin office
		staff contact contacts feedback booking bookings referrals referral training education learning development cpd speak up speakup
		freedom occ occupational health ohs oh wellbeing wellness careers recruitment jobs rota rostering roster staffing bank estates
		facilities it ict tech support pals complaints comms communications press media library chaplaincy chaplain volunteers
		volunteering volunteer charity fundraising research audit governance safeguarding records medical switchboard transport
		security catering pharmacy pharmacist lab labs pathology radiology hr payroll pay finance procurement supplies supply stores
		accounts nursing midwifery quality patient patients experience advice liaison team teams dept department unit ward clinic
		reception noreply no reply do not hello enquire mailbox inbox general clinical service services centre center hub line
		peer guardian guardians kindness thanks thankyou appointments scheduling schedule infection control prevention ipc
		occhealth physio therapy therapies dietetics nutrition food kitchen portering porters housekeeping linen sterile theatres
		farmacia enfermeria enfermería informacion información citas atencion atención ayuda rrhh nominas nóminas personal formacion
		formación docencia calidad contacto hola secretaria secretaría admision admisión urgencias cocina mantenimiento limpieza
		seguridad capellania capellanía voluntariado informatica informática sistemas soporte cau suministros compras
		archivo admision recepcion recepción direccion dirección gerencia prevencion prevención riesgos
		to bed beds bureau management flow site capacity manager managers oncall rounds`) {
		mailbox[w] = true
	}
}

func mailboxWords(p string) bool {
	if mailbox[p] {
		return true
	}
	// a run of mailbox words glued together: "occhealth", "ithelp"
	ok := make([]bool, len(p)+1)
	ok[0] = true
	for i := 1; i <= len(p); i++ {
		for j := max(0, i-14); j <= i-2; j++ {
			if ok[j] && mailbox[p[j:i]] {
				ok[i] = true
				break
			}
		}
	}
	return ok[len(p)]
}

var strongHandleLabel = map[string]bool{"instagram": true, "insta": true, "ig": true, "tiktok": true, "twitter": true,
	"snapchat": true, "snap": true, "handle": true, "username": true, "facebook": true, "fb": true, "youtube": true,
	"threads": true, "bluesky": true, "usuario": true, "perfil": true, "tik": true, "linkedin": true, "twitch": true}

// handleAfter extends a handle from the token after k over glued tokens.
func (d *doc) handleAfter(k int) (int, bool) {
	r := k
	for r+1 < len(d.toks) && (r == k || !d.toks[r+1].sp) && (d.toks[r+1].kind != tPunct || strings.Contains("._-", d.toks[r+1].low)) {
		r++
	}
	for r > k && d.toks[r].kind == tPunct {
		r--
	}
	return r, r > k
}

// handleLike: a handle has digits, an underscore or a dot, or is all lower-case.
func handleLike(s string) bool {
	if strings.ContainsAny(s, "_.0123456789") {
		return true
	}
	// CamelCase run together: "WalkingWithWes" (three capitals, no space)
	caps := 0
	for i, r := range s {
		if unicode.IsUpper(r) && i > 0 {
			caps++
		}
	}
	if caps >= 2 && !strings.ContainsAny(s, " -") {
		return true
	}
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return len(s) > 3
}

// officialHandle: the hospital's own accounts and chat mentions are no one's identity.
func officialHandle(h string) bool {
	switch h {
	case "everyone", "here", "channel", "all", "team":
		return true
	}
	for _, w := range []string{"hospital", "nhs", "trust", "health", "ward", "clinic", "foundation", "official", "charity", "kindness", "team", "unit", "staff"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// followUs: "follow us on …", "our Instagram": the hospital's account.
func (d *doc) followUs(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if d.is(j, "our", "nuestro", "nuestra", "notre") {
			return true
		}
		if d.is(j, "us", "nos") && d.is(d.prevWord(j), "follow", "find", "like", "join", "see", "check", "visit", "sigue", "síguenos", "encuéntranos", "suivez") {
			return true // "follow us on Instagram @StMarysNHS", not "the family tagged us @brennanstrong"
		}
		if d.is(j, "síguenos", "siguenos", "encuéntranos") {
			return true
		}
	}
	return false
}

// group is a run of number-like tokens: "03/04/1951", "(617) 555-0134",
// "485 777 3456", "RX1234567", "AB12 CDE".
type group struct {
	i, j   int    // tokens
	shape  string // 9 for a digit, A for a letter, separators as they are
	digits int
}

var (
	shapePhone = regexp.MustCompile(`^(\+9{1,3} ?)?(\(9{2,5}\) ?|9{2,5}[ .-])9{3,4}[ .-]?9{3,4}$|^09{9,10}$|^9{10,11}$|^\+9{10,13}$`)
	shapeShort = regexp.MustCompile(`^9{3}[ .-]9{4}$`)
	shapeSSN   = regexp.MustCompile(`^999-99-9999$`)
	shapeDate  = regexp.MustCompile(`^9{1,2}([/.-])9{1,2}([/.-])(9{2}|9{4})$|^9{4}-9{2}-9{2}$`)
	shapeLong  = regexp.MustCompile(`^9{6,12}$|^A{1,3}9{6,10}$|^A{1,3}[ -]?9{6,10}$`)
	shapeUKReg = regexp.MustCompile(`^AA99 ?AAA$`)
	shapePost  = regexp.MustCompile(`^A{1,2}9[A9]? 9AA$`)
	shapeYear  = regexp.MustCompile(`^9{4}$`)
	// shapeDayMonth is a date without a year ("3/2", "8/14"): an admission date only with its label
	shapeDayMonth = regexp.MustCompile(`^9{1,2}/9{1,2}$`)
	masked        = regexp.MustCompile(`(?i)(?:[x*#•]{3}[- ]?[x*#•]{2}[- ]?\d{4}|\b\d{3}[- ]?[x*#•]{2}[- ]?[x*#•]{4})\b`)
)

// groups collects the number-like runs of the text.
func (d *doc) groups() []group {
	var out []group
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		start := i
		if t.kind == tPunct && (t.low == "+" || t.low == "(" && i+2 < len(d.toks) && d.toks[i+2].low == ")") && i+1 < len(d.toks) && d.toks[i+1].kind == tNum && !d.toks[i+1].sp {
			i++
		} else if t.kind != tNum && t.kind != tAlnum {
			continue
		}
		j := i
		for j+1 < len(d.toks) {
			n := d.toks[j+1]
			if n.sent != t.sent && !(n.low == "." && !n.sp) {
				break
			}
			switch {
			case n.kind == tPunct && (n.low == "-" || n.low == "/" || n.low == "." || n.low == ")") && !n.sp &&
				j+2 < len(d.toks) && (d.toks[j+2].kind == tNum || d.toks[j+2].kind == tAlnum || d.toks[j+2].low == "(" || n.low == ")" && d.toks[j+2].kind == tNum) &&
				(!d.toks[j+2].sp || n.low == ")"):
				j += 2
				continue
			case n.low == "-" && !n.sp && j+4 < len(d.toks) && d.toks[j+2].kind == tWord && d.toks[j+2].upper && len(d.toks[j+2].low) <= 4 && !d.toks[j+2].sp &&
				d.toks[j+3].low == "-" && !d.toks[j+3].sp && !d.toks[j+4].sp && (d.toks[j+4].kind == tNum || d.toks[j+4].kind == tAlnum):
				j += 4 // "24-CS-03318": a case number with its letters in the middle
				continue
			case n.low == "/" && n.sp && j+2 < len(d.toks) && d.toks[j].kind == tNum && d.toks[j+2].kind == tNum && d.toks[j+2].sp && len(d.toks[j].low) <= 4 && len(d.toks[j+2].low) <= 4:
				j += 2 // "02 / 11 / 1990"
				continue
			case (n.kind == tNum || n.kind == tAlnum) && n.sp && !n.nl && (d.toks[j].kind == tNum || d.toks[j].kind == tAlnum || d.toks[j].low == ")"):
				j++
				continue
			case n.kind == tWord && n.upper && n.sp && len(n.low) == 3 && d.toks[j].kind == tAlnum:
				j++ // AB12 CDE
				continue
			}
			break
		}
		g := group{i: start, j: j}
		var b strings.Builder
		for k := start; k <= j; k++ {
			if k > start && d.toks[k].sp {
				b.WriteByte(' ')
			}
			tk := d.toks[k]
			if tk.kind == tPunct {
				b.WriteString(tk.low)
				continue
			}
			for _, r := range d.text[tk.s:tk.e] {
				switch {
				case unicode.IsDigit(r):
					b.WriteByte('9')
					g.digits++
				case unicode.IsUpper(r):
					b.WriteByte('A')
				default:
					b.WriteByte('a')
				}
			}
		}
		g.shape = strings.ReplaceAll(strings.ReplaceAll(b.String(), " /", "/"), "/ ", "/") // "02 / 11 / 1990"
		out = append(out, g)
		i = j
	}
	return out
}

// findNumbers classifies number runs by their label and their shape.
func (d *doc) findNumbers() {
	if strings.Contains(d.text, "xx") || strings.Contains(d.text, "XX") || strings.Contains(d.text, "**") || strings.Contains(d.text, "##") || strings.Contains(d.text, "••") {
		for _, m := range masked.FindAllStringIndex(d.text, -1) {
			d.add(KindSSN, m[0], m[1], prioSSN)
		}
	}
	for _, g := range d.groups() {
		d.classify(g)
	}
}

func (d *doc) classify(g group) {
	if _, ok := d.labelBefore(g.i, cNotID); ok {
		return // work order, bleep, shift code, badge: a colleague's or a thing's number
	}
	if d.moneyOrCount(g) {
		return
	}
	if li, ok := d.labelBefore(g.i, cLabelRecord|cLabelMember); ok {
		if _, ok := d.labelBefore(li, cNotID); ok && li > 0 && d.toks[li].upper {
			return // "maintenance request MR 5561": a request's own code, not a record label
		}
	}
	if shapeDayMonth.MatchString(g.shape) {
		if li, ok := d.labelBefore(g.i, cLabelAdmission); ok && d.personNear(g.i) {
			d.cue(d.addTok(KindAdmission, g.i, g.j, prioLabelled), li, li) // "Mrs Cartwright (admitted 3/2)"
		}
		return
	}
	date := shapeDate.MatchString(g.shape)
	year := shapeYear.MatchString(g.shape) && (strings.HasPrefix(d.text[d.toks[g.i].s:], "19") || strings.HasPrefix(d.text[d.toks[g.i].s:], "20"))
	for _, l := range []struct {
		mask cat
		kind Kind
		ok   bool
	}{
		{cLabelSSN, KindSSN, g.digits >= 4 && g.digits <= 9},
		{cLabelRecord, KindRecordNumber, g.digits >= 4},
		{cLabelMember, KindMemberID, g.digits >= 4 || g.digits >= 2 && len(g.shape) >= 6},
		{cLabelDOB, KindBirthDate, date || year},
		{cLabelAdmission, KindAdmission, date},
	} {
		if !l.ok {
			continue
		}
		if li, ok := d.labelBefore(g.i, l.mask); ok {
			if l.kind == KindBirthDate && !date && d.celebration(d.toks[g.i].sent) {
				return // "Happy birthday Kemi (born 1990, don't tell her)": a colleague's birth year
			}
			c := d.addTok(l.kind, g.i, g.j, prioLabelled)
			d.cue(c, li, li)
			return
		}
	}
	switch {
	case shapeSSN.MatchString(g.shape):
		d.addTok(KindSSN, g.i, g.j, prioSSN)
	case shapePhone.MatchString(g.shape) && g.digits >= 10 && g.digits <= 13:
		if !d.serviceLine(g.i) {
			d.addTok(KindPhone, g.i, g.j, prioPhone)
		}
	case (shapeShort.MatchString(g.shape) || g.digits >= 7 && g.digits <= 13 && !date) && !d.serviceLine(g.i):
		if li, ok := d.labelWithin(g.i, 6, cLabelPhone); ok {
			c := d.addTok(KindPhone, g.i, g.j, prioPhone)
			d.cue(c, li, li)
		} else if shapeLong.MatchString(g.shape) && !d.thingNumber(g) {
			d.addTok(KindRecordNumber, g.i, g.j, prioRecord)
		}
	case date:
		d.dateFinding(g.i, g.j, d.dateYear(g))
	case shapeLong.MatchString(g.shape) && !d.thingNumber(g) && !(d.namedLine(g.i) && d.sents[d.toks[g.i].sent]&(cRelation|cPatientNoun) == 0):
		d.addTok(KindRecordNumber, g.i, g.j, prioRecord)
	case shapeUKReg.MatchString(g.shape):
		d.addTok(KindPlate, g.i, g.j, prioPlate)
	case shapePost.MatchString(g.shape):
		d.addTok(KindAddress, g.i, g.j, prioAddress)
	}
}

// thingNumber: a bare number that is a ticket's or a thing's, not a
// patient's: a service-desk prefix glued to it ("REQ0089123",
// "CHG0045521", "WO-483920") or a ticket, asset or staff label a few
// words before it ("Thanks IT helpdesk for 0089123").
func (d *doc) thingNumber(g group) bool {
	first := d.toks[g.i]
	if first.kind == tAlnum {
		prefix := strings.TrimRightFunc(first.low, unicode.IsDigit)
		if ticketPrefix[prefix] {
			return true
		}
	}
	if p := g.i - 1; p >= 1 && d.toks[p].low == "-" && !d.toks[p].sp && d.toks[p-1].kind == tWord && ticketPrefix[d.toks[p-1].low] {
		return true
	}
	_, ok := d.labelWithin(g.i, 6, cNotID)
	return ok && d.sents[first.sent]&(cPatientNoun|cLabelRecord) == 0
}

// ticketPrefix are the letters service desks put before a ticket number.
var ticketPrefix = map[string]bool{"inc": true, "req": true, "ritm": true, "chg": true, "prb": true, "task": true, "sctask": true,
	"crq": true, "sr": true, "wo": true, "po": true, "tkt": true, "job": true, "ref": true, "ir": true, "cs": true, "wr": true,
	"pr": true, "rfc": true, "asset": true, "bme": true, "eq": true, "sn": true, "ast": true, "ot": true}

// moneyOrCount: "£250000", "1000000 steps" are not identifiers.
func (d *doc) moneyOrCount(g group) bool {
	if g.i > 0 && strings.Contains("£$€¥", d.toks[g.i-1].low) {
		return true
	}
	n := d.nextWord(g.j, false)
	return n >= 0 && d.is(n, "steps", "miles", "km", "pounds", "dollars", "euros", "views", "likes", "followers", "people", "patients",
		"visits", "calls", "hours", "minutes", "meals", "cups", "donations", "times", "raised", "euros", "libras", "pasos")
}

// serviceLine: a phone number that belongs to a service, not a person
// ("the staff helpline on 0800 …", "IT service desk 555 0100").
func (d *doc) serviceLine(k int) bool {
	_, ok := d.labelWithin(k, 6, cServiceLine)
	ok = ok || d.nonGeographic(k)
	if !ok && !d.namedLine(k) {
		return false
	}
	// "her daughter's number", "on the patient's behalf": a person wins
	return d.sents[d.toks[k].sent]&(cRelation|cPatientNoun) == 0
}

// namedLine: a line named earlier in the sentence, however far back ("the
// Nurse Advice Line team, who pick up for staff too (855-…)", "the crisis
// text line (text FRONTLINE to 741741)"): a helpline's, hotline's or
// advice line's number, or a short code, is a service's.
func (d *doc) namedLine(k int) bool {
	s := d.toks[k].sent
	if d.sents[s]&cServiceLine == 0 {
		return false
	}
	for _, x := range d.bySent[s] {
		h := d.hits[x]
		if h.cats&cServiceLine == 0 || h.j >= k {
			continue
		}
		w := d.wordsOf(h)
		switch last := w[len(w)-1]; {
		case last == "helpline" || last == "hotline" || last == "switchboard" || last == "lifeline" || last == "samaritans":
			return true
		case (last == "line" || last == "lines") && len(w) > 1:
			return true // "advice line", "text line", "crisis line", not a bare "line"
		}
	}
	return false
}

// dateYear is the year of a numeric date, or 0 when it has none.
func (d *doc) dateYear(g group) int {
	last := d.toks[g.j]
	if last.kind != tNum {
		return 0
	}
	if strings.HasPrefix(g.shape, "9999-") {
		last = d.toks[g.i]
	}
	y, err := strconv.Atoi(last.low)
	if err != nil {
		return 0
	}
	if len(last.low) == 2 {
		y += 2000
		if y > time.Now().Year() {
			y -= 100
		}
	}
	return y
}

// dateFinding decides what a date from token i to j is: a date of birth
// or an admission after their label, a birth date when it is long past
// and reads as no event ("on 14 March 2023", "1990 to today").
func (d *doc) dateFinding(i, j, year int) {
	if li, ok := d.labelBefore(i, cLabelDOB); ok {
		if s := d.toks[i].sent; year == 0 && d.celebration(s) && d.colleagueNamed(s) {
			return // "Happy birthday to our CNA Jasmine, born on the 4th of July": a colleague's day, no year
		}
		d.cue(d.addTok(KindBirthDate, i, j, prioDate), li, li)
		return
	}
	if li, ok := d.labelBefore(i, cLabelAdmission); ok {
		d.cue(d.addTok(KindAdmission, i, j, prioDate), li, li)
		return
	}
	if li, ok := d.labelWithin(i, 5, cLabelAdmission); ok && d.personNear(i) {
		d.cue(d.addTok(KindAdmission, i, j, prioDate), li, li)
		return
	}
	if year > 0 && year < time.Now().Year()-2 && !d.eventDate(i, j) {
		d.addTok(KindBirthDate, i, j, prioDate)
	}
}

// personNear: a name, a patient or a pronoun in the sentence of token i.
func (d *doc) personNear(i int) bool {
	s := d.toks[i].sent
	if d.sents[s]&(cPatientNoun|cPersonNoun|cPatientTitle|cRelation) != 0 {
		return true
	}
	for k := d.sentStart[s]; k < d.sentStart[s+1]; k++ {
		if d.is(k, "he", "she", "him", "her", "his", "they", "él", "ella", "il", "elle") || d.toks[k].cap && !d.toks[k].first && nameStrength(d.toks[k].base) == 2 {
			return true
		}
	}
	return false
}

var eventWords = map[string]bool{"on": true, "since": true, "joined": true, "started": true, "qualified": true, "began": true,
	"desde": true, "depuis": true, "until": true, "till": true}

// eventDate: a date that reads as an event, a start or a span, not a birth.
func (d *doc) eventDate(i, j int) bool {
	p := d.prevWord(i)
	if p >= 0 && eventWords[d.toks[p].low] {
		return true
	}
	if p >= 0 && d.is(p, "the") && eventWords[d.toks[max(d.prevWord(p), 0)].low] {
		return true
	}
	for k := j + 1; k < len(d.toks) && k <= j+3; k++ {
		if d.is(k, "to", "until", "till", "-", "–", "a", "al", "hasta") {
			n := k + 1
			return n < len(d.toks) && (d.is(n, "today", "now", "date", "the", "present", "hoy") || d.toks[n].kind == tNum)
		}
		if d.toks[k].kind != tPunct {
			break
		}
	}
	return false
}

// findDates finds dates written with a month name: "3 March 1951",
// "March 3rd, 1951", "03-Apr-1948", "3 de marzo de 1951", "le 3 mars 1951".
func (d *doc) findDates() {
	for k := range d.toks {
		if d.wcats[k]&cMonth == 0 {
			continue
		}
		t := d.toks[k]
		if ambiguousMonth[t.low] && !t.cap {
			continue
		}
		start, end := k, k
		// a day before: "3 March", "3rd of March", "3 de marzo", "03-Apr"
		p := k - 1
		if p >= 0 && (d.is(p, "of", "de") || d.toks[p].low == "-" || d.toks[p].low == "/") {
			p--
		}
		if p >= 0 && dayToken(d.toks[p]) {
			start = p
		}
		// a day after: "March 3rd"
		n := k + 1
		if n < len(d.toks) && (d.toks[n].low == "-" || d.toks[n].low == "/") {
			n++
		}
		if start == k && n < len(d.toks) && dayToken(d.toks[n]) && d.toks[n].sent == t.sent {
			end = n
			n++
		}
		if start == k && end == k && !(n < len(d.toks) && yearToken(d.toks[n])) && !(n+1 < len(d.toks) && d.is(n, "de", "del") && yearToken(d.toks[n+1])) {
			continue // a month alone is no date
		}
		// a year: ", 1951", "de 1951", "-1948", "'51"
		for n < len(d.toks) && (d.toks[n].low == "," || d.toks[n].low == "-" || d.toks[n].low == "/" || d.is(n, "de", "del")) {
			n++
		}
		year := 0
		if n < len(d.toks) && yearToken(d.toks[n]) && d.toks[n].sent == t.sent {
			end = n
			year, _ = strconv.Atoi(d.toks[n].low)
			if year < 100 {
				year += 1900
			}
		}
		d.dateFinding(start, end, year)
	}
}

var ambiguousMonth = map[string]bool{"may": true, "mar": true, "march": true, "jan": true, "sun": true, "dec": true, "ago": true, "sept": true, "mai": true, "sep": true}

func dayToken(t token) bool {
	s := t.low
	if t.kind == tAlnum {
		for _, suf := range []string{"st", "nd", "rd", "th", "º", "er"} {
			s = strings.TrimSuffix(s, suf)
		}
	} else if t.kind != tNum {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 31 && len(s) <= 2
}

func yearToken(t token) bool {
	return t.kind == tNum && len(t.low) == 4 && (strings.HasPrefix(t.low, "19") || strings.HasPrefix(t.low, "20"))
}

// findAddresses finds "12 Elm Street", "Calle Mayor 12", "12 rue de la
// Paix", "lives on Elm Street", "PO Box 123", "flat 3".
func (d *doc) findAddresses() {
	for k := range d.toks {
		t := d.toks[k]
		// number first: "12 Elm Street", "12B Acacia Avenue", "12 rue de la Paix"
		if (t.kind == tNum && len(t.low) <= 5 || t.kind == tAlnum && len(t.low) <= 5 && unicode.IsDigit(rune(t.low[0]))) && !d.placeWordBefore(k) {
			j := k + 1
			if j < len(d.toks) && d.toks[j].low == "," {
				j++
			}
			if j < len(d.toks) && d.wcats[j]&cStreetBefore != 0 && d.toks[j].kind == tWord { // 12 rue de la Paix
				if e, ok := d.capsRun(j + 1); ok {
					d.cue(d.addTok(KindAddress, k, e, prioAddress), j, j)
					continue
				}
			}
			if e, ok := d.capsRun(j); ok && e+1 < len(d.toks) && d.wcats[e+1]&cStreetAfter != 0 && d.toks[e+1].cap {
				d.cue(d.addTok(KindAddress, k, e+1, prioAddress), e+1, e+1)
				continue
			}
		}
		// street word first: "Calle Mayor 12", "C/ Alcalá 45"
		if d.wcats[k]&cStreetBefore != 0 && t.kind == tWord && len(t.low) > 1 {
			j := k + 1
			if j < len(d.toks) && d.toks[j].low == "/" {
				j++
			}
			if e, ok := d.capsRun(j); ok {
				n := e + 1
				if n < len(d.toks) && d.toks[n].low == "," {
					n++
				}
				if n < len(d.toks) && (d.toks[n].kind == tNum || d.toks[n].kind == tAlnum) && len(d.toks[n].low) <= 5 {
					d.cue(d.addTok(KindAddress, k, n, prioAddress), k, k)
					continue
				}
				if _, ok := d.labelWithin(k, 3, cLabelAddress); ok && t.cap {
					d.addTok(KindAddress, k, e, prioAddress)
				}
			}
		}
		// "lives on Elm Street", "address: Elm Street", "PO Box 123", "flat 3"
		if d.toks[k].cats&cLabelAddress != 0 {
			lj, _ := d.hitFrom(k, cLabelAddress)
			j := lj + 1
			for j < len(d.toks) && (d.toks[j].kind == tPunct || d.is(j, "is", "at", "on", "in", "en", "the")) && d.toks[j].sent == t.sent {
				j++
			}
			if j >= len(d.toks) || d.toks[j].sent != t.sent {
				continue
			}
			if d.is(lj, "piso", "floor", "planta") && d.is(d.prevWord(k), "el", "del", "al", "the") && !d.otherAddressLabel(k) {
				continue // "el simulacro de incendio del piso 5": a floor of the building, not a flat
			}
			if (d.is(lj, "box", "flat", "apartment", "apt", "piso", "portal") || d.is(k, "po")) && (d.toks[j].kind == tNum || d.toks[j].kind == tAlnum) {
				d.cue(d.addTok(KindAddress, k, j, prioAddress), k, lj)
				continue
			}
			if d.toks[j].kind == tNum || d.toks[j].kind == tAlnum {
				j++
			}
			if e, ok := d.capsRun(j); ok && e+1 < len(d.toks) && d.wcats[e+1]&cStreetAfter != 0 {
				d.cue(d.addTok(KindAddress, j, e+1, prioAddress), k, lj)
			}
		}
	}
	// ZIP code after a state: "Springfield, IL 62704"
	for k := 1; k < len(d.toks); k++ {
		t := d.toks[k]
		if t.kind == tNum && len(t.low) == 5 && d.toks[k-1].upper && usStates[d.toks[k-1].low] && k >= 2 && (d.toks[k-2].low == "," || d.toks[k-2].kind == tWord && d.toks[k-2].cap && d.wcats[k-2] == 0 && !idOwner[d.toks[k-2].low]) {
			// after a town: "Springfield, IL 62704", "Boise ID 83702", not "employee ID 30029"
			d.addTok(KindAddress, k-1, k, prioAddress)
		}
	}
}

// otherAddressLabel: an address label in the sentence of token k other
// than the one at k ("vive en la calle Mayor 12, el piso 3").
func (d *doc) otherAddressLabel(k int) bool {
	for _, x := range d.bySent[d.toks[k].sent] {
		if h := d.hits[x]; h.cats&cLabelAddress != 0 && h.i != k {
			return true
		}
	}
	return false
}

var usStates = map[string]bool{}

func init() {
	for _, s := range strings.Fields("al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc pr") {
		usStates[s] = true
	}
}

// placeWordBefore: "bed 12 Elm" is a bed, not an address.
func (d *doc) placeWordBefore(k int) bool {
	p := d.prevWord(k)
	return p >= 0 && (d.wcats[p]&(cPlace|cNotID|cLabelRecord|cLabelMember|cLabelSSN) != 0 || d.endAt[p]&(cPlace|cLabelRecord) != 0)
}

// capsRun is a run of up to four capitalised words from token j
// ("Elm", "Martin Luther King"), with "de la" style particles inside.
func (d *doc) capsRun(j int) (int, bool) {
	e := -1
	for k := j; k < len(d.toks) && k < j+6; k++ {
		t := d.toks[k]
		if t.sent != d.toks[j].sent {
			break
		}
		if t.kind == tWord && t.cap && d.wcats[k]&cStreetAfter == 0 {
			e = k
			continue
		}
		if t.kind == tWord && particles[t.low] && e >= j-1 {
			continue
		}
		break
	}
	return e, e >= j
}

var particles = map[string]bool{"de": true, "la": true, "del": true, "las": true, "los": true, "van": true, "von": true, "der": true,
	"da": true, "dos": true, "das": true, "di": true, "du": true, "le": true, "bin": true, "binti": true, "al": true, "el": true,
	"ben": true, "ibn": true, "y": true, "st": true, "saint": true, "mc": true, "mac": true, "o": true, "ter": true, "ten": true}

// findPlates finds licence plates after their label ("reg AB12 CDE",
// "plate 7XYZ123", "matrícula 1234 BCD") or a mixed code near a car.
func (d *doc) findPlates() {
	for _, h := range d.hits {
		if h.cats&cLabelPlate == 0 {
			continue
		}
		if d.endAt[h.j]&cNotID != 0 {
			continue // "asset tag 00912833"
		}
		weak := d.is(h.j, "car", "van", "truck", "vehicle", "motorbike", "motorcycle", "parked", "coche", "carro", "auto", "furgoneta", "voiture", "licence", "license")
		k := h.j + 1
		for k < len(d.toks) && k <= h.j+4 && (fillers[d.toks[k].low] || d.is(k, "reg", "plate", "reads", "was", "number", "is", "with", "has", "the", "registration")) {
			k++
		}
		if k >= len(d.toks) || d.toks[k].sent != d.toks[h.i].sent {
			continue
		}
		// up to three glued or spaced parts, 4-8 letters and digits, at least one digit
		e, chars, digits, letters := k-1, 0, 0, 0
		for n := k; n < len(d.toks) && n < k+5; n++ {
			t := d.toks[n]
			if t.kind == tPunct {
				if t.low == "-" && !t.sp {
					continue
				}
				break
			}
			if t.kind == tWord && !(t.upper || len(t.low) <= 3 && t.cap) {
				break
			}
			for _, r := range t.low {
				chars++
				if unicode.IsDigit(r) {
					digits++
				} else {
					letters++
				}
			}
			e = n
			if chars >= 5 {
				break
			}
		}
		if e < k || chars < 4 || chars > 9 || digits == 0 || (weak && letters == 0) {
			continue
		}
		if weak && d.toks[k].kind == tNum && e == k {
			continue // "car 2": not a plate
		}
		d.cue(d.addTok(KindPlate, k, e, prioPlate), h.i, h.j)
	}
}

// nonGeographic: a number only an organisation has: UK non-geographic and
// freephone numbers (03…, 080…, 084…, 087…) and North American toll-free
// ones (800, 888, 877, 866, 855, 844, 833), with or without a country code.
// A person's phone is never one of these.
func (d *doc) nonGeographic(k int) bool {
	var b strings.Builder
	for x := k; x < len(d.toks) && x < k+8 && b.Len() < 14; x++ {
		t := d.toks[x]
		if t.kind == tNum {
			b.WriteString(t.low)
		} else if !d.is(x, "+", "(", ")", "-", ".") {
			break
		}
	}
	n := b.String()
	if uk, ok := strings.CutPrefix(n, "44"); ok && len(uk) == 10 {
		n = "0" + uk // "+44 300 …"
	}
	if len(n) == 11 && n[0] == '1' {
		n = n[1:] // "1-800-…"
	}
	switch {
	case len(n) == 11 && (strings.HasPrefix(n, "03") || strings.HasPrefix(n, "080") || strings.HasPrefix(n, "084") || strings.HasPrefix(n, "087")):
		return true
	case len(n) == 10:
		switch n[:3] {
		case "800", "888", "877", "866", "855", "844", "833":
			return true
		}
	}
	return false
}

// idOwner: a word before "ID 70042" that makes it a card's number, not a
// state and ZIP code.
var idOwner = map[string]bool{"staff": true, "employee": true, "badge": true, "user": true, "login": true, "card": true,
	"student": true, "member": true, "patient": true, "smartcard": true, "photo": true, "my": true, "your": true, "new": true}
