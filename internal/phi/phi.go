// Package phi is the PHI guard: a local scanner (no network, no model)
// that finds likely patient identifiers in free text before a note or
// story is saved, so the writer can fix it and a moderator sees why a
// post was held.
//
// It favours recall over precision, then removes the false alarms a
// clinical thank-you note typically raises ("room 4 break room", "4 West",
// "7am", "the Patient Experience team") with an allow-list.
package phi

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind names what a finding looks like.
type Kind string

// The kinds of finding.
const (
	KindRecordNumber Kind = "record_number" // MRN, NHS number, hospital/chart number
	KindBirthDate    Kind = "date_of_birth"
	KindPhone        Kind = "phone"
	KindEmail        Kind = "email"
	KindRoomBed      Kind = "room_bed"
	KindPatientName  Kind = "patient_name"
	KindSSN          Kind = "ssn"
	KindAge          Kind = "age"
)

// Finding is one likely identifier: its kind and the matched span as byte
// offsets into the scanned text.
type Finding struct {
	Kind  Kind   `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"-"`
}

// Label is the human wording of a kind, for the form and the dashboard.
func (k Kind) Label() string {
	switch k {
	case KindRecordNumber:
		return "a record or patient number"
	case KindBirthDate:
		return "a date of birth"
	case KindPhone:
		return "a phone number"
	case KindEmail:
		return "an e-mail address"
	case KindRoomBed:
		return "a room or bed number"
	case KindPatientName:
		return "a patient's name"
	case KindSSN:
		return "a social security number"
	case KindAge:
		return "a patient's age"
	}
	return string(k)
}

type rule struct {
	kind Kind
	re   *regexp.Regexp
	// group is the submatch that is the identifier (0 = whole match).
	group int
	// keep may veto a match, e.g. a plain date that is recent.
	keep func(text string, m []int) bool
}

const (
	monthRe = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	dateRe  = `(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}[/-]` + monthRe + `[/-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthRe + `,?\s+(?:19|20)\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})`
	titleRe = `(?:Mr|Mrs|Ms|Miss|Mx|Mstr|Master|MR|MRS|MISS)\.?`
	nameRe  = `(?:\p{Lu}\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?`
)

var rules = []rule{
	{kind: KindEmail, re: regexp.MustCompile(`(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`)},
	{kind: KindSSN, re: regexp.MustCompile(`\b\d{3}-\d{2}-\d{4}\b`)},
	{kind: KindSSN, group: 1, re: regexp.MustCompile(`(?i)\b(?:ssn|social security(?: number| no\.?| #)?)\s*(?:is|was)?\s*[:#]?\s*(\d{3}[\s-]?\d{2}[\s-]?\d{4})\b`)},
	// labelled record numbers: "MRN 1234567", "NHS no. 485 777 3456", "hosp no: A123456"
	{kind: KindRecordNumber, group: 1, re: regexp.MustCompile(`(?i)\b(?:mrn|m\.r\.n\.?|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|hospital (?:number|no\.?|id)|hosp\.? (?:no\.?|number)|patient (?:id|number|no\.?)|pt (?:id|no\.?)|nhs(?: number| no\.?| #)?|chart(?: number| no\.?| #)|case (?:number|no\.?)|acct\.?(?: no\.?)?|account (?:number|no\.?)|urn|crn|chi(?: number| no\.?)?|unit (?:number|no\.?))\s*(?:is|was|=)?\s*[:#]?\s*([A-Z]{0,3}[\s-]?\d[\d\s-]{3,14}\d)`)},
	// phone numbers: 10+ digits with optional country code and separators
	{kind: KindPhone, re: regexp.MustCompile(`(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?|\b\d{2,5}[\s.-])\d{3,4}[\s.-]?\d{3,4}\b|\b0\d{9,10}\b|\b\d{10}\b`),
		keep: func(text string, m []int) bool { return digits(text[m[0]:m[1]]) >= 10 && digits(text[m[0]:m[1]]) <= 13 }},
	// short numbers introduced as something to call: "call her daughter at 555-0199"
	{kind: KindPhone, group: 1, re: regexp.MustCompile(`(?i)\b(?:call|calling|called|phone|phoned|phoning|ring|ringing|rang|tel\.?|telephone|mobile|cell|text|texted|texting|number)\b[^0-9\n]{0,25}?(\+?\d[\d\s.()-]{5,}\d)`),
		keep: func(text string, m []int) bool { return digits(text[m[2]:m[3]]) >= 7 }},
	// NHS-style numbers and long bare numbers: likely record numbers
	{kind: KindRecordNumber, re: regexp.MustCompile(`\b\d{3}\s\d{3}\s\d{4}\b|\b[A-Z]{1,3}\d{6,10}\b|\b\d{6,9}\b`)},
	// labelled dates: "DOB 03/04/1951", "born on 3 March 1951"
	{kind: KindBirthDate, group: 1, re: regexp.MustCompile(`(?i)\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birth ?date|birthday)\s*(?:is|was|of|:|-)?\s*(` + dateRe + `)`)},
	// "born in 1939": a birth year is enough to narrow a patient down
	{kind: KindBirthDate, group: 1, re: regexp.MustCompile(`(?i)\bborn\s+(?:in\s+)?((?:19|20)\d{2})\b`)},
	// bare full dates whose year is long past: more likely a birth date than a shift
	{kind: KindBirthDate, re: regexp.MustCompile(`(?i)\b` + dateRe + `\b`), keep: func(text string, m []int) bool { return oldDate(text, m) && !eventDate(text, m) }},
	// "patient Smith", "pt John", "Mrs. Jones", "patient named Ana Lopez"
	{kind: KindPatientName, re: regexp.MustCompile(`\b(?:[Pp]atients?|[Pp]t\.?|PATIENT)(?:'s)?,?\s+(?:(?:called|named)\s+)?` + nameRe), keep: notTeamName},
	{kind: KindPatientName, re: regexp.MustCompile(`\b` + titleRe + `\s+` + nameRe), keep: notStaffTitle},
	// "bed 12", "bay 3 bed 4", "room 512", "cubicle 7", "side room 2", "rm 4B"
	{kind: KindRoomBed, re: regexp.MustCompile(`(?i)\b(?:bed|bay|cubicle|cubi|cube|side ?room|room|rm|pod|resus|trolley|chair)\.?\s*(?:no\.?|number|#)?\s*\d{1,4}[a-z]?\b`), keep: notStaffRoom},
	// ages: "84-year-old", "84 yo", "aged 91"
	{kind: KindAge, re: regexp.MustCompile(`(?i)\b\d{1,3}\s?-?\s?(?:years?[- ]old|yrs?[- ]old|y/o|yo|yof|yom)\b|\baged\s+\d{1,3}\b`)},
}

// Scan returns the likely identifiers in text, ordered by position, with
// overlapping matches merged (the earlier rule in the list wins).
func Scan(text string) []Finding {
	var found []Finding
	for _, r := range rules {
		for _, m := range r.re.FindAllStringSubmatchIndex(text, -1) {
			if r.keep != nil && !r.keep(text, m) {
				continue
			}
			start, end := m[2*r.group], m[2*r.group+1]
			if start < 0 {
				continue
			}
			if overlaps(found, start, end) {
				continue
			}
			found = append(found, Finding{Kind: r.kind, Start: start, End: end, Text: text[start:end]})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	return found
}

// ScanRecipient scans a field that names who is being thanked (a note's
// "to"): a title and name there is the colleague ("Mr Patel", UK surgeons
// are "Mr"), unless a bed or room follows it. Everything else is found as
// by [Scan].
func ScanRecipient(text string) []Finding {
	const prefix = "To " // what the form's label says, so the addressee veto applies
	found := Scan(prefix + text)
	out := found[:0]
	for _, f := range found {
		if f.Start < len(prefix) {
			continue
		}
		f.Start -= len(prefix)
		f.End -= len(prefix)
		out = append(out, f)
	}
	return out
}

func overlaps(found []Finding, start, end int) bool {
	for _, f := range found {
		if start < f.End && f.Start < end {
			return true
		}
	}
	return false
}

func digits(s string) int {
	n := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// contextBytes is how far back the allow-list looks before a match.
const contextBytes = 80

// before returns up to contextBytes of text before i. The "...$" context
// patterns would otherwise rescan the whole prefix for every match, which
// is quadratic on a 20,000-character story. A cut window starts with "…"
// so that a "^" in a pattern cannot take the cut for the start of the text.
func before(text string, i int) string {
	if i <= contextBytes {
		return text[:i]
	}
	j := i - contextBytes
	for j < i && !utf8.RuneStart(text[j]) {
		j++
	}
	return "…" + text[j:i]
}

var fullYearRe = regexp.MustCompile(`(?:19|20)\d{2}`)

var yearRe = regexp.MustCompile(`(19|20)\d{2}$|[/.-](\d{2})$`)

// oldDate keeps a bare date only if its year is more than 2 years ago:
// "on 12/03/2026 you stayed late" is a shift, "12/03/1948" a birth date.
func oldDate(text string, m []int) bool {
	s := strings.TrimSpace(text[m[0]:m[1]])
	var year int
	if y := fullYearRe.FindAllString(s, -1); len(y) > 0 {
		year, _ = strconv.Atoi(y[len(y)-1])
		if strings.HasPrefix(s, y[0]) && len(y) == 1 { // ISO 2026-03-12
			year, _ = strconv.Atoi(y[0])
		}
	} else if mm := yearRe.FindStringSubmatch(s); mm != nil && mm[2] != "" {
		yy, _ := strconv.Atoi(mm[2])
		year = 2000 + yy
		if year > time.Now().Year() {
			year -= 100
		}
	}
	return year > 0 && year < time.Now().Year()-2
}

var teamWords = map[string]bool{
	"experience": true, "safety": true, "care": true, "flow": true, "transport": true, "services": true,
	"advice": true, "liaison": true, "relations": true, "access": true, "information": true, "first": true,
	"centred": true, "centered": true, "partners": true, "engagement": true, "voice": true, "portal": true,
	"team": true, "records": true, "education": true, "feedback": true, "advocacy": true, "champions": true,
	"association": true, "forum": true, "panel": true, "council": true, "week": true, "survey": true, "leaflets": true,
	"and": true, "i": true, "a": true, "the": true, "was": true, "is": true, "who": true, "with": true,
}

// notTeamName drops "the Patient Experience team" and "patient and family".
func notTeamName(text string, m []int) bool {
	words := strings.Fields(text[m[0]:m[1]])
	if len(words) < 2 {
		return false
	}
	name := strings.ToLower(strings.Trim(words[len(words)-1], "'’-"))
	first := strings.ToLower(strings.Trim(words[1], "'’-"))
	if first == "called" || first == "named" {
		return true
	}
	return !teamWords[first] && !teamWords[name]
}

// staffRoles are the words that make "Mrs Achebe, our ward clerk" or "Mr
// Dlamini from estates" a colleague rather than a patient.
const staffRoles = `(?:consultant|surgeon|registrar|anaesthetist|anesthetist|fellow|matron|sister|charge nurse|nurse|midwife|ward clerk|clerk|` +
	`ward manager|manager|receptionist|reception|secretary|porter|porters|estates|facilities|housekeeping|domestic|pharmacist|pharmacy|physio|` +
	`chaplain|theatres|surgery|orthopaedics|orthopedics|urology|ent|vascular|cardiology|radiology|educator|hca)\b`

var (
	staffAfterTitle = regexp.MustCompile(`(?i)^[\s,(]*(?:(?:our|the|from|on|in|at|of)\s+(?:[a-z'’-]+\s+){0,2}?)?` + staffRoles)
	// a name right after "thank you", "thanks", "to" or "dear" is the
	// colleague being thanked, not someone they cared for
	patientPlaceAfter = regexp.MustCompile(`(?i)^,?\s*(?:in|from|on)\s+(?:the\s+)?(?:bed|bay|room|side ?room|cubicle|rm|\d)`)
	addressedBefore   = regexp.MustCompile(`(?i)(?:^|[.!?:;,]\s*|\n)(?:thank you|thanks|many thanks|to|dear|well done|congratulations|congrats)[\s,:]*$`)
)

// notStaffTitle keeps "Mr Smith" unless it is visibly a colleague: a
// surgeon (UK surgeons are "Mr/Ms"), a role next to the name ("Mrs Patel,
// ward clerk", "Mr Dlamini from estates"), or the person being thanked
// ("Thank you Mr Ahmed for the teaching").
func notStaffTitle(text string, m []int) bool {
	if patientPlaceAfter.MatchString(text[m[1]:]) {
		return true // "Mrs Alvarez in 12", "Mr Li in bed 4": a patient, however addressed
	}
	return !staffAfterTitle.MatchString(text[m[1]:]) && !addressedBefore.MatchString(before(text, m[0]))
}

var (
	// "on 14 March 2023", "since 1999-09-01": an event or a start date
	eventBefore = regexp.MustCompile(`(?i)\b(?:on|since|joined|started|qualified|began)\s+(?:the\s+)?$`)
	// "1 January 1990 to today": a span of service
	eventAfter = regexp.MustCompile(`(?i)^\s*(?:to|until|till|-|–)\s*(?:today|now|date|the present|\d)`)
)

// eventDate reports a bare date that reads as an event, not a birth.
func eventDate(text string, m []int) bool {
	return eventBefore.MatchString(before(text, m[0])) || eventAfter.MatchString(text[m[1]:])
}

var (
	staffRoomBefore = regexp.MustCompile(`(?i)(?:break|staff|meeting|conference|seminar|training|teaching|tea|rest|locker|on-?call|quiet|family|relatives'?|changing|store|stock|sluice|utility|education|board|committee|interview|prayer|faith|multi-?faith|wellbeing|wellness|quiet|sim|simulation|lecture|team|doctors'?|nurses'?|mess|coffee|break-out|breakout|huddle)\s*$`)
	staffRoomAfter  = regexp.MustCompile(`(?i)^\s*(?:(?:of|in|at)\s+the\s+)?(?:outpatients?|opd|clinic|break ?room|staff ?room|lounge|kitchen|meeting|conference|seminar|training|teaching|tea ?room|rest ?room|locker|huddle|office|store|sluice|education|cent(?:re|er)|corridor|entrance|lift|stairs|car park|clinic room|cafe|canteen)`)
)

var (
	// "Thanks to Pod 2", "everyone on ICU Bay 2": the place is a team
	teamPlaceBefore = regexp.MustCompile(`(?i)(?:\b(?:thanks to|thank you|to|everyone|all|team|staff|nurses|colleagues)\s+(?:(?:on|in|at)\s+)?(?:the\s+)?(?-i:[A-Z]{2,4}\s+)?)$`)
	teamPlaceAfter  = regexp.MustCompile(`(?i)^\s*(?:team|nurses|staff|crew|hcas|colleagues)\b`)
	// "bed 1 to bed 28", "beds 1-6": a range is the ward's layout, not a patient
	bedRangeAfter = regexp.MustCompile(`(?i)^\s*(?:to|-|–)\s*(?:bed\s*)?\d`)
)

// notStaffRoom drops places that are staff spaces or teams: "room 4 break
// room", "meeting room 2", "seminar room 3", "thanks to Pod 2", "bed 1 to
// bed 28". A bed or bay next to a person ("the man in bed 12") is kept.
func notStaffRoom(text string, m []int) bool {
	match := strings.ToLower(text[m[0]:m[1]])
	if teamPlaceBefore.MatchString(before(text, m[0])) || teamPlaceAfter.MatchString(text[m[1]:]) || bedRangeAfter.MatchString(text[m[1]:]) {
		return false
	}
	if !strings.HasPrefix(match, "room") && !strings.HasPrefix(match, "rm") {
		return true
	}
	if staffRoomBefore.MatchString(before(text, m[0])) || staffRoomAfter.MatchString(text[m[1]:]) {
		return false
	}
	return true
}
