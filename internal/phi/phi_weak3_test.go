package phi_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// TestScanWeak3AllowList holds, in my own words, the kinds of note the
// third holdout raised false alarms on (its lines are tuning data now,
// not copied here): rooms and bays given a new use or named as places,
// helplines and advice lines, a staff scheme's mailbox, a colleague's
// age and yearless birthday, praise of a colleague next to the word
// patient, Spanish staff titles, floors and rooms thanked as teams.
func TestScanWeak3AllowList(t *testing.T) {
	for _, in := range []string{
		// a space with a new use, a place's own name
		"Huge thanks to estates for converting Bay 2 into a quiet room for staff.",
		"Room 14 is now the breastfeeding room, thanks facilities!",
		"Thanks for keeping bay 7 tidy while it's the temporary discharge lounge.",
		"Cheers Omar for sorting the sharps bins in Quiet Room 2, looks great.",
		"The hoist charger in the A&E corridor by Room 4 has been replaced, thanks Kev!",
		// helplines, advice lines, a scheme's mailbox
		"Big thanks to the Pharmacy Advice Line, who answer staff queries too (0300-555-0177).",
		"Grateful for the wellbeing text line (text CALM to 85258) on tough shifts.",
		"The staff bike-loan scheme is brilliant, write to bikeloan@hillside.nhs.uk to join.",
		// a colleague's age and birthday
		"A big hello to Maureen, our 79-year-old chaplaincy volunteer, who never misses a Sunday.",
		"Happy birthday to our porter Dev, born on the 1st of April — no joke!",
		// praise of a colleague next to the word patient
		"Kudos Amira for noticing a septic patient so quickly on nights.",
		"Three patients asked for \"the doctor with the bow tie\" today — that's you, Felix!",
		// Spanish staff titles, floors and rooms thanked as teams
		"Gracias a la Sra. Ibáñez, nuestra nueva supervisora de planta, por su paciencia.",
		"Gracias por la paciencia durante las obras del piso 3.",
		"¡Gracias a la sala 4 por el café! Bueno, al equipo de la sala 4.",
	} {
		if got := phi.Scan(phi.Normalize(in, true)); len(got) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing", in, got)
		}
	}
}

// TestScanWeak3StillFound: the allow-list rules above leave a patient's
// bed, a person's number, a patient's age and birthday, and a titled
// patient found.
func TestScanWeak3StillFound(t *testing.T) {
	cases := []struct {
		in   string
		kind phi.Kind
	}{
		{"Thank you for moving Mr Adeyemi from bay 4 into a side room so his wife could stay.", phi.KindPatientName},
		{"The lady in bed 6 is now the happiest patient on the ward.", phi.KindRoomBed},
		{"Her son rang the advice line and left his mobile, 07700 900123, for the ward.", phi.KindPhone},
		{"Our 79-year-old patient walked the corridor today!", phi.KindAge},
		{"Happy birthday to Mrs Hale in bay 2, born on 1 April 1931!", phi.KindBirthDate},
		{"Gracias a la Sra. Ibáñez de la habitación 12 por su paciencia.", phi.KindPatientName},
		{"Vive en la calle Mayor 12, piso 3, y su hija viene cada día.", phi.KindAddress},
	}
	for _, c := range cases {
		found := phi.Scan(phi.Normalize(c.in, true))
		ok := false
		for _, f := range found {
			if f.Kind == c.kind {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Scan(%q) = %+v, want a %s", c.in, found, c.kind)
		}
	}
}

// TestScanWeak3FirstNames: a first name made a patient's by what the
// third holdout showed (in my own words): a baby's weight reached, a
// child's age said with "he's", a ward after the name, a condition after
// a possessive, a great age turned, a discharge in the note.
func TestScanWeak3FirstNames(t *testing.T) {
	for _, c := range []struct{ in, name string }{
		{"Midwives, Ruby-Jo reached 1.8kg this morning, thank you for every feed 💕", "Ruby-Jo"},
		{"Porters: Alfie on Ward 12 says you're the fastest drivers in town. He's 7 and means it.", "Alfie"},
		{"Thanks Tunde, you were so patient with Doreen's delirium on nights.", "Doreen's"},
		{"The day team were lovely with Walter. He turned ninety-two on Sunday and wanted cake.", "Walter"},
		{"Tell pharmacy that Stanley says you're legends. He goes home on Friday.", "Stanley"},
	} {
		found := phi.Scan(phi.Normalize(c.in, true))
		ok := false
		for _, f := range found {
			if f.Text == c.name {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Scan(%q) = %+v, want %q", c.in, found, c.name)
		}
	}
}

// TestScanWeak3Formats: the third holdout's lexical gaps, in my own words:
// a room after a colon-ended greeting, a great birthday with the word left
// out, a Medi-Cal card, a procedure that names the patient, a Spanish care
// verb, a colleague stitched up.
func TestScanWeak3Formats(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind phi.Kind
	}{
		{"Day team: rm 212 pt says you made her week.", phi.KindRoomBed},
		{"Thanks all for making Sgt. Alan Pryce's 97th on our ward a party.", phi.KindAge},
		{"The billing team sorted Rosa Diaz's Medi-Cal BIC 55512345A1B before discharge.", phi.KindMemberID},
		{"Brilliant work on Peter Lyle's Whipple last week, team.", phi.KindPatientName},
		{"Gracias a hemodiálisis por tratar a Ramón Ibarra con tanta paciencia.", phi.KindPatientName},
		{"Thanks to minors for stitching up our porter Keith Dunn after he slipped.", phi.KindStaffPatient},
	} {
		found := phi.Scan(phi.Normalize(c.in, true))
		ok := false
		for _, f := range found {
			if f.Kind == c.kind {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Scan(%q) = %+v, want a %s", c.in, found, c.kind)
		}
	}
}
