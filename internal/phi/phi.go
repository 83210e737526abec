// Package phi is the PHI guard: a local scanner (no network, no model)
// that finds likely patient identifiers in free text before a note or
// story is saved, so the writer can fix it and a moderator sees why a
// post was held.
//
// It reads text as tokens and looks at context, not only at patterns: a
// name is a patient's when a patient cue sits near it ("bed 12", "his
// wife", "admitted", a diagnosis) and no staff cue claims it ("Dr",
// "thank you", "from pharmacy"); numbers are identifiers by their shape
// and by the label before them. Cue words come from per-language tables
// (lang.go: English, Spanish, French); names from an embedded gazetteer
// (names/). Text is normalised first (Normalize), so non-breaking or
// zero-width spaces and full-width digits change nothing; then the scanner
// reads its own view (reveal), where spelled-out, spaced-out and other-
// script digits and letters are put back into shape.
package phi

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Kind names what a finding looks like.
type Kind string

// The kinds of finding.
const (
	KindRecordNumber Kind = "record_number" // MRN, NHS number, account or encounter number
	KindBirthDate    Kind = "date_of_birth"
	KindPhone        Kind = "phone"
	KindEmail        Kind = "email"
	KindRoomBed      Kind = "room_bed"
	KindPatientName  Kind = "patient_name"  // a patient's name, first name only included
	KindFamilyName   Kind = "family_name"   // a patient's relative named ("his wife Margaret")
	KindStaffPatient Kind = "staff_patient" // a colleague named as a patient ("Maria was admitted")
	KindSSN          Kind = "ssn"           // social security or national ID number, or a fragment of one
	KindAge          Kind = "age"
	KindAddress      Kind = "address"
	KindPlate        Kind = "licence_plate"
	KindHandle       Kind = "social_handle"
	KindMemberID     Kind = "member_id" // insurance member, policy or Medicare number
	KindAdmission    Kind = "admission_date"
	KindRareCase     Kind = "rare_case" // a patient one of a kind: twins, the oldest, "the only … in the hospital"
)

// Finding is one likely identifier: its kind and the matched span as byte
// offsets into the scanned text, and where known the cue that made it one
// ("bed 12" for a first name). Stored flags hold kinds and ranges only:
// Text is for the page that shows the finding, never serialised.
type Finding struct {
	Kind     Kind   `json:"kind"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	CueStart int    `json:"cue_start,omitempty"`
	CueEnd   int    `json:"cue_end,omitempty"`
	Text     string `json:"-"`
}

// HasCue reports whether the finding names the context that made it one.
func (f Finding) HasCue() bool { return f.CueEnd > f.CueStart }

// Scan returns the likely identifiers in text, ordered by position and
// never overlapping. Text that is not normalised (see [Normalize]) is
// scanned as its normalised form and the spans mapped back, so a finding
// always points into the text given.
func Scan(text string) []Finding {
	if !utf8.ValidString(text) {
		return scanNormal(text)
	}
	n, spans := text, [][2]int(nil)
	if !isNormal(text, true) {
		n, spans = normalizeMap(text, true, true)
	}
	view, vspans, changed := reveal(n)
	if !changed {
		if spans == nil {
			return scanNormal(text)
		}
		return mapBack(scanNormal(n), spans, text)
	}
	if spans != nil {
		for i, x := range vspans {
			vspans[i] = [2]int{spans[x[0]][0], spans[x[1]-1][1]}
		}
	}
	return mapBack(scanNormal(view), vspans, text)
}

// mapBack moves findings in a view of text (normalised, revealed) to the
// spans of text they came from.
func mapBack(found []Finding, spans [][2]int, text string) []Finding {
	out := found[:0]
	prev := 0
	for _, f := range found {
		start, end := spans[f.Start][0], spans[f.End-1][1]
		if start < prev {
			continue // two findings inside one source character
		}
		f.Start, f.End, f.Text = start, end, text[start:end]
		if f.HasCue() {
			f.CueStart, f.CueEnd = spans[f.CueStart][0], spans[f.CueEnd-1][1]
		}
		out = append(out, f)
		prev = end
	}
	return out
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
		if f.HasCue() {
			f.CueStart = max(f.CueStart-len(prefix), 0)
			f.CueEnd = max(f.CueEnd-len(prefix), 0)
		}
		out = append(out, f)
	}
	return out
}

// candidate is a finding before overlaps are settled: lower prio wins.
type candidate struct {
	Finding
	prio int
}

// Priorities: an identifier with a shape of its own beats one read from
// context; a name beats the place next to it only where they overlap.
const (
	prioEmail = iota
	prioHandle
	prioSSN
	prioLabelled
	prioPhone
	prioDate
	prioRecord
	prioAddress
	prioPlate
	prioName
	prioPlace
	prioRare
	prioAge
)

func scanNormal(text string) []Finding {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	d := newDoc(text)
	d.findWeb()
	d.findNumbers()
	d.findDates()
	d.findAddresses()
	d.findPlates()
	d.findPlaces()
	d.findAges()
	d.findRare()
	d.findSingularEvents()
	d.findSingledOut()
	d.findNames()
	d.findFamilies()
	d.findPluralFamilies()
	d.findStaffWriterPatient()
	if d.colleagueBaby() {
		d.dropPeople()
	}
	return d.settle()
}

// settle keeps, among overlapping candidates, the one with the lowest
// priority (then the earliest, then the longest) and orders the rest.
func (d *doc) settle() []Finding {
	c := d.cands
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].prio != c[j].prio {
			return c[i].prio < c[j].prio
		}
		if c[i].Start != c[j].Start {
			return c[i].Start < c[j].Start
		}
		return c[i].End > c[j].End
	})
	var out []Finding
	for _, k := range c {
		clash := false
		for _, f := range out {
			if k.Start < f.End && f.Start < k.End {
				clash = true
				break
			}
		}
		if !clash {
			k.Text = d.text[k.Start:k.End]
			out = append(out, k.Finding)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
