package phi_test

import (
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
)

// TestScanWeakCategories holds one note for each way the second holdout
// found the guard weak, in my own words (the holdout's lines are tuning
// data now, not copied here): each must be found as the kind given, on
// the words given.
func TestScanWeakCategories(t *testing.T) {
	cases := []struct {
		in   string
		kind phi.Kind
		text string
	}{
		// a first name in a patient's context, without bed or diagnosis
		{"Our brave little Theo ate a whole bowl of soup today!", phi.KindPatientName, "Theo"},
		{"Thanks Jess for the sticker chart you made for Maisie on PICU.", phi.KindPatientName, "Maisie"},
		{"Dear physio team, Kai walked to the playroom with his walker today.", phi.KindPatientName, "Kai"},
		{"Thank you Nurse Bea for plaiting Esme's hair before her scan.", phi.KindPatientName, "Esme's"},
		{"Huge thanks to Ifeoma from theatres who found Amara's lost teddy before lights out.", phi.KindPatientName, "Amara's"},
		{"Thanks to the kitchen for the plain pasta they cooked for Dexter every night of his stay.", phi.KindPatientName, "Dexter"},
		// a colleague who is the patient
		{"Our porter Dave is off for his knee surgery, send him love.", phi.KindStaffPatient, "Dave"},
		{"Ben from estates is recovering well after his heart attack.", phi.KindStaffPatient, "Ben"},
		{"Thank you cardiology for fitting my pacemaker so kindly. Love, Joan from switchboard", phi.KindStaffPatient, "Joan"},
		{"Welcome back Janet! Hope your knee is feeling better after the op.", phi.KindStaffPatient, "Janet"},
		{"Thank you to the dialysis unit for looking after our own Arjun from catering.", phi.KindStaffPatient, "Arjun"},
		{"Our HCA Priya spent a week on AMU with pneumonia; thank you for caring for her.", phi.KindStaffPatient, "HCA Priya"},
		// a patient singled out without a name
		{"Thank you for looking after the local MP so kindly last week.", phi.KindRareCase, "MP"},
		{"The cyclist hit on Station Road yesterday asked me to thank the trauma team.", phi.KindRareCase, "cyclist hit"},
		{"A baby was born in the car park on Tuesday and the ED team were amazing.", phi.KindRareCase, "born in the car park"},
		{"Proud of the surgeons behind the trust's first ever womb transplant.", phi.KindRareCase, "trust's first ever womb transplant"},
		{"Thank you for caring for the deaf Icelandic gentleman on 7N.", phi.KindRareCase, "gentleman"},
		{"Prayers for the schoolboy still in ICU after the A14 pile-up.", phi.KindRareCase, "schoolboy still in ICU after the A14 pile"},
		// a title and name, a diagnosis and name, without the word "patient"
		{"Mrs Oyelaran's thank-you card is on the board.", phi.KindPatientName, "Mrs Oyelaran's"},
		{"Respect to the trauma team who managed Kyle Mensah's GSW.", phi.KindPatientName, "Kyle Mensah's"},
		{"Thanks to the diabetes nurses for supporting Rohan Ngata as he started his insulin.", phi.KindPatientName, "Rohan Ngata"},
		// formats
		{"Thanks for checking \"DOB: 02 / 11 / 1990\" on the band", phi.KindBirthDate, "02 / 11 / 1990"},
		{"Thx team, pt in 318B finally discharged!", phi.KindRoomBed, "318B"},
		{"From the handover sheet: PATIENT: OKAFOR, JAMES", phi.KindPatientName, "PATIENT: OKAFOR"},
		{"The Okafor family tagged us on Instagram @okafor_strong", phi.KindHandle, "@okafor_strong"},
	}
	for _, c := range cases {
		found := phi.Scan(c.in)
		ok := false
		for _, f := range found {
			if f.Kind == c.kind && f.Text == c.text {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Scan(%q) = %+v, want a %s %q", c.in, found, c.kind, c.text)
		}
	}
}

// TestScanWeakAllowList holds the near-misses the second holdout raised
// false alarms on, reworded: department mailboxes, things and stores in
// bays and rooms, ticket and asset numbers, titled colleagues, colleagues'
// birthdays and ages, Spanish staff rooms, and the new rules' own traps.
func TestScanWeakAllowList(t *testing.T) {
	for _, in := range []string{
		"For stock questions email pharmacy@stmarys.nhs.uk, thanks team",
		"Shout out to occhealth@valley-health.org for the flu jabs",
		"Thanks to the team behind staffbank@cityhealth.nhs.uk",
		"The Schwartz Rounds team (schwartz@riverside.org) were brilliant",
		"Thanks IT, REQ0031177 is sorted and my screen works",
		"Biomed fixed asset tag BME-004417 before the list",
		"Thanks Felix, employee ID 30029, for the deep clean",
		"Whoever tidied the dressing trolley in bay 3 storage, thank you",
		"Thanks for moving the ECG machine from ICU bay 1 to the main station",
		"The room 18 supply cupboard finally has shelves",
		"Happy birthday Kemi (born 1991, we won't tell)!",
		"Happy 92nd birthday to Bill, our volunteer on the front desk!",
		"El cuarto 210 de material ya está ordenado, gracias Carmen",
		"La Sra. Ortiz de recursos humanos me ayudó con las nóminas",
		"Gracias Dr. Ruiz por enseñarnos el ecógrafo en la sala 3",
		"Thanks Ms. Adeyemi, I'm a better nurse for it",
		"Mrs. Delgado, Mr. Henderson and Ms. Kapoor from the Patient Experience office ran a great session",
		"Thank you Lwazi for sitting with Anouk at induction so she didn't feel lost",
		"Thanks to the mayor for visiting the ward and thanking staff",
		"Thanks everyone who helped during the major incident on Saturday",
		"Thanks for looking after me on my first week — Kelly, radiology",
		"Maria, who was with us for ten years, retires today",
		"Thanks Leila for covering for Priya so she could get to her wedding",
		"Tom walked me to my car after nights, thank you",
		"Our parcel was delivered in reception, thanks porters",
		"Congratulations on our first ever staff awards, thanks comms team",
		"Thanks Jo, my surgery rotation was brilliant because of you",
		"Thank you Raj for being so patient with me on my first day",
		"Watched Priya calm a frightened patient in the waiting room today",
		"Thanks Dev, the patients in bay 4 got their meds on time because of you",
		"Thanks Aisha for the birthday cake for Jade's 30th, you're a star",
		"Hope your back feels better after moving house, Kate!",
		"Shout out to Sophie who stayed with Ana's patients while she was at lunch",
		"Thanks team for the flowers when my dad was in hospital, Jo",
		"Sam is a nurse in ICU and the kindest person I know",
		"Ravi is the only nurse on ICU who can fix the printer",
		"thanks tendai and hollie for the cake!!",
	} {
		if got := phi.Scan(in); len(got) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing", in, got)
		}
	}
}
