package phi_test

import (
	"math/rand/v2"
	"testing"
)

// TestGenerated6 measures, by CATEGORY of signal (ADR 0350), what holdout
// 5 showed the addressee model still lacked, in my own wording: a patient
// named by first name as the subject of what only a patient does (turned
// a corner, sat out in the chair, first steps in weeks, got agitated), as
// the one who received personal care (had her hair washed), with a
// patient's things (her buzzer, his drain), as who a comfort was for (an
// extra blanket for), read or sung to, or placed by a bed without a number
// ("from the corner bed"); a colleague who is the patient by an event that
// only a patient has (dialysis sessions, ventilated, a crisis, came through
// ED as a patient) after "our <role> <Name>"; and as many clean twins of
// the same shapes (a colleague's progress, things, gifts and places).
//
// "generated6" is tuned on; "generated6-fresh" was written after that
// tuning, with other templates and names, and measured once (0.706 /
// 0.071); one more rule (a parenthesis that says "patient") came after it,
// so "generated6-fresh2" was written after all tuning and measured once
// (docs/phi.md). Neither fresh set is tuned on.
//
//	go test ./internal/phi -run TestGenerated6 -v
func TestGenerated6(t *testing.T) {
	for set, name := range []string{"generated6", "generated6-fresh", "generated6-fresh2"} {
		withPHI, clean := generateCorpus6(set)
		if len(withPHI) == 0 {
			continue
		}
		r := measure(withPHI, clean)
		r.log(t, name)
		got, n := r.recall()
		if n < 1000 || r.cleanTotal < 1000 {
			t.Fatalf("%s too small: %d with PHI, %d clean", name, n, r.cleanTotal)
		}
		if set == 0 {
			if rc := ratio(got, n); rc < 0.9 {
				t.Errorf("%s: recall %.3f < 0.90", name, rc)
			}
			if fa := ratio(r.alarms, r.cleanTotal); fa > 0.05 {
				t.Errorf("%s: false-alarm rate %.3f > 0.05", name, fa)
			}
		}
	}
}

func generateCorpus6(set int) (withPHI, clean [][2]string) {
	sl, seed := tuneSlots6, uint64(6)
	phiT, cleanT := tunePHI6, tuneClean6
	switch set {
	case 1:
		sl, seed = freshSlots6, 66
		phiT, cleanT = freshPHI6, freshClean6
	case 2:
		sl, seed = fresh2Slots6, 666
		phiT, cleanT = fresh2PHI6, fresh2Clean6
	}
	if len(phiT) == 0 {
		return nil, nil
	}
	g := &gen5{rng: rand.New(rand.NewPCG(seed, 2026)), s: sl}
	for _, tp := range phiT {
		for n := 0; n < 100; n++ {
			withPHI = append(withPHI, [2]string{tp.cat, g.fill(tp.text)})
		}
	}
	for _, tp := range cleanT {
		for n := 0; n < 100; n++ {
			clean = append(clean, [2]string{tp.cat, g.fill(tp.text)})
		}
	}
	return withPHI, clean
}

var tuneSlots6 = slots5{
	staff: []string{"Abimbola", "Bethan", "Ciaran", "Dagny", "Emeka", "Farida", "Gethin", "Hyun-woo", "Iwona", "Jagoda", "Kwabena",
		"Lucinda", "Maelle", "Nilufar", "Osian", "Priyanka", "Radek", "Saoirse", "Temitope", "Ursula"},
	patients: []string{"Agnes", "Bartholomew", "Cecily", "Desmond", "Edna", "Frederick", "Gwendolyn", "Horace", "Irene", "Jeremiah",
		"Kathleen", "Lorna", "Maurice", "Nellie", "Oswald", "Phyllis", "Reginald", "Sadie", "Trevor", "Vera"},
	colleagues: []string{"Adwoa", "Bogdan", "Carys", "Dev", "Esi", "Florin", "Gulnara", "Hemi", "Ifeoma", "Jussi", "Kamala", "Lars",
		"Mbali", "Niamh"},
	surnames: []string{"Adeyemi", "Bannerman", "Czerny", "Donoghue", "Eastwood", "Fairbairn", "Gallagher", "Hussain"},
	units:    []string{"ward 9", "the stroke unit", "Beech ward", "the older persons' unit", "4 East", "the surgical HDU"},
	roles:    []string{"domestic", "porter", "admin lead", "physio", "ward clerk", "HCA", "pharmacist", "cleaner", "anaesthetist", "OT"},
	depts:    []string{"pharmacy", "estates", "catering", "payroll", "radiology", "the lab"},
}

var tunePHI6 = []tmpl5{
	{"progress", "{Thank you|Thanks|Cheers} {staff}! {patient} {turned a corner|perked right up|sat out in the chair|managed the stairs|had a good night} {today|this morning|at last}."},
	{"progress", "{Big thanks to the physios|Thanks to the night team|To everyone on} {unit}, {patient} walked to the {window|door|bathroom} {today|this morning} for the first time in {3|two|six} weeks."},
	{"progress", "{staff}, when {patient} got {agitated|confused|frightened} at {2am|teatime|handover} you {stayed with|sang to|hummed with} {her|him} till {she|he} settled."},
	{"care_received", "{Thanks|Thank you} {staff}: {patient} had {her|his} {hair washed|nails done|beard trimmed|feet soaked} {today|this afternoon} and {felt like a new person|looked so proud|beamed}."},
	{"things", "{Night team|Thanks all|To} {staff}: {patient} kept pressing {her|his} {buzzer|call bell} all night and {nobody lost patience|you were all so kind}."},
	{"things", "{staff}, {patient} finally {got|had} {his|her} {drain|catheter|trachy|cannula|feeding tube} out {today|yesterday} and {said thanks|cried with joy}."},
	{"gift_for", "{Thank you|Thanks} {staff} for the {extra blanket|fan|spare pillow|heated blanket|radio} for {patient}, {she's|he's} always {cold|hot|awake}."},
	{"read_to", "{Big up to|Thank you|Shout out to} {staff} who spent {her|his} break reading {Harry Potter|the paper|the football results|poems} to {patient} {tonight|after lunch|again}."},
	{"bed_place", "{Thanks|Thank you} {staff}! {patient} from the {corner bed|end bay|window bed|side room} asked me to {pass on her thanks|say you're wonderful}."},
	{"staff_patient", "Thank you {unit} for {caring for|being so kind to|looking after} our {role} {colleague} after {her|his} {sickle crisis|stroke|heart attack|emergency surgery}."},
	{"staff_patient", "Shout out to the {dialysis unit|chemo day unit|renal team} for {caring for|being so kind to} our {role} {colleague}, {three sessions a week|every cycle|all through treatment}."},
	{"staff_patient", "Our {role} {colleague} came through {ED|A&E|resus} as a patient {last night|on Sunday} - thank you to the team who saw {her|him} so fast."},
}

var tuneClean6 = []tmpl5{
	{"colleague_progress", "{Thank you|Thanks|Cheers} {staff}! {colleague} {passed her driving test|finished the audit|got the new rota out|sorted the stock room} {today|this morning|at last}."},
	{"colleague_walk", "{Big thanks to estates|Thanks to the porters|To everyone on} {unit}, {colleague} walked {the sponsored 10k|round every ward with the collection tin} {today|this morning}."},
	{"colleague_calm", "{staff}, when the {printer|bleep|tube system} got {jammed|stuck} at {2am|teatime|handover} you {stayed calm|fixed it} and {colleague} {was so grateful|bought you a coffee}."},
	{"colleague_hair", "{Thanks|Thank you} {staff} for covering so {colleague} could get {her|his} {hair done|nails done} before the {Christmas party|awards night|wedding}."},
	{"colleague_things", "{Night team|Thanks all|To} {staff}: {colleague} kept {her|his} {bleep|phone|radio} on all night and {nobody lost patience|answered every call}."},
	{"colleague_finally", "{staff}, {colleague} finally {got|had} {his|her} {new laptop|parking permit|ID badge|locker key} {today|yesterday} and {said thanks|bought cake}."},
	{"gift_colleague", "{Thank you|Thanks} {staff} for the {birthday cake|leaving card|flowers|coffee} for {colleague}, {she's|he's} always {first in|so generous|the one who remembers}."},
	{"read_colleague", "{staff} spent {her|his} break {reading the new policy|going through the rota} with {colleague} {tonight|after lunch|again}."},
	{"colleague_place", "{Thanks|Thank you} {staff}! {colleague} from the {corner office|front desk|bed bureau|back office} asked me to {pass on her thanks|say you're wonderful}."},
	{"colleague_supported", "Thank you {unit} for {being so kind to|looking after|welcoming} our new {role} {colleague} {in her first week|on his first shift|during induction}."},
	{"colleague_supported", "Shout out to the {education team|practice educators|preceptors} for {supporting|being so kind to} our {role} {colleague}, {three sessions a week|every Tuesday|all through the course}."},
	{"colleague_ed", "Our {role} {colleague} came through for {ED|A&E|resus} {last night|on Sunday} - covered the whole shift when they were short."},
}

// freshSlots6, freshPHI6 and freshClean6 were written after all the
// tuning of this round, with other names and other wording, and measured
// once (docs/phi.md); they are never tuned on.
var freshSlots6 = slots5{
	staff: []string{"Aoife", "Bukola", "Cormac", "Deepika", "Efosa", "Fionnuala", "Gintaras", "Hiroko", "Ikechukwu", "Jovana",
		"Kofi", "Liadan", "Mehmet", "Nuala", "Obinna", "Pernille", "Rhodri", "Svetlana", "Tendai", "Wiktoria"},
	patients: []string{"Alfred", "Beryl", "Clarence", "Dulcie", "Ernest", "Flora", "Gilbert", "Hilda", "Isaac", "Joyce", "Kenneth",
		"Lilian", "Mabel", "Neville", "Olive", "Percy", "Rosalind", "Stanley", "Theodora", "Winston"},
	colleagues: []string{"Amara", "Branko", "Chidi", "Dervla", "Eun-ji", "Fenella", "Goran", "Hollie", "Ismail", "Jemima",
		"Kalinda", "Lenka", "Marlon", "Nadira"},
	surnames: []string{"Asante", "Blackburn", "Corrigan", "Dimitrov", "Egan", "Fairweather", "Gorski", "Hale"},
	units:    []string{"Willow ward", "the cardiac unit", "ward 31", "the rehab unit", "5 North", "the short-stay ward"},
	roles:    []string{"receptionist", "sonographer", "phlebotomist", "ward housekeeper", "catering assistant", "switchboard operator", "dietitian", "SALT"},
	depts:    []string{"medical records", "the kitchens", "finance", "sterile services", "IT", "patient transport"},
}

var freshPHI6 = []tmpl5{
	{"progress", "{Dear|Hi} {staff}, {patient} {stood at the sink to wash|fed {herself|himself} for the first time|was chatting away|came off the oxygen} {this morning|today|after lunch} — {thank you|you did that}."},
	{"progress", "{Thanks|Cheers} {staff}! {patient} {slept right through|had {her|his} first proper sleep in days|stopped pulling at {her|his} line} {last night|after you settled {her|him}}."},
	{"progress", "{staff}, {patient} {recognised {her|his} grandson|remembered your name|laughed for the first time} {today|this week} and it's all down to you."},
	{"care_received", "{Thank you|Big thanks} {staff} — {patient} had a {proper shave|long bath|hair wash} {this morning|before {her|his} visitors came} and {looked years younger|was so chuffed}."},
	{"things", "{Thanks|Thank you} {staff} for {sorting|fixing|finding} {patient}'s {hearing aid|glasses|commode|walking frame} {before breakfast|at 3am|again}."},
	{"things", "{Night shift|Hi all|To the team}, {patient} {kept buzzing|rang {her|his} bell} {every ten minutes|all evening} and {you never once sighed|you stayed so kind}."},
	{"gift_for", "{staff}, {thank you|thanks} for the {fan|soft blanket|extra pillows|radio} you {found|brought in} for {patient} when {she|he} {couldn't settle|was too hot|felt the cold}."},
	{"read_to", "{Shout out to|Thank you} {staff} for {reading|singing} {the old hymns|her letters|his postcards|the football scores} to {patient} {every evening|on nights|before bed}."},
	{"bed_place", "{Thanks|Thank you} {staff}! {patient} in the {bed by the window|corner bay|side room} {says you make the best tea|wants to adopt you}."},
	{"staff_patient", "{Thank you|Huge thanks} {unit} for {nursing|looking after} our {role} {colleague} through {her|his} {pneumonia|sepsis|sickle crisis|chemo}. {We|All of us} {miss her|miss him|can't wait to have you back}."},
	{"staff_patient", "Our {role} {colleague} was {admitted|blue-lighted in|brought into resus} {on Tuesday|last week|overnight}; {thank you|thanks} to everyone who {cared for|treated} {her|him}."},
	{"unique", "{Thanks|Thank you} {unit} for the {man|lady|teenager} who was {on the news|in the local paper} after {the bus crash|the house fire|the flood} {last week|on Friday}."},
	{"unique", "{Well done|Bravo} NICU on the {tiniest|smallest|earliest} baby {this hospital|our unit} has ever {sent home|discharged|cared for}."},
	{"unique", "{Thank you|Cheers} trauma team for the {hill walker|fell runner|paraglider|canoeist} {airlifted|flown in} from {the coast|the mountains|the lake} {on Sunday|yesterday}."},
}

var freshClean6 = []tmpl5{
	{"colleague_progress", "{Dear|Hi} {staff}, {colleague} {stood in for the ward manager|ran the whole huddle|was chatting to the new starters} {this morning|today|after lunch} — {thank you|brilliant}."},
	{"colleague_sleep", "{Thanks|Cheers} {staff}! {colleague} {finally got some sleep|had {her|his} first day off in weeks} after you {swapped the shift|covered the weekend}."},
	{"colleague_remembered", "{staff}, {colleague} {remembered everyone's coffee order|learned the whole rota} {today|this week} and it's all down to your training."},
	{"colleague_shave", "{Thank you|Big thanks} {staff} — {colleague} had a {proper haircut|new uniform|fresh lanyard} {this morning|before the inspection} and {looked the part|was so chuffed}."},
	{"colleague_things", "{Thanks|Thank you} {staff} for {sorting|fixing|finding} {colleague}'s {laptop|bleep|lanyard|locker key} {before the shift|at 3am|again}."},
	{"colleague_calls", "{Night shift|Hi all|To the team}, {colleague} {kept answering the phones|rang switchboard} {every ten minutes|all evening} and {you never once sighed|you stayed so kind}."},
	{"gift_colleague", "{staff}, {thank you|thanks} for the {cake|card|flowers|voucher} you {bought|brought in} for {colleague} when {she|he} {passed {her|his} exams|got the job|left for maternity leave}."},
	{"read_colleague", "{Shout out to|Thank you} {staff} for {reading|going through} {the new policy|the audit results|the rota} with {colleague} {every evening|on nights|before the meeting}."},
	{"colleague_place", "{Thanks|Thank you} {staff}! {colleague} in the {office by the lift|corner office|bed management office} {says you make the best tea|wants to adopt you}."},
	{"colleague_supported", "{Thank you|Huge thanks} {unit} for {welcoming|supporting} our {role} {colleague} through {her|his} {first month|preceptorship|return to practice}. {We|All of us} {are proud|can't wait to see you grow}."},
	{"colleague_moved", "Our {role} {colleague} was {promoted|seconded|moved to nights} {on Tuesday|last week}; {thank you|thanks} to everyone who {trained|mentored} {her|him}."},
	{"ward_news", "{Thanks|Thank you} {unit} for the {garden|fundraiser|bake sale} that was {on the news|in the local paper} {last week|on Friday}."},
	{"superlative_colleague", "{Well done|Bravo} {colleague}, the {youngest|newest|first} {role} {this hospital|our unit} has ever {appointed|trained}."},
	{"colleague_airlift", "{Thank you|Cheers} {staff} for {driving|walking} {colleague} {home|to the car park} in the snow {on Sunday|yesterday}."},
}

// fresh2Slots6, fresh2PHI6 and fresh2Clean6 were written after all the
// tuning of this round (after generated6-fresh and the parenthesis rule),
// with other names and wording again, and measured once.
var fresh2Slots6 = slots5{
	staff: []string{"Adebayo", "Brigid", "Caoimhe", "Dimitri", "Elin", "Femi", "Greta", "Hamish", "Inés", "Jomo", "Katarzyna",
		"Lwazi", "Mairi", "Nkechi", "Olek", "Pilar", "Rahel", "Sunniva", "Tobenna", "Yusuf"},
	patients: []string{"Archibald", "Bernice", "Cyril", "Dorothy", "Edwin", "Frances", "Gordon", "Harold", "Ivy", "June", "Leonard",
		"Marjorie", "Norman", "Pearl", "Raymond", "Shirley", "Terence", "Violet", "Walter", "Winifred"},
	colleagues: []string{"Ade", "Bronwen", "Catalina", "Dawood", "Ekaterina", "Fraser", "Gbemi", "Hafsa", "Ilias", "Jia",
		"Kirsty", "Lamin", "Mireille", "Nuno"},
	surnames: []string{"Appiah", "Brophy", "Chowdhury", "Duffy", "Ekwueme", "Fenwick", "Gillespie", "Harrington"},
	units:    []string{"Oak ward", "the acute medical unit", "ward 17", "the orthopaedic ward", "3 West", "the day hospice"},
	roles:    []string{"porter", "medical secretary", "theatre assistant", "estates officer", "nursery nurse", "bank HCA", "chaplain", "play specialist"},
	depts:    []string{"estates", "pharmacy", "the print room", "payroll", "theatres", "the lab"},
}

var fresh2PHI6 = []tmpl5{
	{"progress", "{Thanks|Thank you} {staff} — {patient} {ate a full roast dinner|got dressed by {herself|himself}|walked to the nurses' station|kept {her|his} tea down} {today|at lunch|this morning}!"},
	{"progress", "{staff}, {patient} {was so much brighter|had {her|his} colour back|was properly awake} {today|after the transfusion|this afternoon}; {thank you|you're a star}."},
	{"progress", "{Cheers|Thank you} {staff}. {patient} {stopped calling out|settled without the sedation|slept till six} {last night|on your shift} because you sat with {her|him}."},
	{"care_received", "{Thank you|Thanks} {staff} for {giving|doing} {patient} a {bed bath|proper wash|manicure|shave} {this morning|before {her|his} daughter came}; {she|he} felt {human again|like a king|like a queen}."},
	{"things", "{staff}, {thank you|thanks} for {charging|untangling|labelling} {patient}'s {hearing aids|oxygen tubing|glasses|dentures pot} {so carefully|again|every night}."},
	{"gift_for", "{Thanks|Thank you} {staff} for {bringing in|finding} a {fan|pillow|jigsaw|radio} for {patient}; {she|he} {loved it|hasn't stopped talking about it}."},
	{"read_to", "{Thank you|Shout out to} {staff} for {reading the paper|singing Vera Lynn|reading poetry} to {patient} {every morning|on nights|on {her|his} last days}."},
	{"bed_place", "{Thanks|Thank you} {staff}! {patient} {by the window|in the end bed|from the side room} {says you're the best|wants you at {her|his} birthday party}."},
	{"paren", "{Thank you|Thanks} {staff} — {patient} (the {lady|gentleman|patient} {with the broken hip|in the side room|on oxygen}) {asked me to say thank you|is home now}."},
	{"staff_patient", "{Thank you|Thanks} to {unit} for {looking after|caring for} our {role} {colleague} {after {her|his} fall|during {her|his} chemo|through {her|his} stroke}; {we're|all of us are} so grateful."},
	{"staff_patient", "{Our|My colleague, our} {role} {colleague}, was {admitted|in resus|on a ventilator} {last week|on Saturday}; thank you to everyone who {nursed|treated} {her|him}."},
	{"unique", "{Thank you|Well done} {unit} for the {man|lady|boy|girl} who was {on the news|in the papers|on the radio} after {the bridge collapse|the lorry crash|the gas explosion}."},
	{"unique", "{Thank you|Bravo} {unit}, {caring for|looking after} the {oldest|youngest|smallest} {patient|baby|resident} {this hospital|our trust} has ever {had|treated|discharged}."},
}

var fresh2Clean6 = []tmpl5{
	{"colleague_progress", "{Thanks|Thank you} {staff} — {colleague} {ate a full roast dinner at the Christmas do|got the new starter pack done|walked the sponsored 5k} {today|at lunch|this morning}!"},
	{"colleague_bright", "{staff}, {colleague} {was so much brighter|had the rota finished|was properly organised} {today|after the training|this afternoon}; {thank you|you're a star}."},
	{"colleague_settled", "{Cheers|Thank you} {staff}. {colleague} {stopped worrying about the audit|settled into the team|got through the inspection} because you {sat down with|mentored} {her|him}."},
	{"colleague_gift", "{Thank you|Thanks} {staff} for {giving|buying} {colleague} a {leaving present|birthday card|bunch of flowers} {this morning|before {her|his} last shift}; {she|he} loved it."},
	{"colleague_things", "{staff}, {thank you|thanks} for {charging|untangling|labelling} {colleague}'s {bleep|laptop cables|radio|lanyard} {so carefully|again|every night}."},
	{"colleague_fan", "{Thanks|Thank you} {staff} for {bringing in|finding} a {fan|kettle|printer|chair} for {colleague}'s office; {she|he} {loved it|hasn't stopped talking about it}."},
	{"colleague_read", "{Thank you|Shout out to} {staff} for {reading the minutes|going through the policy} with {colleague} {every morning|on nights|before the audit}."},
	{"colleague_place", "{Thanks|Thank you} {staff}! {colleague} {by the photocopier|in the end office|from the bed bureau} {says you're the best|wants you at {her|his} birthday party}."},
	{"colleague_paren", "{Thank you|Thanks} {staff} — {colleague} (the {ward clerk|porter|new physio} {with the great laugh|on nights|from Leeds}) {asked me to say thank you|is leaving us}."},
	{"colleague_supported", "{Thank you|Thanks} to {unit} for {welcoming|supporting} our {role} {colleague} {after {her|his} move|during {her|his} induction|through {her|his} exams}; {we're|all of us are} so grateful."},
	{"colleague_moved", "{Our|My colleague, our} {role} {colleague}, was {promoted|on the rota|on the interview panel} {last week|on Saturday}; thank you to everyone who {trained|supported} {her|him}."},
	{"ward_news", "{Thank you|Well done} {unit} for the {garden|bake sale|charity walk} that was {on the news|in the papers|on the radio} after {the open day|the fundraiser}."},
	{"colleague_superlative", "{Thank you|Bravo} {colleague}, the {youngest|newest|first} {role} {this hospital|our trust} has ever {had|appointed}."},
}
