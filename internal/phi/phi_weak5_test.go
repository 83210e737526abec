package phi_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// TestScanRound5Kinds checks the rules of ADR 0350 on notes in my own
// words (not holdout 5's): a third party as the subject of what only a
// patient does, given a comfort, read to, by a bed without a number; a
// colleague with an event only a patient has; record and member numbers
// with letters inside or a qualifier in the label; a great age said as
// "happy 104th". Each line but the member ID (kept as a guard) fails on
// the scanner before this round.
func TestScanRound5Kinds(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind phi.Kind
	}{
		{"Thanks Ngozi! Rupert turned a corner overnight and asked for toast.", phi.KindPatientName},
		{"Cheers night staff, Philomena perked right up after the fluids.", phi.KindPatientName},
		{"Thank you Anselm: Griselda had her hair washed and plaited and felt human again.", phi.KindPatientName},
		{"Thank you Marisol, when Evander got agitated after midnight you stayed till he slept.", phi.KindPatientName},
		{"Big thanks Tadhg, Winifred finally got her chest drain out this afternoon.", phi.KindPatientName},
		{"Shout out to the late shift: Lettice kept ringing her call bell and nobody minded.", phi.KindPatientName},
		{"Thank you Oona for the spare pillow for Cuthbert, he never sleeps flat.", phi.KindPatientName},
		{"Big up to Kwame who spent his break reading the racing pages to Bertram.", phi.KindPatientName},
		{"Thanks Ilse! Harriet from the window bay wants you to know you're wonderful.", phi.KindPatientName},
		{"Thank you Larch ward for caring for our porter Teodor after his sickle crisis.", phi.KindStaffPatient},
		{"Our pharmacist Yusra came through A&E as a patient on Friday; thank you for being so quick.", phi.KindStaffPatient},
		{"Encounter no. V-20250117-0442 said thanks to the whole team.", phi.KindRecordNumber},
		{"Case no. 25-SG-01277 closed quickly thanks to the social workers.", phi.KindRecordNumber},
		{"Primary member ID 771-30-2288-02 sorted by the discharge coordinator, thank you.", phi.KindMemberID},
		{"Happy 103rd to our lovely gent in the end bay!", phi.KindAge},
		{"Thank you HDU for the teenager who was in the papers after the canal rescue.", phi.KindRareCase},
		{"Well done to the team who took the paraglider airlifted off the ridge on Sunday.", phi.KindRareCase},
		{"Cheers neonatal team for the tiniest baby this hospital has ever sent home.", phi.KindRareCase},
	} {
		found := phi.Scan(c.in)
		ok := false
		for _, f := range found {
			ok = ok || f.Kind == c.kind
		}
		if !ok {
			t.Errorf("%q: want %s, got %+v", c.in, c.kind, found)
		}
	}
}

// TestScanRound5Clean: the twins that must stay clean (ADR 0350): a
// colleague's exam, treat, office, charity walk; a colleague's new baby; a
// bed or bay for teaching; a meeting room; an office's mailbox glued from
// words; a card's ID; a course code; a ward or hospice named after
// someone; a Spanish sentence opening with a function word. Eight of the
// fourteen raised a false alarm before this round; the others are guards
// for twins that generated6 showed to alarm (an exam, a charity walk, the
// bed bureau).
func TestScanRound5Clean(t *testing.T) {
	for _, in := range []string{
		"Thanks Ngozi! Ruairi passed his driving test this morning.",
		"Thank you Oona for the birthday cake for Cuthbert, he's always first in.",
		"Thanks Ilse! Hephzibah from the bed bureau says you're wonderful.",
		"Thanks to the porters, Teodor walked round every ward with the collection tin.",
		"Welcome to the world baby Idris! Congratulations to our OT Farhan and his wife Noor.",
		"Baby news: our sonographer Liesbeth and her partner welcomed twins on Monday!",
		"Bed 3 on the skills ward finally has a working hoist, thanks Colm.",
		"Bay 2 in the simulation centre has the new manikin, thanks to education.",
		"La sala de formación A se mudó a la sala 4, gracias Maite.",
		"Thanks to the bed management crew, reach them at bedmanagement@trust.nhs.uk any time.",
		"Staff ID 55310 badge reprinted in minutes, thanks to the security desk.",
		"Finished module IG-02 today, thank you information governance.",
		"Thank you to the Nightingale Ward team for covering the extra beds.",
		"Más de 200 cafés servidos en la jornada de puertas abiertas. Gracias a todos.",
		"Our ward was on the news for the garden project, thanks to everyone who dug.",
		"Congratulations to the nurse who was in the papers for her marathon!",
		"Thanks to our youngest ever ward manager for the best rota yet.",
	} {
		if found := phi.Scan(in); len(found) > 0 {
			t.Errorf("%q: want nothing, got %+v", in, found)
		}
	}
}

// TestScanParenthesisSaysPatient: a parenthesis after a name that says,
// first, that they are a patient or what they have makes the name a
// patient's, titled or not; one that gives a role or a job keeps it a
// colleague's (ADR 0350).
func TestScanParenthesisSaysPatient(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Thank you to Carmel (our patient in the end bay) for the chocolates.", true},
		{"Dr. Anand (a patient on 4 West this time, not on the rota!) sent a card to the nurses.", true},
		{"Shout out from Ignatius (the gentleman with the heart failure) to the night team.", true},
		{"Thanks to Carmel (our ward clerk) for the chocolates.", false},
		{"Thanks Dr. Anand (Patient Safety Lead) for the teaching.", false},
		{"Thanks to Dr Yip (the consultant with the bow tie) for the chocolates.", false},
	} {
		if got := len(phi.Scan(c.in)) > 0; got != c.want {
			t.Errorf("%q: found %v, want %v", c.in, got, c.want)
		}
	}
}
