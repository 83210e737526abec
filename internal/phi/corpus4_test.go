package phi_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestGenerated4 measures the addressee model (ADR 0330) on notes of my
// own wording, built from templates × names from many cultures × care
// acts × staff contexts, as many clean near-misses as notes with PHI. The
// templates and names are split in two: the "tune" half is what the rules
// may be tuned on, the "held" half (other templates, other names) is never
// tuned on and says how far the rules carry to words they were not
// written for. Both halves were first measured before any tuning on them
// (docs/phi.md).
//
//	go test ./internal/phi -run TestGenerated4 -v
func TestGenerated4(t *testing.T) {
	for _, half := range []int{0, 1} {
		withPHI, clean := generateCorpus4(half)
		r := measure(withPHI, clean)
		name := [2]string{"generated4-tune", "generated4-held"}[half]
		r.log(t, name)
		got, n := r.recall()
		if n < 1000 || r.cleanTotal < 1000 {
			t.Fatalf("%s too small: %d with PHI, %d clean", name, n, r.cleanTotal)
		}
		if half == 0 {
			if rc := ratio(got, n); rc < 0.9 {
				t.Errorf("%s: recall %.3f < 0.90", name, rc)
			}
			if fa := ratio(r.alarms, r.cleanTotal); fa > 0.05 {
				t.Errorf("%s: false-alarm rate %.3f > 0.05", name, fa)
			}
		}
	}
}

// pick splits a list into the tune half (even positions) and the held half (odd).
func pick(half int, xs []string) []string {
	var out []string
	for i, x := range xs {
		if i%2 == half {
			out = append(out, x)
		}
	}
	return out
}

// generateCorpus4 fills one half's templates: 150 notes a template with
// PHI and as many clean ones, seeded.
func generateCorpus4(half int) (withPHI, clean [][2]string) {
	rng := rand.New(rand.NewPCG(4, uint64(2026+half)))
	one := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	staff := pick(half, []string{"Aroha", "Bilal", "Chiamaka", "Dagny", "Esi", "Farid", "Giulia", "Hamish", "Ikaika", "Jurgen",
		"Keziah", "Laszlo", "Mehwish", "Niamh", "Obinna", "Pilar", "Quentin", "Radhika", "Siobhan", "Thandiwe", "Umar", "Valentina",
		"Wiremu", "Ximena", "Yannick", "Zanele", "Bogdan", "Carys", "Dimitra", "Emeka"})
	patients := pick(half, []string{"Agnes", "Bertie", "Consuelo", "Desmond", "Edna", "Florin", "Gladys", "Horace", "Ilse", "Jasmine",
		"Kwabena", "Lorna", "Mildred", "Nikolai", "Olive", "Percy", "Queenie", "Reuben", "Sunita", "Teodor", "Ursula", "Vernon",
		"Winifred", "Yoshiko", "Zbigniew", "Archie", "Beatriz", "Cedric", "Dolly", "Ezekiel", "Freya", "Gustavo", "Hilda", "Ivor"})
	colleagues := pick(half, []string{"Abena", "Bjorn", "Cormac", "Deepa", "Elif", "Fionn", "Gintare", "Hiroshi", "Ingrid", "Jomo",
		"Kalani", "Lucia", "Mateus", "Nkechi", "Oona", "Pavel", "Rania", "Soren", "Tamsin", "Ugo", "Vesna", "Wanjiru"})
	surnames := pick(half, []string{"Abernethy", "Brannigan", "Castellanos", "Dunleavy", "Eze", "Fairbrother", "Gallacher", "Haddad",
		"Iwasaki", "Jankowski", "Kowalczyk", "Lindqvist", "MacAulay", "Nwachukwu", "Okonkwo", "Pemberton", "Quinlan", "Rasmussen",
		"Sandoval", "Trevelyan", "Uchenna", "Vasquez-Hale", "Whitlock", "Yilmaz", "Zielinski", "O'Rourke"})
	units := pick(half, []string{"4 North", "the stroke unit", "ward 7", "the renal unit", "AMU", "the burns unit", "ortho",
		"the respiratory ward", "the day surgery unit", "CCU"})
	roles := pick(half, []string{"porter", "ward clerk", "physio", "HCA", "domestic", "pharmacist", "staff nurse", "cook",
		"receptionist", "OT"})
	depts := pick(half, []string{"pharmacy", "estates", "catering", "radiology", "IT", "HR", "portering", "finance"})
	pronoun := func(p string) (string, string) {
		if strings.Contains("Agnes Consuelo Edna Gladys Ilse Jasmine Lorna Mildred Olive Queenie Sunita Ursula Winifred Yoshiko Beatriz Dolly Freya Hilda", p) {
			return "she", "her"
		}
		return "he", "his"
	}
	greet := func(s string) string {
		return one([]string{"Thank you " + s + " for", "Thanks " + s + " for", "Huge thanks to " + s + " for", "Dear " + s + ", thank you for",
			s + ", thank you so much for", "Shout out to " + s + " for", "Cheers " + s + " for"})
	}
	type tmpl struct {
		cat string
		f   func() string
	}
	phiT := pick(half, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"})
	cleanT := pick(half, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"})
	phi := map[string]tmpl{
		"0": {"third_party_care", func() string {
			p := one(patients)
			return greet(one(staff)) + " " + one([]string{"calming", "comforting", "settling", "reassuring", "distracting"}) + " " + p + " " + one([]string{"before the scan", "when the fire alarm went off", "after the bad news", "at 3am", "during the drip change"}) + "."
		}},
		"1": {"third_party_care", func() string {
			p := one(patients)
			_, pos := pronoun(p)
			return greet(one(staff)) + " finding " + p + "'s " + one([]string{"glasses", "hearing aid", "dentures", "slippers", "rosary"}) + " " + one([]string{"in the laundry", "under the bed", "in the canteen"}) + "! " + strings.ToUpper(pos[:1]) + pos[1:] + " day is made."
		}},
		"2": {"third_party_care", func() string {
			p := one(patients)
			return one(staff) + ", you made " + p + " " + one([]string{"laugh", "smile"}) + " for the first time " + one([]string{"in days", "since the op", "this week"}) + "."
		}},
		"3": {"third_party_care", func() string {
			p := one(patients)
			return one(staff) + " from " + one(depts) + " — " + p + " (the " + one([]string{"lady", "gent", "man", "woman"}) + " who " + one([]string{"loves crosswords", "sings to everyone", "used to be a baker", "has the parrot pictures"}) + ") asked me to say thank you."
		}},
		"4": {"third_party_care", func() string {
			p := one(patients)
			he, pos := pronoun(p)
			_ = he
			return greet(one(staff)) + " sitting with " + p + " while " + pos + " " + one([]string{"daughter", "son", "husband", "wife", "grandson"}) + " " + one([]string{"was stuck in traffic", "couldn't get here", "was on a plane"}) + "."
		}},
		"5": {"third_party_care", func() string {
			p := one(patients)
			he, _ := pronoun(p)
			return greet(one(staff)) + " being so patient with " + p + " " + one([]string{"on the walk to the bathroom", "at lunch", "over the new tablets"}) + ". " + strings.ToUpper(he[:1]) + he[1:] + " " + one([]string{"slept all night", "ate every bite", "cried happy tears", "walked back on their own"}) + "."
		}},
		"6": {"third_party_care", func() string {
			p := one(patients)
			return greet(one(staff)) + " " + one([]string{"washing", "brushing", "plaiting", "drying"}) + " " + p + "'s hair before the visitors came."
		}},
		"7": {"third_party_care", func() string {
			p := one(patients)
			return "To " + one(staff) + " on " + one([]string{"nights", "lates", "earlies"}) + ": " + p + " " + one([]string{"finally ate a full breakfast", "walked to the window", "slept right through", "kept asking for you"}) + " " + one([]string{"today", "this morning", "after you left"}) + "."
		}},
		"8": {"family_surname", func() string {
			return greet(one(staff)) + " everything you did for the " + one(surnames) + " " + one([]string{"family", "kids", "twins", "boys"}) + " " + one([]string{"while their mum was in resus", "this week", "when their grandad was so poorly"}) + "."
		}},
		"9": {"family_surname", func() string {
			return "The " + one(surnames) + " family " + one([]string{"asked me to thank", "want to thank", "send their love to"}) + " " + one(units) + " for " + one([]string{"caring for their dad", "looking after their nan", "everything in his last days"}) + "."
		}},
		"10": {"staff_writer_patient", func() string {
			return "Thank you to " + one(units) + " for looking after me when I was admitted " + one([]string{"last month", "in March", "over Easter"}) + ". — " + one(colleagues) + ", " + one(roles)
		}},
		"11": {"staff_writer_patient", func() string {
			return "Thanks to " + one(units) + " for " + one([]string{"stitching my thumb", "fixing my wrist", "treating my hand", "setting my finger"}) + " after " + one([]string{"my fall", "the accident", "I slipped"}) + " — I work in " + one(depts) + " and you were brilliant."
		}},
		"12": {"staff_writer_patient", func() string {
			return "Welcome back " + one(colleagues) + " from " + one(depts) + "! So glad the " + one([]string{"knee replacement", "hip replacement", "surgery", "operation"}) + " went well."
		}},
		"13": {"spanish_third_party", func() string {
			return "Gracias " + one(staff) + " por " + one([]string{"cuidar a", "acompañar a", "peinar a", "bañar a"}) + " doña " + one(patients) + " " + one([]string{"toda la noche", "el lunes", "con tanto cariño"}) + "."
		}},
		"14": {"spanish_third_party", func() string {
			return "Un abrazo a " + one(staff) + ", que llevó a don " + one(patients) + " a " + one([]string{"rayos X", "la ducha", "su cuarto"}) + " cantando."
		}},
		"15": {"third_party_care", func() string {
			p := one(patients)
			return greet(one(staff)) + " getting " + p + " " + one([]string{"up and walking", "out into the garden", "up for the first time"}) + " " + one([]string{"today", "this afternoon", "after the op"}) + "!"
		}},
	}
	cleanM := map[string]tmpl{
		"0": {"colleague_covered", func() string {
			return greet(one(staff)) + " covering for " + one(colleagues) + " so she could " + one([]string{"get to her son's play", "make the dentist", "go to her exam"}) + "."
		}},
		"1": {"colleague_taught", func() string {
			return greet(one(staff)) + " " + one([]string{"showing", "teaching", "mentoring"}) + " " + one(colleagues) + " " + one([]string{"how to use the new pumps", "the ropes on the new system", "through the audit"}) + "."
		}},
		"2": {"colleague_helped_work", func() string {
			return greet(one(staff)) + " helping " + one(colleagues) + " with the " + one([]string{"rota", "audit", "stocktake", "spreadsheet", "poster for the conference"}) + "."
		}},
		"3": {"colleague_from_dept", func() string {
			return one(colleagues) + " from " + one(depts) + " asked me to say thank you for the " + one([]string{"leaving card", "birthday cake", "flowers", "lift home"}) + ", " + one(staff) + "."
		}},
		"4": {"colleague_said", func() string {
			return greet(one(staff)) + " the " + one([]string{"brownies", "quiz night", "Christmas jumper day"}) + " — " + one(colleagues) + " says it was the best yet."
		}},
		"5": {"group_family", func() string {
			return greet(one(staff)) + " making " + one([]string{"the 6N family", "our ward family", "the ICU family", "the night shift family"}) + " feel so welcome."
		}},
		"6": {"named_place", func() string {
			return greet(one(staff)) + " organising the " + one(surnames) + " " + one([]string{"Lecture", "Award", "Wing open day", "Prize"}) + " so well."
		}},
		"7": {"writer_relative", func() string {
			return "Thank you to " + one(units) + " for looking after my " + one([]string{"dad", "mum", "nan"}) + " when " + one([]string{"he", "she"}) + " was admitted in March. — " + one(colleagues) + ", " + one(roles)
		}},
		"8": {"colleague_swap", func() string {
			return greet(one(staff)) + " swapping shifts with " + one(colleagues) + " so " + one([]string{"he", "she"}) + " could see " + one([]string{"his", "her"}) + " daughter's nativity."
		}},
		"9": {"staff_welcome_back", func() string {
			return "Welcome back " + one(colleagues) + " from " + one([]string{"maternity leave", "your holiday", "the conference", "secondment"}) + "! We missed you."
		}},
		"10": {"colleague_cake", func() string {
			return greet(one(staff)) + " the cake for " + one(colleagues) + "'s " + one([]string{"leaving do", "retirement", "promotion", "30th"}) + "."
		}},
		"11": {"spanish_staff", func() string {
			return "Gracias a don " + one(surnames) + " de " + one([]string{"mantenimiento", "cocina", "seguridad"}) + " por arreglar la puerta."
		}},
		"12": {"colleague_walked", func() string {
			return one(colleagues) + " walked me to my car after the late shift, thank you " + one(staff) + " for lending the torch."
		}},
		"13": {"writer_good_shift", func() string {
			return "I work in " + one(depts) + " and wanted to thank " + one(units) + " for the tour and the tea. — " + one(colleagues) + ", " + one(roles)
		}},
		"14": {"colleague_patient_praise", func() string {
			return greet(one(staff)) + " being so patient with " + one(colleagues) + " on " + one([]string{"her first week", "his first shift", "the new system"}) + "."
		}},
		"15": {"colleague_laugh", func() string {
			return one(staff) + ", you made " + one(colleagues) + " laugh so hard at the quiz night that she cried."
		}},
	}
	for _, k := range phiT {
		tp := phi[k]
		for n := 0; n < 150; n++ {
			withPHI = append(withPHI, [2]string{tp.cat, tp.f()})
		}
	}
	for _, k := range cleanT {
		tp := cleanM[k]
		for n := 0; n < 150; n++ {
			clean = append(clean, [2]string{tp.cat, tp.f()})
		}
	}
	return withPHI, clean
}
