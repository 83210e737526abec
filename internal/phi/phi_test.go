package phi_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

func TestScanKinds(t *testing.T) {
	cases := []struct {
		in   string
		kind phi.Kind
		text string
	}{
		{"emailed mary.jones@gmail.com", phi.KindEmail, "mary.jones@gmail.com"},
		{"SSN 123-45-6789", phi.KindSSN, "123-45-6789"},
		{"MRN 40012345 went home", phi.KindRecordNumber, "40012345"},
		{"NHS no. 485 777 3456", phi.KindRecordNumber, "485 777 3456"},
		{"DOB 14/02/1941", phi.KindBirthDate, "14/02/1941"},
		{"born on 3 March 1951", phi.KindBirthDate, "3 March 1951"},
		{"call 07700 900123", phi.KindPhone, "07700 900123"},
		{"call (555) 123-4567", phi.KindPhone, "(555) 123-4567"},
		{"the man in bed 12", phi.KindRoomBed, "bed 12"},
		{"the lady in room 512", phi.KindRoomBed, "room 512"},
		{"sat with Mrs. Kowalski", phi.KindPatientName, "Mrs. Kowalski"},
		{"for patient Lopez", phi.KindPatientName, "patient Lopez"},
		{"our 94 year old", phi.KindAge, "94 year old"},
		{"kind to the patient, Eleanor Voss, today", phi.KindPatientName, "patient, Eleanor Voss"},
		{"a gentleman born in 1939", phi.KindBirthDate, "1939"},
		{"call her daughter at 555-0199", phi.KindPhone, "555-0199"},
		{"social security number 078 05 1120", phi.KindSSN, "078 05 1120"},
		// tuned on the tricky corpus
		{"DOB: 03-Apr-1948 on the band", phi.KindBirthDate, "03-Apr-1948"},
		{"the man born 1st of May 1950", phi.KindBirthDate, "1st of May 1950"},
		{"transfer, CHI 0101501234.", phi.KindRecordNumber, "0101501234"},
		{"the family in Rm. 304 said", phi.KindRoomBed, "Rm. 304"},
		{"the wash for MRS PATEL today", phi.KindPatientName, "MRS PATEL"},
		{"time with patient J. Smith and his wife", phi.KindPatientName, "patient J. Smith"},
		{"dignity for Mrs Ó Súilleabháin", phi.KindPatientName, "Mrs Ó Súilleabháin"},
		{"for texting 555 0182 so", phi.KindPhone, "555 0182"},
		// the allow-list must not swallow these
		{"turned round for Mrs Walker, and it mattered", phi.KindPatientName, "Mrs Walker"},
		{"the allergy on Ms. Nguyen's chart before it was too late", phi.KindPatientName, "Ms. Nguyen's"},
		{"thanks to the night nurses for bed 11, she went peacefully", phi.KindRoomBed, "bed 11"},
		{"the patient from 11/02/1945 has the right band", phi.KindBirthDate, "11/02/1945"},
		{"kind to Mrs Kowalski all night", phi.KindPatientName, "Mrs Kowalski"},
		{"Thank you Mr Li in the side room for the chocolates", phi.KindPatientName, "Mr Li"},
	}
	for _, c := range cases {
		got := phi.Scan(c.in)
		if len(got) != 1 || got[0].Kind != c.kind || got[0].Text != c.text {
			t.Errorf("Scan(%q) = %+v, want one %s %q", c.in, got, c.kind, c.text)
			continue
		}
		if c.in[got[0].Start:got[0].End] != c.text {
			t.Errorf("Scan(%q): span %d-%d does not match its text", c.in, got[0].Start, got[0].End)
		}
	}
}

func TestScanAllowList(t *testing.T) {
	for _, in := range []string{
		"Thanks to everyone in the room 4 break room",
		"Meeting room 2 was freezing",
		"the 4 West night team",
		"5E at the 7am handover, 07:30 and 19:00",
		"the Patient Experience team",
		"the bed manager",
		"Mr Patel the consultant surgeon stayed late",
		"our 2026 winter rota",
		"bleep 4471",
		"on 24/12 we pulled together",
		"on 12/03/2026 you stayed late",
		// tuned on the tricky corpus
		"Thank you Mr Ahmed for the brilliant teaching",
		"Mrs Achebe, our ward clerk, knows where everything is",
		"Mr Dlamini from estates fixed the heating",
		"Thanks to Pod 2 for the huddle idea",
		"everyone on ICU Bay 2",
		"the bed 1 to bed 28 safety board",
		"The teaching on 14 March 2023 was great",
		"1 January 1990 to today, 35 years of care",
		"the Patients Association visit",
		"in Room 14 Outpatients",
		"room 2 of the education centre",
	} {
		if got := phi.Scan(in); len(got) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing", in, got)
		}
	}
}

func TestScanRecipient(t *testing.T) {
	for in, want := range map[string]string{
		"Mr Patel":                "",
		"Mrs Achebe and the team": "",
		"Mrs Kowalski in bed 12":  "Mrs Kowalski|bed 12",
		"patient Lopez":           "patient Lopez",
		"Ana, x4412, ana@h.org":   "ana@h.org",
	} {
		var got []string
		for _, f := range phi.ScanRecipient(in) {
			if in[f.Start:f.End] != f.Text {
				t.Errorf("ScanRecipient(%q): span %d-%d is not %q", in, f.Start, f.End, f.Text)
			}
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("ScanRecipient(%q) = %q, want %q", in, got, want)
		}
	}
}

// kindAliases maps the short kind names of the hand-written corpora.
var kindAliases = map[string]phi.Kind{"dob": phi.KindBirthDate, "mrn": phi.KindRecordNumber, "phone": phi.KindPhone,
	"email": phi.KindEmail, "ssn": phi.KindSSN, "patient_name": phi.KindPatientName, "room_bed": phi.KindRoomBed, "age": phi.KindAge}

// corpora are the measured sets: notes with identifiers and clean notes.
// "tricky" was written (notes branch) to probe the allow-list and unusual
// formats; its figures before tuning are recorded in docs/phi.md.
// "holdout" was written after that tuning and is never tuned on: it is
// the out-of-sample estimate.
var corpora = []struct{ name, withPHI, clean string }{
	{"generated", "testdata/phi.txt", "testdata/clean.txt"},
	{"handwritten", "testdata/handwritten_phi.txt", "testdata/handwritten_clean.txt"},
	{"tricky", "testdata/tricky_phi.txt", "testdata/tricky_clean.txt"},
	{"holdout", "testdata/holdout_phi.txt", "testdata/holdout_clean.txt"},
}

// TestCorpus measures recall on notes with identifiers and false alarms on
// clean ones, per corpus and in total; lines of the hand-written corpora
// name the kind that must be found. The figures are reported in
// docs/phi.md (go test ./internal/phi -run TestCorpus -v); the thresholds
// are what the guard promises.
func TestCorpus(t *testing.T) {
	var total tally
	for _, c := range corpora {
		var got tally
		for _, line := range readCorpus(t, c.withPHI) {
			note, want := line, phi.Kind("")
			if k, rest, ok := strings.Cut(line, "\t"); ok {
				note, want = rest, kindAliases[k]
				if want == "" {
					t.Fatalf("%s: unknown kind %q", c.withPHI, k)
				}
			}
			got.phi++
			if !caught(phi.Scan(note), want) {
				got.missed++
				t.Logf("%s: missed (%s): %s", c.name, want, note)
			}
		}
		for _, note := range readCorpus(t, c.clean) {
			got.clean++
			if f := phi.Scan(note); len(f) > 0 {
				got.alarms++
				t.Logf("%s: false alarm %v: %s", c.name, f, note)
			}
		}
		t.Logf("%-12s %s", c.name, got)
		total.add(got)
	}
	t.Logf("%-12s %s", "total", total)
	if total.phi < 300 || total.clean < 300 {
		t.Fatalf("corpus too small: %d with PHI, %d clean", total.phi, total.clean)
	}
	if r := total.recall(); r < 0.97 {
		t.Errorf("recall %.3f < 0.97", r)
	}
	if fa := total.falseAlarm(); fa > 0.03 {
		t.Errorf("false-alarm rate %.3f > 0.03", fa)
	}
}

type tally struct{ phi, missed, clean, alarms int }

func (c *tally) add(o tally) {
	c.phi += o.phi
	c.missed += o.missed
	c.clean += o.clean
	c.alarms += o.alarms
}
func (c tally) recall() float64     { return 1 - float64(c.missed)/float64(c.phi) }
func (c tally) falseAlarm() float64 { return float64(c.alarms) / float64(c.clean) }
func (c tally) String() string {
	return fmt.Sprintf("recall %.3f (%d/%d)  false alarms %.3f (%d/%d)", c.recall(), c.phi-c.missed, c.phi, c.falseAlarm(), c.alarms, c.clean)
}

// caught: any finding counts when no kind is named; otherwise that kind must be found.
func caught(found []phi.Finding, want phi.Kind) bool {
	for _, f := range found {
		if want == "" || f.Kind == want {
			return true
		}
	}
	return false
}

func readCorpus(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines
}

// FuzzScan: Scan and ScanRecipient never panic, and every span is inside
// the input, ordered, non-overlapping and equal to its text.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"MRN 1234567", "DOB 01/02/1950", "Mrs Smith in bed 4", "a@b.co", "(555) 123-4567", "room 4 break room", "\xff\xfe", "Mr\u00a0Ü",
		"ＭＲＮ　１２３", "Mr\u200bLi in be\u200bd 1", "his wife Margaret", "@jo_bakes", "12 Elm Street", "ﬃ ﬁ ①\r\n\u2028x", "la señora García de la cama 12", "xxx-xx-1234",
		// disguises the scanner's view undoes (reveal.go)
		"mrs k o w a l s k i in b e d 1 4", "six six two one", "1\ufe0f\u20e30\ufe0f\u20e34\ufe0f\u20e3th", "R X 1 - 4 4 8 - 9 0 2", "layla dot hassan at gmail dot com",
		"MRN ١٢٣٤٥٦٧", "0770🎉0900🎉123", "a-r-t-h-u-r  p-e-n-n-y", "cuarenta y dos, nueve", "oh seven seven, one", "double oh nine triple one",
		"tres de marzo de mil novecientos cincuenta y uno", "dos mil veinte", "mil de", "x\u200d1\u20e3 e.g. a b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSpans(t, in, phi.Scan(in))
		checkSpans(t, in, phi.ScanRecipient(in))
	})
}

func checkSpans(t *testing.T, in string, found []phi.Finding) {
	t.Helper()
	prev := 0
	for _, fd := range found {
		if fd.Start < prev || fd.End <= fd.Start || fd.End > len(in) {
			t.Fatalf("bad span %+v in %q", fd, in)
		}
		if in[fd.Start:fd.End] != fd.Text {
			t.Fatalf("span text mismatch %+v in %q", fd, in)
		}
		if utf8.ValidString(in) && !utf8.ValidString(fd.Text) {
			t.Fatalf("span splits a rune: %+v in %q", fd, in)
		}
		prev = fd.End
	}
}

// BenchmarkScanStory is the worst case the forms accept: a 20,000-character
// story dense with matches. The allow-list's look-behind windows keep it
// linear (it took 8 s per scan before they were bounded).
func BenchmarkScanStory(b *testing.B) {
	story := strings.Repeat("thanks to bed 1 and Mrs Kowalski on 12/03/1950 room 4 ", 400)[:20000]
	for b.Loop() {
		phi.Scan(story)
	}
}

// BenchmarkScanStoryNames is a 20,000-character story dense with first
// names and the words that make them a patient's or a colleague's: what
// is worked out for the whole note is worked out once.
func BenchmarkScanStoryNames(b *testing.B) {
	story := strings.Repeat("Thanks Sam for sitting with Noah, he ate his toast; Ana from pharmacy had her op and my scan. ", 250)[:20000]
	for b.Loop() {
		phi.Scan(story)
	}
}

// BenchmarkScanNote is a typical flagged note.
func BenchmarkScanNote(b *testing.B) {
	note := "Thanks for sitting with Mrs Kowalski in bed 12, the 4 West team at 7am, MRN 1234567 and call 07700 900123"
	for b.Loop() {
		phi.Scan(note)
	}
}

// note600 is a 600-character note dense with names, cues and numbers: the
// budget is ≤ 1 ms per note of this size.
var note600 = func() string {
	s := "Huge thanks to Priya and the 4 West night team. You sat with Dorothy in bed 12 when her daughter Margaret couldn't get here, " +
		"and Mr Okafor from pharmacy sorted the meds by 7am. Nurse Kim spotted the sepsis early, the lady in bay 3 (aged 97) is home, " +
		"MRN 1234567 is fixed, and call the son on 07700 900123 was kind. Thanks to Dr Patel for the teaching in seminar room 2, to estates for " +
		"the call bell on bed 5, and to Ana who stayed late on Saturday. Our own Sam was admitted last week: get well soon! The twins went home, " +
		"DOB 03/04/1951 corrected. Gracias a la enfermera Lucía por cuidar a la señora García de la cama 8."
	return s[:600]
}()

func BenchmarkScan600(b *testing.B) {
	b.SetBytes(int64(len(note600)))
	for b.Loop() {
		phi.Scan(note600)
	}
}

// BenchmarkGuard600 is what a post costs the guard: normalise, then scan.
func BenchmarkGuard600(b *testing.B) {
	disguised := strings.ReplaceAll(note600, " ", "\u00a0")
	for b.Loop() {
		phi.Scan(phi.Normalize(disguised, true))
	}
}
