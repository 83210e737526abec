package phi

import (
	_ "embed"
	"strings"
)

// cat is a set of categories a word or phrase belongs to.
type cat uint64

const (
	cPatientTitle cat = 1 << iota
	cStaffTitle
	cPatientNoun
	cPersonNoun
	cPlace
	cRelation
	cRelOwner
	cWriterOwner
	cEvent
	cCue
	cDiagnosis
	cService
	cRole
	cAddressed
	cAgent
	cCare
	cCareWeak
	cNotID
	cServiceLine
	cStreetAfter
	cStreetBefore
	cRare
	cCelebration
	cAgeUnit
	cStaffPlace
	cEquipment
	cNotName
	cMonth
	cNumberWord
	cLabelRecord
	cLabelDOB
	cLabelSSN
	cLabelMember
	cLabelPlate
	cLabelPhone
	cLabelHandle
	cLabelAddress
	cLabelAdmission
)

var labelCat = map[Kind]cat{
	KindRecordNumber: cLabelRecord, KindBirthDate: cLabelDOB, KindSSN: cLabelSSN, KindMemberID: cLabelMember,
	KindPlate: cLabelPlate, KindPhone: cLabelPhone, KindHandle: cLabelHandle, KindAddress: cLabelAddress,
	KindAdmission: cLabelAdmission,
}

// phrase is a cue of one or more words.
type phrase struct {
	words []string
	cats  cat
}

// lexicon is every language's cue tables merged: phrases indexed by their
// first word, month and number words by name.
type lexicon struct {
	phrases map[string][]*phrase
	months  map[string]int
	numbers map[string]int
}

var lex = buildLexicon(languages)

func buildLexicon(langs []language) *lexicon {
	l := &lexicon{phrases: map[string][]*phrase{}, months: map[string]int{}, numbers: map[string]int{}}
	for _, g := range langs {
		for _, t := range []struct {
			list []string
			c    cat
		}{
			{g.patientTitles, cPatientTitle}, {g.staffTitles, cStaffTitle}, {g.patientNouns, cPatientNoun},
			{g.personNouns, cPersonNoun}, {g.places, cPlace}, {g.relations, cRelation}, {g.relationOwners, cRelOwner},
			{g.writerOwners, cWriterOwner}, {g.events, cEvent}, {g.cues, cCue}, {g.diagnoses, cDiagnosis},
			{g.services, cService}, {g.roles, cRole}, {g.addressed, cAddressed}, {g.agentVerbs, cAgent},
			{g.careVerbs, cCare}, {g.careWeak, cCareWeak}, {g.notIDLabels, cNotID}, {g.serviceLines, cServiceLine},
			{g.streetAfter, cStreetAfter}, {g.streetBefore, cStreetBefore}, {g.rare, cRare},
			{g.celebrations, cCelebration}, {g.ageUnits, cAgeUnit}, {g.staffPlaces, cStaffPlace},
			{g.equipment, cEquipment}, {g.notNames, cNotName},
		} {
			for _, p := range t.list {
				l.add(p, t.c)
			}
		}
		for k, list := range g.labels {
			for _, p := range list {
				l.add(p, labelCat[k])
			}
		}
		for m, n := range g.months {
			l.months[m] = n
			l.add(m, cMonth)
		}
		for w, n := range g.numbers {
			l.numbers[w] = n
			l.add(w, cNumberWord)
		}
	}
	return l
}

// add files a phrase under its first word, split as the scanner splits text.
func (l *lexicon) add(text string, c cat) {
	var words []string
	for _, t := range tokenize(text) {
		if t.kind != tPunct {
			words = append(words, t.low)
		}
	}
	if len(words) == 0 {
		return
	}
	for _, p := range l.phrases[words[0]] {
		if strings.Join(p.words, " ") == strings.Join(words, " ") {
			p.cats |= c
			return
		}
	}
	l.phrases[words[0]] = append(l.phrases[words[0]], &phrase{words: words, cats: c})
}

// The gazetteer: lower-case names, one a line, sorted (names/gen.sh).
// names.txt holds names that are not everyday English words; a name in
// names_common.txt ("Grace", "Will", "Mark") counts only where a name is
// expected.
var (
	//go:embed names/names.txt
	namesStrong string
	//go:embed names/names_common.txt
	namesWeak string
)

// nameStrength is 2 for a name that is no everyday word, 1 for one that
// is, 0 for no name known to the gazetteer.
func nameStrength(low string) int {
	switch {
	case inSorted(namesStrong, low):
		return 2
	case inSorted(namesWeak, low):
		return 1
	}
	return 0
}

// inSorted binary-searches a sorted newline-separated list without
// building anything at start-up (cold start stays fast).
func inSorted(list, s string) bool {
	lo, hi := 0, len(list)
	for lo < hi {
		mid := (lo + hi) / 2
		start := strings.LastIndexByte(list[:mid], '\n') + 1
		end := strings.IndexByte(list[start:], '\n')
		if end < 0 {
			end = len(list) - start
		}
		line := list[start : start+end]
		switch {
		case line == s:
			return true
		case line < s:
			lo = start + end + 1
		default:
			hi = start
		}
	}
	return false
}
