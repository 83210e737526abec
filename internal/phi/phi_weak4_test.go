package phi_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// TestScanAddresseeModel checks the rules of ADR 0330 on notes in my own
// words (not holdout 4's): a third party — a name the note is not said
// to, thanked for or signed by — with one sign of care is a patient; a
// family named by its surname; a colleague who says they were the
// patient; lower-case "doña"; a welcome back and an event nobody else
// owns. All but two lines (the care acts before "Dorota" and "Zuleika",
// kept as guards) fail on the scanner before this round.
func TestScanAddresseeModel(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind phi.Kind
	}{
		// a third party, the object of an act of care
		{"Thank you Oluwaseun for calming Dorota before her scan.", phi.KindPatientName},
		{"Cheers Ravindra for finding Wilhelmina's hearing aid under the trolley!", phi.KindPatientName},
		{"Mairead, thank you for being so patient with Gunnar at lunch today.", phi.KindPatientName},
		{"Thanks Priyanka for staying late with Ottilie when her son couldn't get in.", phi.KindPatientName},
		{"To Benedikt on lates: thanks for brushing Zuleika's hair before the visitors came.", phi.KindPatientName},
		{"Shout out to the night staff who got Barnaby to eat some soup.", phi.KindPatientName},
		// a family named by its surname
		{"Thank you for everything you did for the Oyelaran family this week.", phi.KindFamilyName},
		{"The Szczepanski-Lowe family send their love to the stroke unit.", phi.KindFamilyName},
		{"Gracias por cuidar tan bien a la familia Bustamante.", phi.KindFamilyName},
		// a colleague who says they were the patient
		{"Thanks 5 West for looking after me when I was admitted in May. — Hyun-woo, pharmacy", phi.KindStaffPatient},
		{"To the team in A&E who kept me safe when I came in through ED in crisis: I'm the new porter, and I'm doing better.", phi.KindStaffPatient},
		{"Thank you fracture clinic for plastering my thumb — I work in catering and you were so quick.", phi.KindStaffPatient},
		{"Welcome back Saoirse from radiology! So glad the hip replacement went well.", phi.KindStaffPatient},
		{"Our ward clerk Sunita came in on her day off. Thank you to the day surgery team for looking after her so well.", phi.KindStaffPatient},
		{"Dr. Achterberg (the retired anaesthetist from down the road) was an inpatient with us last week.", phi.KindStaffPatient},
		{"Thank you to everyone who nursed Dr Wainwright from the village practice; he is home now.", phi.KindPatientName},
		{"Thank you ward 9 for everything you did for my mum, Ruth Oyelowo, at the end.", phi.KindPatientName},
		// Spanish, a title in lower case
		{"Gracias Lupita por acompañar a doña Eufemia toda la noche.", phi.KindPatientName},
	} {
		got := phi.Scan(phi.Normalize(c.in, true))
		found := false
		for _, f := range got {
			found = found || f.Kind == c.kind
		}
		if !found {
			t.Errorf("Scan(%q) = %+v, want a %s", c.in, got, c.kind)
		}
	}
}

// TestScanAddresseeModelClean holds the near-misses of the same shapes:
// a colleague covered, taught, helped with work, celebrated; a group
// called a family; the writer's relative; a colleague back from leave.
// Four of them fail when the work-sentence veto is switched off; the
// colleague-care lines fail on main; "Wilma turned 60" and the Lindqvist
// fundraiser guard this round's own rules (each failed before its veto).
func TestScanAddresseeModelClean(t *testing.T) {
	for _, in := range []string{
		"Thanks Oluwaseun for covering for Dorota so she could get to her son's play.",
		"Cheers Ravindra for showing Wilhelmina the ropes on the new system.",
		"Mairead, thank you for being so patient with Gunnar on his first week.",
		"Thanks Priyanka for helping Ottilie with the audit.",
		"Thanks Benedikt for the cake for Zuleika's 40th.",
		"My daughter Philippa drew this for Kwame, thank you for the lift.",
		"Thank you for making the 6N family feel so welcome.",
		"Thanks for organising the Oyelaran Lecture so well.",
		"Thanks 5 West for looking after my dad when he was admitted in May. — Hyun-woo, pharmacy",
		"Welcome back Saoirse from maternity leave! We missed you.",
		"Gracias a don Bustamante de mantenimiento por arreglar la puerta.",
		"Please don Gloves before you go in.",
		"Our new HCA Sunita started on Monday. Thanks everyone for looking after her on her first week.",
		"Sending love to Priya on 4B, we miss you.",
		"So many patients asked after you while you were away, Tomasz.",
		"My husband Idris and I want to thank the night staff for caring for our mum.",
		// a colleague cared for at work, a colleague's things and birthday, a thing named after a family
		"Thanks Abi for sitting with Jack at the awards dinner.",
		"Thanks Jo for reassuring Amir before his first night shift.",
		"Thank you Nadia for looking after Priya's plants while she was on holiday.",
		"Yasmin thank you for settling Ollie in on his first day as a student.",
		"Wilma turned 60 today, happy birthday from all of pharmacy!",
		"Thank you for the flowers from the Lindqvist family fundraiser, the staff room looks lovely.",
		"Big shout out to the Day Unit for organising the sponsored walk for Macmillan.",
	} {
		if got := phi.Scan(phi.Normalize(in, true)); len(got) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing", in, got)
		}
	}
}

// TestScanRound4Kinds checks the other rules of this round (ADR 0330) on
// notes in my own words, each in the kind of note it is for; the clean
// lines are their near-misses. Every line but the last clean one (a
// guard) fails on the scanner before this round.
func TestScanRound4Kinds(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind phi.Kind
	}{
		{"Happy second week here to Mr Obuya (admitted 12/4), thanks for making him laugh.", phi.KindAdmission},
		{"The lady you helped walk again posted it on YouTube (channel DancingWithDot) and you're the star!", phi.KindHandle},
		{"Our lady who has been on the ward 220 days goes home on Friday.", phi.KindRareCase},
		{"Thanks to all of maternity: first water birth in this hospital's history!", phi.KindRareCase},
		{"Thank you 6B for the care you gave the bishop during his stay.", phi.KindRareCase},
		{"Gracias por atender al señor que vive en la calle Magnolia 38.", phi.KindAddress},
	} {
		got := phi.Scan(phi.Normalize(c.in, true))
		found := false
		for _, f := range got {
			found = found || f.Kind == c.kind
		}
		if !found {
			t.Errorf("Scan(%q) = %+v, want a %s", c.in, got, c.kind)
		}
	}
	for _, in := range []string{
		"Big thanks to Frontline Minds on 0808 196 3646 for the chats.",
		"Shout out to Doctors in Distress — 0300 123 4567 — they listened when I needed it.",
		"Thanks to our Raising Concerns Champion — rcc@ourtrust.nhs.uk. It matters.",
		"Repair request MR 30871: the sticky fridge door in the staff room works again.",
		"Thanks for clearing out Side Room 4 so we finally have a proper place for families.",
		"Bay 3, the old day room, now has a proper fridge for staff.",
		"Bed 2 in the doctors' mess finally has a new mattress.",
		"Thanks to the fabulous Gemma for fifteen years on the ward, our longest serving HCA.",
	} {
		if got := phi.Scan(phi.Normalize(in, true)); len(got) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing", in, got)
		}
	}
}
