package phi_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestGenerated5 measures the weak categories of holdout 4 by CATEGORY
// on a larger set of templates of my own wording (ADR 0330): a patient's
// first name as a third party of a thank-you note, a colleague who is the
// patient, a unique patient without a name, relatives and families by
// name, title + name, Spanish; and as many clean near-misses of the same
// shapes (colleagues covered, taught, celebrated, thanked; staff with
// titles; rooms and groups; the writer's own family).
//
// "generated5" is tuned on. "generated5-fresh1" was written after that
// tuning, with other templates and other names, and measured once
// (recall 0.744, false alarms 0.037); its misses were then read and tuned
// on, so it is tuning data too; so are "generated5-fresh2" (measured once
// at 0.814 / 0.134), "generated5-fresh3" (0.644 / 0.092) and
// "generated5-fresh4" (0.738 / 0.077). The last, "generated5-fresh5", was
// written after all tuning, with other templates and names again, and
// measured once: it is never tuned on (docs/phi.md).
//
//	go test ./internal/phi -run TestGenerated5 -v
func TestGenerated5(t *testing.T) {
	for set, name := range []string{"generated5", "generated5-fresh1", "generated5-fresh2", "generated5-fresh3", "generated5-fresh4", "generated5-fresh5"} {
		withPHI, clean := generateCorpus5(set)
		if len(withPHI) == 0 {
			continue
		}
		r := measure(withPHI, clean)
		r.log(t, name)
		got, n := r.recall()
		if n < 1000 || r.cleanTotal < 1000 {
			t.Fatalf("%s too small: %d with PHI, %d clean", name, n, r.cleanTotal)
		}
		if set == 0 { // the tuned set holds its figures; the fresh sets are measurements, not gates
			if rc := ratio(got, n); rc < 0.9 {
				t.Errorf("%s: recall %.3f < 0.90", name, rc)
			}
			if fa := ratio(r.alarms, r.cleanTotal); fa > 0.05 {
				t.Errorf("%s: false-alarm rate %.3f > 0.05", name, fa)
			}
		}
	}
}

// slots5 are the fillers of the templates, per culture and role.
type slots5 struct {
	staff, patients, colleagues, surnames, units, roles, depts []string
}

var tuneSlots5 = slots5{
	staff: []string{"Adaeze", "Bronagh", "Chinedu", "Dorcas", "Eamon", "Fatou", "Gwilym", "Halima", "Ioana", "Jaroslav", "Kemal",
		"Lerato", "Manon", "Nikhil", "Orla", "Pradeep", "Rukhsana", "Seun", "Tomasz", "Wen", "Yara", "Zoltan"},
	patients: []string{"Albert", "Bettina", "Clifford", "Dorothea", "Elspeth", "Fergus", "Gertrude", "Hamza", "Imelda", "Jethro",
		"Kasia", "Leopold", "Marguerite", "Norbert", "Oksana", "Prudence", "Rashid", "Seamus", "Thelma", "Ulrich", "Veronica", "Wilbur"},
	colleagues: []string{"Aisling", "Bongani", "Cerys", "Dariusz", "Efua", "Filipa", "Gaurav", "Hana", "Idris", "Jolene", "Kaveh",
		"Lowri", "Malik", "Nneka", "Olamide", "Parisa"},
	surnames: []string{"Achebe", "Brennan", "Costa", "Dlamini", "Ellison", "Fitzpatrick", "Grabowski", "Hosseini", "Ibarra",
		"Johansson", "Kaminski", "Lungu", "McCready", "Nakashima", "Oduya", "Petrescu"},
	units: []string{"5 South", "the acute stroke unit", "ward 11", "the hospice", "the frailty unit", "the surgical ward", "AAU", "the haematology ward"},
	roles: []string{"porter", "ward clerk", "physio", "HCA", "housekeeper", "pharmacy tech", "staff nurse", "dietitian"},
	depts: []string{"pharmacy", "estates", "catering", "radiology", "IT", "HR", "procurement", "the lab"},
}

var freshSlots5 = slots5{
	staff: []string{"Akosua", "Benedetta", "Cathal", "Dilnoza", "Emrys", "Folasade", "Grainne", "Hassan", "Inga", "Joaquim",
		"Kirsi", "Lorcan", "Mthunzi", "Noor", "Oisin", "Paloma", "Ruairi", "Sigrun", "Tariq", "Vilja"},
	patients: []string{"Ambrose", "Blodwen", "Cornelius", "Doreen", "Eustace", "Florrie", "Godfrey", "Henrietta", "Ignatius",
		"Josephine", "Lionel", "Mavis", "Nigel", "Ottoline", "Perpetua", "Roderick", "Sylvia", "Thaddeus", "Wilhelmina", "Zenobia"},
	colleagues: []string{"Agata", "Bartosz", "Chiara", "Dawit", "Eilidh", "Femi", "Gosia", "Hamid", "Ilona", "Jabari", "Kerry-Ann",
		"Luka", "Mirela", "Nasrin"},
	surnames: []string{"Abiodun", "Blackwood", "Cavanagh", "Delgado", "Eriksen", "Farouk", "Gunawardena", "Hollis-Grant", "Igwe",
		"Jorgensen", "Kowalewski", "Lachance", "Mwangi", "Ng"},
	units: []string{"Larch ward", "the respiratory unit", "ward 23", "the coronary care unit", "the medical assessment unit", "the renal ward"},
	roles: []string{"receptionist", "OT", "healthcare assistant", "domestic", "phlebotomist", "ward sister"},
	depts: []string{"finance", "estates", "the kitchens", "medical records", "switchboard", "sterile services"},
}

// generateCorpus5 fills the tune or the fresh templates: 100 notes a
// template, seeded.
func generateCorpus5(set int) (withPHI, clean [][2]string) {
	sl, seed := tuneSlots5, uint64(5)
	phiT, cleanT := tunePHI5, tuneClean5
	switch set {
	case 1:
		sl, seed = freshSlots5, 55
		phiT, cleanT = freshPHI5, freshClean5
	case 2:
		sl, seed = fresh2Slots5, 555
		phiT, cleanT = fresh2PHI5, fresh2Clean5
	case 3:
		sl, seed = fresh3Slots5, 5555
		phiT, cleanT = fresh3PHI5, fresh3Clean5
	case 4:
		sl, seed = fresh4Slots5, 55555
		phiT, cleanT = fresh4PHI5, fresh4Clean5
	case 5:
		sl, seed = fresh5Slots5, 555555
		phiT, cleanT = fresh5PHI5, fresh5Clean5
	}
	rng := rand.New(rand.NewPCG(seed, 2026))
	g := &gen5{rng: rng, s: sl}
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

type gen5 struct {
	rng *rand.Rand
	s   slots5
}

// fill replaces {staff}, {patient}, {colleague}, {surname}, {unit},
// {role}, {dept} and {a|b|c} choices.
func (g *gen5) fill(t string) string {
	one := func(xs []string) string { return xs[g.rng.IntN(len(xs))] }
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := closingBrace(t, i)
		b.WriteString(t[:i])
		key := t[i+1 : j]
		switch key {
		case "staff":
			b.WriteString(one(g.s.staff))
		case "patient":
			b.WriteString(one(g.s.patients))
		case "colleague":
			b.WriteString(one(g.s.colleagues))
		case "surname":
			b.WriteString(one(g.s.surnames))
		case "unit":
			b.WriteString(one(g.s.units))
		case "role":
			b.WriteString(one(g.s.roles))
		case "dept":
			b.WriteString(one(g.s.depts))
		default:
			b.WriteString(g.fill(one(topLevelSplit(key)))) // a choice may hold slots and choices of its own
		}
		t = t[j+1:]
	}
}

// closingBrace is the index of the brace that closes the one at i.
func closingBrace(t string, i int) int {
	depth := 0
	for k := i; k < len(t); k++ {
		switch t[k] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return len(t) - 1
}

// topLevelSplit splits a choice at the bars outside nested braces.
func topLevelSplit(key string) []string {
	var out []string
	depth, from := 0, 0
	for k := 0; k < len(key); k++ {
		switch key[k] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, key[from:k])
				from = k + 1
			}
		}
	}
	return append(out, key[from:])
}

type tmpl5 struct{ cat, text string }

var tunePHI5 = []tmpl5{
	// a patient's first name: a third party, cared for
	{"first_name", "{Thanks|Thank you|Cheers} {staff} for {settling|soothing|reassuring|comforting} {patient} {after the fall|during the thunderstorm|when the alarms went off|before theatre}."},
	{"first_name", "{staff}, you got {patient} {up and dressed|out to the garden|walking to the day room} {today|this morning|after lunch}, amazing!"},
	{"first_name", "Thank you {staff} for {feeding|shaving|washing} {patient} so gently {every morning|this week|at teatime}."},
	{"first_name", "{staff} — {patient} {asked me to say thank you|wanted you to know} for {the chats|the cuppa|the singing} {on nights|yesterday|before the scan}."},
	{"first_name", "Huge thanks {staff} for sitting with {patient} while {her|his} {daughter|son|wife|husband} {drove up|was stuck at the airport|couldn't visit}."},
	{"first_name", "{staff} found {patient}'s {dentures|glasses|wedding ring|hearing aid} in the {linen|bin bag|pillowcase}, {legend|hero|star}!"},
	{"first_name", "Dear {staff}, thank you for being {so kind|so gentle|so patient} with {patient} {through the night|at mealtimes|when the pain was bad}."},
	{"first_name", "To {staff}: {patient} {ate a whole breakfast|slept through the night|walked the corridor} {today|at last|for the first time}. Your doing!"},
	{"first_name", "{staff} thank you for brushing {patient}'s hair before {her|his} family came in."},
	{"first_name", "Thanks {staff}. {patient} was so anxious before the procedure. {She|He} {cried|slept|smiled} afterwards and said you were lovely."},
	// a colleague who is the patient
	{"staff_patient", "Get well soon {colleague} from {dept}! We heard about the {operation|surgery|fall|admission} and we're all thinking of you."},
	{"staff_patient", "Our {role} {colleague} was admitted to {unit} on Monday. Thank you for looking after one of our own."},
	{"staff_patient", "Thank you {unit} for looking after me when I was admitted with {pneumonia|sepsis|a broken hip}. — {colleague}, {role}"},
	{"staff_patient", "Welcome back {colleague}! So pleased the {hip replacement|chemo|surgery} went well — the {dept} team missed you."},
	{"staff_patient", "Thank you to ED for {stitching my hand|setting my wrist|treating my burn} after {the accident|I slipped} — I work in {dept}."},
	// a unique patient without a name
	{"unique", "Thank you {unit} for caring for our {97|98|101|103}-year-old {gentleman|lady} this week."},
	{"unique", "Well done everyone who looked after the {twins|triplets} in {NICU|SCBU} — they go home {today|on Friday}!"},
	{"unique", "Thank you for caring for the only patient in the hospital with {Ebola|a face transplant|a bionic arm} so calmly."},
	{"unique", "Thanks to {unit} for caring for the lady who has been with us for {180|250|300} days."},
	// families and relatives by name
	{"family", "Thank you for everything you did for the {surname} {family|kids|girls} while their {mum|dad|nan} was in {resus|ICU|theatre}."},
	{"family", "{staff}, {patient}'s {wife|daughter|son} {Ruth|Derek|Maureen|Kofi} asked me to thank you for the phone calls."},
	// title + name in a patient's context
	{"title_name", "Thanks {staff} for helping {Mrs|Mr|Ms} {surname} {with her lunch|back to bed|with his walker}."},
	{"title_name", "{Mrs|Mr} {surname} on {unit} {asked for you by name|wanted to thank you} {today|this morning}, {staff}!"},
	// Spanish
	{"spanish", "Gracias {staff} por {cuidar a|acompañar a|bañar a} {doña|don} {patient} {esta noche|el domingo|con tanta paciencia}."},
	{"spanish", "Gracias a {unit} por todo lo que hicieron por la familia {surname}."},
}

var tuneClean5 = []tmpl5{
	{"colleague_covered", "{Thanks|Thank you|Cheers} {staff} for {covering for|swapping with|stepping in for} {colleague} {on Saturday|last night|at short notice}."},
	{"colleague_taught", "{staff}, thank you for {teaching|showing|mentoring} {colleague} {how to use the new pumps|the ropes|through the e-learning}."},
	{"colleague_work", "Thank you {staff} for helping {colleague} with the {rota|audit|stocktake|teaching session}."},
	{"colleague_celebrated", "{Thanks|Cheers} {staff} for organising {colleague}'s {leaving do|retirement lunch|40th|wedding card}."},
	{"colleague_said", "{colleague} from {dept} says thanks for the {cake|coffee|lift home|flowers}, {staff}!"},
	{"colleague_addressed", "{So many patients|All the patients} asked for you while you were {away|on leave}, {colleague}. Welcome back!"},
	{"colleague_greeting", "{Big love|Hugs|A huge welcome} to {colleague} on {5 South|ward 11|nights}, we missed you."},
	{"colleague_praised", "{staff} was amazing with {the families|everyone|the new starters} today, thank you."},
	{"group_family", "Thank you for making {the ward family|our 5 South family|the night shift family} feel so welcome, {staff}."},
	{"named_thing", "Thanks {staff} for booking the {surname} {Room|Lecture Theatre|Suite} for the training day."},
	{"writer_family", "My {daughter|son} {colleague} drew this card for {staff}, thank you for the lift."},
	{"staff_title", "Thank you Dr {surname} for the teaching session on {sepsis|fluids|ECGs}, really useful."},
	{"staff_title", "{Mr|Mrs|Ms} {surname} from {dept} sorted the {rota|parking permits|payslips}, thank you!"},
	{"room_place", "Thanks estates for {repainting|clearing out|redecorating} {Side Room 3|Bay 2|Room 7} for the staff."},
	{"staff_birthday", "Happy birthday to our {role} {colleague}, {30|40|50} today!"},
	{"staff_welcome", "Welcome back {colleague} from {maternity leave|holiday|your secondment}! We missed you."},
	{"staff_service", "Thank you {colleague} for {20|25|30} years on {5 South|the ward}, our longest serving {role}."},
	{"unique_staff", "Congratulations to {staff}, the only {nurse|physio|porter} in the trust to win {the award|a medal} twice."},
	{"spanish_staff", "Gracias a don {surname} de {mantenimiento|cocina|seguridad} por arreglar la {puerta|luz}."},
	{"spanish_team", "Gracias al equipo de {la planta 3|urgencias|farmacia} por el café, sois geniales."},
	{"writer_good", "I work in {dept} and wanted to thank {unit} for the tour and the tea. — {colleague}, {role}"},
	{"equipment", "Thank you {staff} for fixing the {brakes|call bell} on bed {4|7|12}."},
	{"colleague_laugh", "{staff}, you made {colleague} laugh so much at the quiz that she cried."},
	{"colleague_cover_relative", "Thanks {staff} for covering so {colleague} could take her son to {his appointment|the dentist}."},
	{"colleague_sat", "Thank you {staff} for sitting with {colleague} at the {induction|training day|conference}."},
}

// freshPHI5 and freshClean5 were written after the tuning on the
// templates above and measured once (0.744 / 0.037), then tuned on.
var freshPHI5 = []tmpl5{
	{"first_name", "{staff}, the way you {coaxed|persuaded|helped} {patient} to {drink|eat|take the tablets} {tonight|this morning|at lunch} was lovely to watch."},
	{"first_name", "{Massive|Big|Huge} thanks to {staff} — {patient} hasn't stopped talking about the {card game|singalong|hand massage} you did with {her|him}."},
	{"first_name", "{staff}: {patient} {finally went home|was discharged|went back to the care home} {today|on Tuesday} and left you a {card|note|box of chocolates}."},
	{"first_name", "Thank you {staff} for holding {patient}'s hand {through the cannula|during the lumbar puncture|when the news came}."},
	{"first_name", "{staff} made {patient} a {cup of tea|hot chocolate|birthday card} at 3am because {she|he} couldn't sleep. Thank you."},
	{"first_name", "So grateful to {staff} for {phoning|ringing|calling} {patient}'s {daughter|son|husband|wife} every evening with an update."},
	{"first_name", "{staff}, {patient} {says|told me} you're the only one who gets {her|his} {pillows|blankets|tea} just right!"},
	{"staff_patient", "Thank you {unit} for looking after our {role} {colleague} after {her|his} {heart attack|stroke|fall on the stairs}."},
	{"staff_patient", "{colleague} from {dept} is {recovering|home} after {her|his} {operation|surgery|chemo} — thank you {unit} for the care."},
	{"staff_patient", "Thank you to the team who treated me after my {fall|collapse|seizure} in the car park. — {colleague}, {role}"},
	{"unique", "Thank you for the care you gave our {96|99|104}-year-old {resident|lady|gentleman} on {unit}."},
	{"unique", "Well done to everyone who helped deliver the {twins|triplets|quads} in the {ambulance bay|car park|lift}!"},
	{"family", "The {surname} {family|boys|sisters} {would like to thank|send their thanks to} {unit} for looking after their {grandad|mum|dad}."},
	{"family", "Thank you {staff} for the {tea|chat|hug} with {patient}'s {husband|wife|daughter} {Gordon|Patricia|Mei|Tunde} on the hardest night."},
	{"title_name", "Thank you {staff} for {washing|settling|feeding} {Mrs|Mr|Miss} {surname} so {gently|kindly|patiently}."},
	{"spanish", "Muchas gracias {staff} por {atender a|cuidar de|acompañar a} {doña|don} {patient} en {la cama 5|urgencias|la planta 3}."},
}

var freshClean5 = []tmpl5{
	{"colleague_helped", "{staff}, thank you for helping {colleague} {finish the audit|set up the huddle board|sort the stock order} on time."},
	{"colleague_said", "{colleague} in {dept} says your {flapjacks|lasagne|curry} at the {bake sale|potluck} were the best, {staff}!"},
	{"colleague_covered", "{Massive|Big|Huge} thanks to {staff} for picking up {colleague}'s {night shift|weekend|late} at short notice."},
	{"colleague_taught", "Thank you {staff} for talking {colleague} through {the new rota system|her first appraisal|the e-rostering app}."},
	{"colleague_lift", "{staff} drove {colleague} home after the {late shift|Christmas do|training day}, thank you!"},
	{"colleague_celebration", "Thank you {staff} for the {card|cake|collection} for {colleague}'s {retirement|leaving do|new baby}."},
	{"colleague_addressed", "The {patients|families} on {unit} keep asking when you're back, {colleague}. Enjoy the holiday!"},
	{"staff_title", "Thank you {Mrs|Mr|Ms} {surname} from {dept} for sorting out my {pension|parking|payslip} so quickly."},
	{"staff_title", "Thanks Dr {surname} for the brilliant {teaching|talk|session} on {delirium|falls|sepsis} today."},
	{"staff_service", "Congratulations {colleague} on {25|30|35} years in {dept}, you are a legend!"},
	{"group_family", "Thanks to {the whole 5 East family|our theatre family|the renal family} for the leaving gifts."},
	{"named_thing", "Thanks {staff} for booking the {surname} {Lecture Theatre|Room|Centre} for the away day."},
	{"room_place", "Thanks estates for turning {Bay 4|Side Room 2|Room 11} into a {staff rest area|store|quiet room}."},
	{"writer_family", "My {mum|dad|husband} {Gordon|Patricia|Tunde} made these cakes for the ward, thanks for all you do."},
	{"spanish_staff", "Gracias {staff} por ayudar a {colleague} con los turnos de {diciembre|verano}."},
	{"unique_staff", "Well done {staff}, the first {nurse|physio|pharmacist} in the trust to finish the {course|programme} this year!"},
}

var fresh2Slots5 = slots5{
	staff: []string{"Abimbola", "Brigid", "Constantin", "Deniz", "Elowen", "Fiifi", "Guadalupe", "Henrik", "Isadora", "Jamal",
		"Kalinda", "Leif", "Maelle", "Nnamdi", "Oyelola", "Quilla", "Rasmus", "Svetlana", "Tadhg", "Ulla"},
	patients: []string{"Alfreda", "Barnabas", "Cressida", "Dudley", "Eunice", "Gwendolyn", "Herbert", "Ida", "Jeremiah", "Kathleen",
		"Lazarus", "Myrtle", "Neville", "Ophelia", "Phyllis", "Reginald", "Sidney", "Tabitha", "Walter", "Yolanda", "Augustin"},
	colleagues: []string{"Aoife", "Benedikt", "Chanel", "Eszter", "Florian", "Gulnara", "Harpreet", "Ikenna", "Jovana", "Kieran",
		"Lamar", "Mariam", "Nicolae"},
	surnames: []string{"Adeleke", "Bertrand", "Czajkowski", "Donnelly", "Esposito", "Faulkner", "Grimaldi", "Hadley", "Iqbal",
		"Jaramillo", "Kristensen", "Lombardi", "Morrissey", "Nakagawa"},
	units: []string{"Rowan ward", "the oncology unit", "ward 31", "the elderly care unit", "the trauma ward", "the cardiac unit"},
	roles: []string{"porter", "ward clerk", "housekeeper", "cook", "radiographer", "security officer"},
	depts: []string{"payroll", "estates", "the pharmacy", "outpatients", "the laundry", "clinical coding"},
}

// fresh2PHI5 and fresh2Clean5 were written after the tuning on the fresh1
// templates and measured once (0.814 / 0.134), then tuned on.
var fresh2PHI5 = []tmpl5{
	{"first_name", "Cheers {staff} for sneaking {patient} an extra pudding — {she|he} was beaming all afternoon."},
	{"first_name", "{staff} thank you for the {foot rub|manicure|shave} you gave {patient} before {her|his} {daughter|grandson} visited."},
	{"first_name", "Ever so grateful {staff} for staying with {patient} when {she|he} was scared of the {MRI|scanner|hoist}."},
	{"first_name", "{patient} in the corner bed wanted me to pass on a huge thank you to {staff} for the {chats|company|crosswords}."},
	{"first_name", "Thank you {staff} — {patient} managed {a whole sandwich|three spoonfuls of soup|a yoghurt} {today|for you} after days of nothing."},
	{"first_name", "{staff}, {patient}'s {son|wife|granddaughter} rang to say how much {she|he} loved your {visits|singing|stories}."},
	{"first_name", "To {staff} for taking {patient} out in the wheelchair to see the {garden|sunshine|ducks}."},
	{"staff_patient", "Thank you {unit} for nursing one of our own — {colleague}, our {role}, is on the mend after {her|his} {surgery|infection|stroke}."},
	{"staff_patient", "Sending love to {colleague} in {dept} who is {in ICU|on 5 West|having chemo} this week; thank you to everyone caring for {her|him}."},
	{"staff_patient", "I was a patient on {unit} last month and I work in {dept}; thank you for treating me like family."},
	{"unique", "Thank you for looking after the {100|102|97}-year-old {war veteran|former nun|retired midwife} on {unit}."},
	{"unique", "Thanks to everyone who cared for the only {quadruplets|conjoined twins} ever born at this hospital."},
	{"family", "The {surname}s asked me to thank {unit} for {their dad's|their mum's} care."},
	{"family", "Thank you {staff} for comforting {patient}'s {husband|wife|sister} {Raymond|Doris|Ngozi} in the relatives' room."},
	{"title_name", "{Mrs|Mr} {surname} says thank you {staff} for the {hair wash|shave|hand massage} this morning."},
	{"spanish", "Mil gracias {staff} por la paciencia con {doña|don} {patient}, que hoy por fin {comió|caminó|durmió}."},
}

var fresh2Clean5 = []tmpl5{
	{"colleague_treat", "Cheers {staff} for sneaking {colleague} an extra coffee before the {audit|inspection|meeting}."},
	{"colleague_chat", "Thank you {staff} for the {lift|coffee|chat} with {colleague} after that {long shift|tough week|meeting}."},
	{"colleague_late", "Ever so grateful {staff} for staying late with {colleague} to finish the {rota|stock check|handover}."},
	{"colleague_passed", "{colleague} from {dept} wanted me to pass on a huge thank you to {staff} for the {birthday cake|leaving card|flowers}."},
	{"colleague_family", "{staff}, {colleague}'s {husband|wife|son} rang to say thanks for the {surprise party|retirement gift|collection}."},
	{"colleague_lunch", "Thank you {staff} for taking {colleague} out for lunch on {her|his} first day."},
	{"colleague_exam", "Well done {colleague} in {dept} on passing {her|his} {exams|driving test|nursing degree}!"},
	{"staff_title", "{Mr|Mrs|Ms} {surname} from {dept} says thank you {staff} for the {report|spreadsheet|tour}."},
	{"named_thing", "Thanks to the {surname} {Trust|Foundation|Charity} for funding the new staff room."},
	{"colleague_away", "Shout out to {staff} for looking after the {plants|fish tank|staff room} while {colleague} was away."},
	{"unique_staff", "Congratulations {colleague}, the first {HCA|porter|nurse} on {unit} to win the {award|prize}!"},
	{"spanish_staff", "Mil gracias {staff} por la paciencia con {colleague} en su primer turno."},
	{"colleague_leave", "Our {role} {colleague} is off to {Spain|Ghana|Poland} for three weeks — have a lovely break!"},
	{"colleague_cover", "Thanks {staff} for covering bay {3|5|7} so {colleague} could have a break."},
	{"colleague_said", "Thank you {staff}, {colleague} says you saved the day with the {printer|rota|fridge}."},
	{"colleague_back", "{colleague} in {dept} is back from {her|his} {honeymoon|holiday|course} — welcome back!"},
}

var fresh3Slots5 = slots5{
	staff: []string{"Ailbhe", "Babajide", "Clodagh", "Dragos", "Eira", "Faisal", "Gunnhild", "Hyacinth", "Imran", "Jelena",
		"Kwesi", "Linnea", "Marisela", "Nuno", "Olwen", "Pilar", "Rhiannon", "Sanjay", "Teodora", "Vusi"},
	patients: []string{"Archibald", "Beatrice", "Clement", "Delphine", "Ernest", "Frances", "Gilbert", "Harriet", "Isidore",
		"Joan", "Kenneth", "Lilian", "Maurice", "Nora", "Oswald", "Pauline", "Rupert", "Stella", "Terence", "Violet"},
	colleagues: []string{"Amani", "Bjarne", "Catalina", "Desta", "Enya", "Feng", "Gaspard", "Hira", "Ismael", "Juno", "Kwabena",
		"Lucinda", "Mohsen", "Niamh-Rose"},
	surnames: []string{"Ashworth", "Bello", "Carmody", "Dimitrov", "Eastwood", "Fernandes", "Goldberg", "Hargreaves", "Ivanova",
		"Kilbride", "Lyons", "Mbatha", "Novak", "Pennington"},
	units: []string{"Willow ward", "the day hospice", "ward 14", "the neuro unit", "the orthopaedic ward", "the dementia unit"},
	roles: []string{"porter", "ward clerk", "HCA", "domestic", "physio", "chaplain"},
	depts: []string{"procurement", "estates", "the canteen", "radiology", "the IT helpdesk", "infection control"},
}

// fresh3PHI5 and fresh3Clean5 were written after the tuning on the fresh2
// templates and measured once (0.644 / 0.092), then tuned on.
var fresh3PHI5 = []tmpl5{
	{"first_name", "{staff}, thank you for {trimming|filing|painting} {patient}'s nails and making {her|him} feel human again."},
	{"first_name", "Special thanks to {staff} for translating for {patient} {at the ward round|when the consultant came|all week}."},
	{"first_name", "{patient} kept {calling|asking} for \"the kind one with the {glasses|curly hair|Welsh accent}\" — that's you, {staff}!"},
	{"first_name", "Thank you {staff} for {wheeling|pushing} {patient} to the chapel on Sunday; {she|he} {cried|prayed|sang} the whole way."},
	{"first_name", "{staff}, {patient} said {her|his} {hip|leg|back} didn't hurt half as much once you'd {repositioned|settled|propped up} {her|him}."},
	{"first_name", "A big thank you to {staff} who spotted that {patient} was {getting confused|not herself|off colour} and called the doctor."},
	{"first_name", "Thanks {staff} for the football chat with {patient} — first time {he|she} {smiled|laughed|talked} since the stroke."},
	{"staff_patient", "Please send get well wishes to our {role} {colleague}, who is {in hospital|on ward 14|in the neuro unit} after a {fall|stroke|car accident}."},
	{"staff_patient", "Huge thanks to {unit}: I came in as a patient after my {stroke|fall|heart attack} and you treated me brilliantly. — {colleague} ({role})"},
	{"staff_patient", "Our {role} {colleague} had {her|his} {knee replaced|gallbladder out|hip done} here last week — thank you for looking after {her|him}."},
	{"unique", "Thank you for the care you gave the {99|100|105}-year-old {lady|gentleman|veteran} on {unit} this week."},
	{"unique", "Congratulations {unit} on the first {heart|face|hand} transplant ever done in this hospital."},
	{"family", "The {surname} family would like to thank {staff} for the {kindness|care|support} shown to their {mum|dad|gran}."},
	{"family", "{staff}, thank you for {phoning|updating|sitting with} {patient}'s {son|daughter|wife} {Clive|Marian|Yusuf} every day."},
	{"title_name", "Thank you {staff} for {shaving|washing|feeding} {Mr|Mrs} {surname} {so gently|before his visitors|every morning}."},
	{"spanish", "Gracias {staff} por {cuidar a|atender a} {doña|don} {patient} en la habitación {12|4|21}."},
}

var fresh3Clean5 = []tmpl5{
	{"colleague_nails", "{staff}, thank you for the {tea|cake|card} for {colleague}'s {birthday|leaving do|retirement} — {she|he} loved it."},
	{"colleague_translate", "Special thanks to {staff} for translating the {leaflets|posters|menus} into {Polish|Arabic|Urdu} with {colleague}."},
	{"colleague_called", "{colleague} kept {calling|asking} for \"the one who makes the best coffee\" — that's you, {staff}!"},
	{"colleague_drive", "Thank you {staff} for driving {colleague} to the {station|conference|training day} on Sunday."},
	{"colleague_said", "{staff}, {colleague} said the {rota|new system|handover sheet} is so much easier since you {redid|fixed|tidied} it."},
	{"colleague_spotted", "A big thank you to {staff} who spotted the {leak|error in the rota|broken fridge} and called {dept}."},
	{"colleague_chat", "Thanks {staff} for the football chat with {colleague} on the {break|night shift|way in}."},
	{"staff_leave", "Please send good wishes to our {role} {colleague}, who is {on holiday|off to Australia|moving to days} next week."},
	{"writer_staff", "Huge thanks to {unit}: I came on placement last month and you taught me brilliantly. — {colleague} ({role})"},
	{"colleague_home", "Our {role} {colleague} {moved house|got married|ran a marathon} last week — congratulations!"},
	{"unique_staff", "Congratulations {staff}, the first {porter|HCA|domestic} ever to win the trust's {award|prize} in this hospital."},
	{"staff_service", "Thank you {colleague} for {30|40|25} years of service on {unit}."},
	{"family_thing", "The {surname} {Foundation|Trust|Charity} would like to thank {staff} for the {talk|tour|fundraiser}."},
	{"colleague_family", "{staff}, thank you for {phoning|texting|messaging} {colleague}'s {son|daughter|wife} when {her|his} car broke down."},
	{"staff_title", "Thank you {staff} for helping {Mr|Mrs} {surname} from {dept} with the {audit|report|inventory}."},
	{"spanish_staff", "Gracias {staff} por ayudar a {colleague} en la sala de {descanso|reuniones} con la mudanza."},
}

var fresh4Slots5 = slots5{
	staff: []string{"Adwoa", "Bartholomew", "Ciara", "Dorota", "Ebenezer", "Fionnuala", "Goran", "Hester", "Ifeanyi", "Jutta",
		"Kamala", "Lochlan", "Magnus", "Nyambura", "Odile", "Precious", "Roisin", "Shirin", "Tobiah", "Uriel"},
	patients: []string{"Agatha", "Basil", "Connie", "Douglas", "Edith", "Felix", "Gladys", "Horace", "Irene", "Jack", "Kitty",
		"Leonard", "Maud", "Norman", "Olga", "Percival", "Queenie", "Ronald", "Sheila", "Vera"},
	colleagues: []string{"Alejandro", "Bisi", "Coco", "Daniyal", "Elspeth", "Folake", "Greta", "Hideo", "Ilse", "Jonas", "Kiran",
		"Lavinia", "Marek", "Nadia"},
	surnames: []string{"Abernathy", "Brightwell", "Chukwu", "Delacroix", "Ekström", "Fairclough", "Gallagher", "Hoang", "Ibrahimovic",
		"Kovacs", "Llewellyn", "Moreau", "Nkemelu", "Oyelaran"},
	units: []string{"Cedar ward", "the stroke rehab unit", "ward 6", "the burns unit", "the palliative care team", "the surgical assessment unit"},
	roles: []string{"porter", "ward clerk", "HCA", "housekeeper", "pharmacist", "theatre nurse"},
	depts: []string{"catering", "estates", "the blood bank", "outpatients", "the switchboard", "occupational health"},
}

// fresh4PHI5 and fresh4Clean5 were written after the tuning on fresh3 and
// measured once (0.738 / 0.077), then tuned on.
var fresh4PHI5 = []tmpl5{
	{"first_name", "{staff}, you gave {patient} {her|his} dignity back with that {bed bath|shave|hair wash} — thank you."},
	{"first_name", "Thanks {staff} for remembering that {patient} likes {two sugars|the radio on|the curtains open} — {she|he} noticed."},
	{"first_name", "Well done {staff}: {patient} {took a few steps|stood up|sat out in the chair} for the first time since the {op|fall|stroke}!"},
	{"first_name", "{staff}, you were wonderful with {patient} when {she|he} pulled {her|his} {cannula|drip|catheter} out at 2am."},
	{"first_name", "Grateful to {staff} for phoning {patient}'s {sister|nephew|son} in {Canada|Lagos|Glasgow} so they could say goodbye."},
	{"first_name", "Thank you {staff} for teaching {patient} to use {her|his} {inhaler|insulin pen|walking frame} before discharge."},
	{"first_name", "{patient} asked me to tell {staff} that the {poem|drawing|knitted hat} is for {her|him} — a thank you for everything."},
	{"staff_patient", "One of our nurses, {colleague}, was admitted to {unit} last night — thank you for looking after one of our own."},
	{"staff_patient", "Thank you {unit} for {her|his} {surgery|chemo|care} — {colleague} from {dept} is finally home."},
	{"staff_patient", "To {unit}: thank you for sorting my {appendix|gallbladder|kidney stone} out so quickly, back at work in {dept} next week! — {colleague}"},
	{"unique", "Thank you {unit} for caring for our {96|98|101}-year-old {lady|gentleman} who was a {Land Girl|code breaker|ballet dancer}."},
	{"unique", "Well done everyone who looked after the {twins|triplets} born at {25|26|27} weeks — the smallest ever born here."},
	{"family", "Thank you {staff} for looking after {patient} — {her|his} {daughter|son|wife} {Carol|Trevor|Anjali} said you were a godsend."},
	{"family", "The {surname}s want to thank {unit} for the care their {grandad|mum|dad} received in {her|his} last days."},
	{"title_name", "{Mrs|Mr} {surname} wanted me to thank {staff} for the {foot care|bath|shave} — {she|he} felt like a new person."},
	{"spanish", "Gracias {staff} por darle la comida a {doña|don} {patient} con tanta paciencia."},
}

var fresh4Clean5 = []tmpl5{
	{"colleague_dignity", "{staff}, you gave {colleague} {her|his} confidence back with that {feedback|pep talk|coaching session} — thank you."},
	{"colleague_remember", "Thanks {staff} for remembering that {colleague} likes {two sugars|oat milk|green tea} — {she|he} noticed."},
	{"colleague_step", "Well done {staff}: {colleague} {took the lead|stood up|spoke up} at the {meeting|huddle|inspection} for the first time!"},
	{"colleague_wonderful", "{staff}, you were wonderful with {colleague} when {she|he} was nervous before {her|his} {interview|exam|presentation}."},
	{"colleague_phone", "Grateful to {staff} for phoning {colleague}'s {sister|partner|son} when {her|his} car broke down."},
	{"colleague_teach", "Thank you {staff} for teaching {colleague} to use the {new pumps|e-roster|bladder scanner} before {her|his} first shift."},
	{"colleague_gift", "{colleague} asked me to tell {staff} that the {card|cake|plant} is for {her|him} — a thank you for the cover."},
	{"staff_news", "One of our nurses, {colleague}, was promoted to {band 6|ward manager|practice educator} last night — well done!"},
	{"staff_back", "Thank you {unit} for the {tour|training|shadowing day} — {colleague} from {dept} is full of ideas."},
	{"writer_work", "To {unit}: thank you for sorting my {rota|parking|annual leave} out so quickly, back at work in {dept} next week! — {colleague}"},
	{"unique_staff", "Thank you to our {role} {colleague}, the longest serving member of staff in the trust at {40|42|45} years."},
	{"unique_thing", "Well done everyone — the new neonatal unit is the {biggest|first|newest} ever built here."},
	{"family_staff", "Thank you {staff} for looking after {colleague} on {her|his} first week — {her|his} {mum|dad} {Carol|Trevor} said thanks too."},
	{"named_thing", "The {surname} Lecture Theatre is booked for the {audit day|induction|away day}, thanks {staff}."},
	{"title_staff", "{Mrs|Mr} {surname} from {dept} wanted me to thank {staff} for the {report|invoice|audit} — {she|he} was so relieved."},
	{"spanish_staff", "Gracias {staff} por traer la comida a la reunión con tanta alegría."},
}

var fresh5Slots5 = slots5{
	staff: []string{"Anneliese", "Bosede", "Cosmin", "Dervla", "Eleni", "Fergal", "Gitte", "Hakeem", "Isolde", "Jacinta",
		"Kenji", "Lumi", "Mairtin", "Nomvula", "Orsolya", "Piotr", "Renata", "Saskia", "Thulani", "Wiebke"},
	patients: []string{"Alma", "Bertram", "Cecily", "Dennis", "Enid", "Frederick", "Gwladys", "Hubert", "Ivy", "Jonah", "Lottie",
		"Mervyn", "Nellie", "Osbert", "Primrose", "Reggie", "Sybil", "Trevor", "Winnie", "Zelda"},
	colleagues: []string{"Anouk", "Bukola", "Caoimhe", "Dhruv", "Emeline", "Fidel", "Grazyna", "Hamza", "Inès", "Jomo", "Keziah",
		"Leandro", "Maryam", "Natasza"},
	surnames: []string{"Appleby", "Bukowski", "Cardenas", "Doherty", "Etxeberria", "Fortescue", "Gathoni", "Hallworth", "Ingram",
		"Jablonski", "Kaur-Singh", "Lindgren", "Mahlangu", "Nolan"},
	units: []string{"Maple ward", "the spinal unit", "ward 19", "the acute medical unit", "the infectious diseases unit", "the vascular ward"},
	roles: []string{"porter", "ward clerk", "HCA", "housekeeper", "dietitian", "security guard"},
	depts: []string{"facilities", "the print room", "the pharmacy stores", "the admin hub", "catering", "linen services"},
}

// fresh5PHI5 and fresh5Clean5 were written after all the tuning and
// measured once; they are never tuned on.
var fresh5PHI5 = []tmpl5{
	{"first_name", "{staff} you're a star, {patient} ate {every bit of lunch|all her porridge|a whole jelly} because you sat and chatted."},
	{"first_name", "Thank you {staff} for singing {patient} to sleep when {she|he} was so {restless|upset|confused} on nights."},
	{"first_name", "{Shout out|Kudos|Props} to {staff} — {patient} is walking with the frame now and wants to race you!"},
	{"first_name", "{staff}, thank you for the {photos|letters|video call} you helped {patient} send to {her|his} {grandchildren|family|brother}."},
	{"first_name", "Lovely moment today: {staff} {danced|sang|read poems} with {patient} and {she|he} remembered every word."},
	{"first_name", "thanks {staff} for sorting {patient}'s {pain relief|meds|oxygen} so fast last night, {she|he} finally slept"},
	{"first_name", "{staff}, {patient} wants you to know {she|he}'s {going home|off to rehab|moving to the hospice} {tomorrow|on Monday} and will miss you."},
	{"staff_patient", "Get well soon {colleague}! Everyone in {dept} is thinking of you after the {op|surgery|accident} — we heard {unit} are spoiling you."},
	{"staff_patient", "Thank you to {unit} for getting our {role} {colleague} back on {her|his} feet after {pneumonia|covid|sepsis}."},
	{"staff_patient", "After {two|three|six} weeks on {unit} with {sepsis|a broken pelvis|pneumonia}, I'm back in {dept} — thank you all. {colleague}"},
	{"unique", "Thank you for looking after the {101|103|98}-year-old {lady|man} from the {care home|almshouses|farm} on {unit}."},
	{"unique", "Huge thanks to everyone involved in the first {hand|womb|face} transplant ever carried out in this hospital."},
	{"family", "The {surname} family asked me to thank {staff} for being there when their {mum|dad|grandma} passed."},
	{"family", "Thank you {staff} for making {patient}'s {wife|husband|daughter} {Brenda|Keith|Amara} a cup of tea at 4am."},
	{"title_name", "Thank you {staff} for {sitting with|reading to|feeding} {Mrs|Mr} {surname} {all afternoon|at supper|after the scan}."},
	{"spanish", "Gracias {staff} por {peinar a|acompañar a|cuidar a} {doña|don} {patient} antes de la visita de su familia."},
}

var fresh5Clean5 = []tmpl5{
	{"colleague_star", "{staff} you're a star, {colleague} ate {every bit of lunch|all the biscuits|a whole pizza} at the team meeting."},
	{"colleague_sing", "Thank you {staff} for singing happy birthday to {colleague} at the {huddle|handover|staff meeting}."},
	{"colleague_race", "{Shout out|Kudos|Props} to {staff} — {colleague} is running the {marathon|half marathon|fun run} now and wants to race you!"},
	{"colleague_photos", "{staff}, thank you for the {photos|slides|posters} you helped {colleague} {make|print|put up} for the conference."},
	{"colleague_dance", "Lovely moment today: {staff} {danced|sang|did karaoke} with {colleague} at the {Christmas party|leaving do|awards night}."},
	{"colleague_sort", "thanks {staff} for sorting {colleague}'s {rota|payslip|parking permit} so fast last week, {she|he} was so relieved"},
	{"colleague_moving", "{staff}, {colleague} wants you to know {she|he}'s {moving to days|off to a new job|going on maternity leave} {tomorrow|on Monday} and will miss you."},
	{"staff_news", "Congratulations {colleague}! Everyone in {dept} is so proud of you after the {exam|interview|awards} — we heard {unit} are throwing you a party."},
	{"staff_back", "Thank you to {unit} for getting our {role} {colleague} up to speed on the new {system|pumps|rota}."},
	{"writer_work", "After {two|three|six} weeks on {unit} as a student, I'm back in {dept} — thank you all. {colleague}"},
	{"unique_staff", "Thank you to {colleague}, the {oldest|youngest|first} volunteer ever to work in this hospital."},
	{"unique_thing", "Huge thanks to everyone involved in the first {staff awards|wellbeing week|open day} ever held in this hospital."},
	{"family_thing", "The {surname} Foundation asked me to thank {staff} for the talk at the {gala|dinner|fundraiser}."},
	{"colleague_tea", "Thank you {staff} for making {colleague}'s {husband|wife|partner} a cup of tea when {she|he} came to collect {her|him}."},
	{"title_staff", "Thank you {staff} for {sitting with|helping|meeting} {Mrs|Mr} {surname} from {dept} {all afternoon|about the audit|after the meeting}."},
	{"spanish_staff", "Gracias {staff} por acompañar a {colleague} a la reunión de formación."},
}
