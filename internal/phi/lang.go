package phi

import "strings"

// Cue tables, one per language. A note's language is not known (staff mix
// them), so every table is active at once: they are merged into one
// lexicon at start-up. To add a language, add a table to [languages]; a
// phrase is lower-case words separated by single spaces, matched on word
// boundaries, with punctuation between words ignored ("d.o.b" = "d o b").
type language struct {
	code string
	// titles that name a patient when followed by a name ("Mrs Kowalski")
	patientTitles []string
	// titles that name a colleague ("Dr", "Nurse", "Sister")
	staffTitles []string
	// nouns that are a patient ("patient Lopez", "the resident, Betty")
	patientNouns []string
	// nouns for a person who, next to a bed or a name, is a patient ("the lady in bed 4")
	personNouns []string
	// places that identify a patient with a number ("bed 12", "cama 12")
	places []string
	// numbers written as words, for "bed twelve"
	numbers map[string]int
	// family members ("his wife Margaret")
	relations []string
	// whose family: a patient's ("his", "her", "su") …
	relationOwners []string
	// … or the writer's or the reader's ("my", "your", "our")
	writerOwners []string
	// events that make anyone a patient, a colleague too ("admitted", "her surgery")
	events []string
	// words that put a sentence in a patient's context ("sats", "family", "visiting")
	cues []string
	// conditions ("stroke", "leukaemia")
	diagnoses []string
	// words that turn a condition into a service ("stroke unit", "dementia training")
	services []string
	// staff roles and departments ("ward clerk", "pharmacy")
	roles []string
	// words right before a name that address a colleague ("thank you", "dear")
	addressed []string
	// verbs a colleague does, right after their name ("Maria stayed late")
	agentVerbs []string
	// verbs whose object is a patient ("sat with", "looked after")
	careVerbs []string
	// verbs and prepositions whose object is a patient only in a sentence about care
	careWeak []string
	// labels before an identifier, by kind
	labels map[Kind][]string
	// labels before a number that is not a patient's ("work order", "bleep")
	notIDLabels []string
	// labels before a phone number that is a service, not a person ("helpline")
	serviceLines []string
	// month names and abbreviations
	months map[string]int
	// address words: after a name ("Street") or before it ("Calle")
	streetAfter, streetBefore []string
	// words that describe a one-of-a-kind patient ("twins", "centenarian")
	rare []string
	// staff celebrations that explain an age ("birthday", "retiring")
	celebrations []string
	// words after a number that make it an age ("years old", "años")
	ageUnits []string
	// places that are staff spaces ("break", "meeting", "sala de descanso")
	staffPlaces []string
	// things at a bed or in a room that are not a person ("call bell", "brakes")
	equipment []string
	// capitalised words that are never a person's name here ("Ward", "West")
	notNames []string
}

// languages is every cue table. English first: on a tie its wording wins.
var languages = []language{english, spanish, french}

// withBones adds "broken femur", "fractured collarbone" … for every bone a
// note may name to a table's conditions.
func withBones(l language) language {
	for _, b := range strings.Fields("femur pelvis collarbone clavicle shoulder elbow finger fingers toe toes tibia fibula humerus skull " +
		"spine vertebra cheekbone rib ribs hand kneecap knee ankle foot leg arm wrist hip jaw nose neck back thumb heel") {
		l.diagnoses = append(l.diagnoses, "broken "+b, "fractured "+b, "shattered "+b)
	}
	return l
}

var english = withBones(language{
	code:          "en",
	patientTitles: []string{"mr", "mrs", "ms", "miss", "mx", "mstr", "master"},
	staffTitles: []string{"dr", "doctor", "doc", "prof", "professor", "nurse", "sister", "matron", "charge nurse", "staff nurse",
		"sr", "rev", "reverend", "father", "chaplain", "midwife", "captain", "consultant", "registrar", "hca", "rn", "np", "pa"},
	patientNouns: []string{"patient", "patients", "pt", "pts", "resident", "residents", "client", "service user", "inpatient", "outpatient"},
	personNouns: []string{"man", "woman", "lady", "gentleman", "gent", "boy", "girl", "baby", "babe", "child", "kid", "kiddo", "toddler", "teen",
		"teenager", "infant", "newborn", "chap", "fella", "guy", "bloke", "elderly", "little one", "young man", "young lady", "old man",
		"old lady", "grandma", "granny", "grandad", "grandpa", "mum", "mom", "dad", "daughter", "son", "wife", "husband", "favourite", "favorite",
		"sweetheart", "darling", "soul", "person", "one"},
	places: []string{"bed", "beds", "bay", "room", "rm", "cubicle", "cubi", "cube", "side room", "sideroom", "pod", "resus", "trolley",
		"chair", "stretcher", "bedspace", "bed space", "space", "cot", "crib", "isolette", "incubator", "bassinet", "recliner", "gurney", "stall"},
	numbers: map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40},
	relations: []string{"wife", "husband", "daughter", "son", "mum", "mom", "mother", "dad", "father", "brother", "sister", "grandson",
		"granddaughter", "grandchild", "grandchildren", "grandkids", "grandma", "granny", "nan", "nana", "nanna", "grandmother", "grandpa",
		"grandad", "granddad", "grandfather", "niece", "nephew", "aunt", "auntie", "uncle", "partner", "fiance", "fiancé", "fiancee",
		"fiancée", "carer", "caregiver", "widow", "widower", "cousin", "next of kin", "nok", "boyfriend", "girlfriend", "stepson",
		"stepdaughter", "stepmum", "stepdad", "parents", "parent", "sons", "daughters", "kids", "children", "twin", "family", "friend"},
	relationOwners: []string{"his", "her", "their", "the patient's", "patient's", "pt's", "the family's"},
	writerOwners:   []string{"my", "your", "our", "yours", "mine", "ur"},
	events: []string{"admitted", "admission", "readmitted", "discharged", "discharge", "diagnosed", "diagnosis", "surgery", "operation",
		"op", "operated", "as a patient", "in hospital", "recovering", "recovery", "get well", "get well soon", "chemo", "chemotherapy",
		"radiotherapy", "radiation", "dialysis", "transplant", "ventilated", "intubated", "extubated", "sedated", "palliative", "end of life",
		"passed away", "passed", "died", "dying", "miscarriage", "stillbirth", "was born", "delivered", "gave birth", "post-op", "postop",
		"on the ward as", "being treated", "treatment", "biopsy", "scan results", "prognosis", "terminal", "hospice", "recovering from",
		"in icu", "in itu", "in the icu", "in hdu", "in ccu", "in intensive care", "in resus", "in a&e", "in the er", "in the ed", "coded", "arrested", "collapsed", "collapse", "blackout", "fell", "fall",
		"broke her", "broke his", "her op", "his op", "her surgery", "his surgery", "stay with us", "stay on the ward", "length of stay",
		"transferred", "bed-bound", "bedbound", "on oxygen", "last day on the ward", "days on the ward", "weeks on the ward",
		"time on the ward", "last day with us", "first night on the ward", "on a ventilator", "in labour", "in labor", "giving birth", "bedside",
		"brought in", "brought into", "rushed in", "rushed into", "rushed to", "blue-lighted", "blue lighted", "taken to resus",
		"taken to theatre", "hip replacement", "knee replacement", "knee replaced", "hip replaced", "hip done", "knee done",
		"gallbladder out", "appendix out", "tonsils out", "stent put in", "pacemaker fitted", "joint replacement", "colonoscopy", "endoscopy",
		"bronchoscopy", "c-section", "caesarean", "cesarean", "stitches", "stitched", "plaster cast", "transfusion", "infusion", "round of chemo", "appendectomy", "angioplasty", "stent", "stents",
		"thrombectomy", "cardioversion", "ablation", "resuscitated", "sectioned", "stay in hospital", "hospital stay",
		"was in with", "were in with", "was with us", "were with us", "has been with us", "stayed with us", "was on the ward",
		"was on our ward", "was our patient", "as our patient", "a patient here", "a patient on", "was a patient", "was an inpatient", "were an inpatient", "an inpatient here", "pulled through",
		"came round", "off oxygen", "off the ventilator", "off the vent", "rang the bell", "took her first steps", "took his first steps", "take her first steps", "take his first steps",
		"taking her first steps", "taking his first steps",
		// ADR 0350: an event only a patient has
		"sickle crisis", "sickle cell crisis", "came through ed", "came through a&e", "came through resus", "came in through",
		"came into ed", "came into a&e", "sessions a week", "dialysis sessions", "every cycle", "ventilated for"},
	cues: []string{"patient", "patients", "pt", "family", "families", "relatives", "visiting", "visitor", "visitors", "visit", "bedside",
		"obs", "sats", "vitals", "meds", "medication", "iv", "drip", "cannula", "catheter", "wound", "dressing", "pain", "confused",
		"delirium", "delirious", "nappy", "diaper", "feeds", "feeding", "bloods", "x-ray", "xray", "mri", "ct", "theatre", "theater",
		"ward", "bay", "resus", "code", "crash call", "rapid response", "ambulance", "a&e", "ed", "er", "nicu", "picu", "scbu", "icu",
		"itu", "hdu", "ccu", "frail", "elderly", "scared", "frightened", "crying", "cried", "tears", "hand", "held", "comfort", "comforted",
		"settled", "asleep", "woke", "awake", "unwell", "poorly", "sick", "ill", "illness", "vomiting", "oxygen", "monitor", "buzzer",
		"call bell", "commode", "wheelchair", "walker", "zimmer", "hoist", "nil by mouth", "nbm", "dnr", "dnacpr", "consent", "procedure",
		"admitted", "discharged", "discharge", "admission", "transfer", "transferred", "bed", "room",
		"stay", "home", "went home", "going home", "birthday", "little", "brave", "bravest", "baby", "mum", "dad", "parents", "wife",
		"husband", "daughter", "son", "grandson", "granddaughter", "crossword", "tea", "biscuits", "chocolates", "card", "smile"},
	diagnoses: []string{"pregnancy", "whipple", "whipple's", "new liver", "new kidney", "new heart", "new lungs", "new hip", "new knee", "lumbar puncture", "spinal tap", "bone marrow", "car crash", "car accident", "road traffic accident",
		"rta", "rtc", "motorbike accident", "bike accident", "alcoholic", "addiction", "alcohol withdrawal", "hypo", "hypoglycaemia", "hypoglycemia", "hyperglycaemia", "gsw", "gunshot", "gunshot wound", "stab wound", "stabbing", "stabbed", "broken ankle", "broken foot",
		"broken ribs", "broken neck", "broken back", "broken jaw", "broken nose", "broken pelvis", "fractured skull", "anaphylaxis",
		"allergic reaction", "asthma attack", "panic attack", "pneumothorax", "collapsed lung", "blood clot", "aneurysm", "brain tumour",
		"brain tumor", "glioblastoma", "melanoma", "sarcoma", "myeloma", "hodgkin's", "gallstones", "pancreatitis", "crohn's", "colitis",
		"endometriosis", "ectopic", "pre-eclampsia", "preeclampsia", "eclampsia", "long covid", "shingles", "tia", "hep c", "hepatitis c",
		"withdrawal", "detox", "eating disorder", "ptsd", "suicidal", "mental health crisis", "self harm", "kidney stones",
		"kidney stone", "hip fracture", "thrombectomy", "pacemaker", "insulin pump", "transplant list", "dialysis", "burns",
		"concussed", "whiplash", "sprained", "acl", "slipped disc", "herniated disc", "sciatica", "vertigo", "migraine",
		"cancer", "leukaemia", "leukemia", "lymphoma", "tumour", "tumor", "stroke", "dementia", "alzheimer's", "alzheimers",
		"parkinson's", "parkinsons", "sepsis", "covid", "covid-19", "pneumonia", "fracture", "fractured", "broken hip", "hip fracture",
		"heart attack", "cardiac arrest", "mi", "stemi", "diabetes", "diabetic", "dka", "copd", "asthma", "epilepsy", "seizure",
		"seizures", "overdose", "od", "cystic fibrosis", "cf", "ms", "multiple sclerosis", "als", "mnd", "motor neurone disease", "hiv",
		"aids", "hepatitis", "tb", "tuberculosis", "meningitis", "burns", "amputation", "amputee", "autism", "autistic", "down syndrome",
		"down's", "sickle cell", "anorexia", "psychosis", "schizophrenia", "bipolar", "depression", "self-harm", "suicide attempt",
		"head injury", "spinal injury", "paralysed", "paralyzed", "kidney failure", "renal failure", "liver failure", "heart failure",
		"bowel", "colostomy", "stoma", "mastectomy", "hysterectomy", "appendicitis", "appendix", "gallbladder", "hernia", "chemo",
		"cirrhosis", "dialysis", "transplant", "ventilator", "infection", "uti", "cellulitis", "ulcer", "pressure sore", "broken leg",
		"broken arm", "broken wrist", "concussion", "coma", "brain injury", "bleed", "haemorrhage", "hemorrhage", "clot", "dvt", "pe",
		"embolism", "angina", "arrhythmia", "af", "pacemaker", "bypass", "prem", "premature", "preemie", "jaundice", "rsv",
		"bronchiolitis", "croup", "measles", "flu", "influenza", "norovirus", "c diff", "mrsa"},
	services: []string{"unit", "units", "ward", "team", "teams", "nurse", "nurses", "specialist", "service", "services", "clinic",
		"centre", "center", "training", "course", "awareness", "champion", "champions", "lead", "month", "week", "day", "study",
		"teaching", "lecture", "conference", "pathway", "research", "trial", "screening", "charity", "fundraiser", "walk", "run",
		"bay", "department", "dept", "programme", "program", "network", "friendly", "support", "group", "society", "foundation", "appeal"},
	roles: []string{"consultant", "surgeon", "registrar", "anaesthetist", "anesthetist", "fellow", "matron", "sister", "charge nurse",
		"nurse", "nurses", "midwife", "ward clerk", "clerk", "ward manager", "manager", "receptionist", "reception", "secretary", "porter",
		"porters", "estates", "facilities", "housekeeping", "housekeeper", "domestic", "domestics", "cleaner", "pharmacist", "pharmacy",
		"physio", "physios", "physiotherapist", "physiotherapy", "ot", "ots", "occupational therapist", "occupational therapy",
		"chaplain", "chaplaincy", "theatres", "surgery", "orthopaedics", "orthopedics", "urology", "ent", "vascular", "cardiology",
		"radiology", "radiographer", "educator", "hca", "hcas", "hcsw", "nursing assistant", "healthcare assistant", "catering",
		"kitchen", "kitchens", "clinical coding", "coding", "medical records", "laundry", "payroll", "chef", "cook", "security", "it", "it team", "lab", "labs", "pathology", "phlebotomy", "phlebotomist", "dietitian",
		"dietician", "dietetics", "speech therapist", "salt", "social worker", "social work", "admin", "admin team", "bed manager",
		"site manager", "volunteer", "volunteers", "student", "student nurse", "medical student", "doctor", "doctors", "fy1", "fy2",
		"sho", "resident doctor", "junior doctor", "intern", "attending", "paramedic", "paramedics", "tech", "technician", "scrub nurse",
		"odp", "anaesthetics", "anesthesia", "icu", "itu", "ed", "a&e", "er", "night team", "day team", "team", "team leader", "colleague",
		"colleagues", "rn", "lpn", "cna", "np", "pa", "pca", "coordinator", "co-ordinator", "supervisor", "director", "ceo", "chief",
		"lead", "head", "boss", "staff", "crew", "transport", "patient transport", "switchboard", "medical records", "records",
		"infection control", "outreach", "research", "audit", "quality", "governance", "hr", "payroll", "finance", "procurement",
		"stores", "linen", "laundry", "maintenance", "engineering", "mortuary", "bereavement", "pals", "patient experience",
		"human resources", "occupational health", "occ health", "outpatients", "outpatient department", "opd", "portering",
		"discharge lounge", "day surgery", "endoscopy", "imaging", "medical physics", "sterile services", "biomed", "biomedical engineering", "medical engineering", "evs",
		"environmental services", "supply chain", "supplies", "education", "clinical education", "practice educator",
		"infection prevention", "child life", "play specialist", "play team", "interpreter", "interpreters", "ward secretary",
		"unit secretary", "medical secretary", "rt", "respiratory therapist", "respiratory therapy", "pct", "hcsw",
		"sonographer", "therapist", "counsellor", "counselor", "psychologist", "housekeeper",
		"courier", "gardener", "electrician", "plumber", "locksmith", "it helpdesk", "helpdesk", "service desk",
		"communications", "comms", "fundraising", "charity team", "wellbeing team", "staff side", "union rep", "steward"},
	addressed: []string{"thank you", "thanks", "thankyou", "thx", "ty", "many thanks", "huge thanks", "big thanks", "dear", "to", "hi",
		"hello", "hey", "well done", "congratulations", "congrats", "shout out to", "shoutout to", "shout-out to", "kudos to",
		"cheers", "bravo", "love you", "go", "kudos", "props", "shout out", "shoutout", "welcome", "welcome back", "happy birthday", "happy retirement", "good luck", "farewell",
		"bye", "goodbye", "miss you", "proud of you", "props to", "hats off to", "from", "love", "x", "xx", "xxx", "signed",
		"best wishes", "with love", "regards", "sincerely", "cc", "thanking"},
	agentVerbs: []string{"stayed", "stays", "helped", "helps", "covered", "covers", "took", "takes", "looked after", "cared for",
		"sat with", "made", "makes", "brought", "brings", "noticed", "spotted", "explained", "cannulated", "calmed", "organised",
		"organized", "ran", "runs", "led", "leads", "taught", "teaches", "trained", "fixed", "fixes", "cleaned", "cooked", "baked",
		"bakes", "worked", "works", "jumped", "stepped", "came in", "handled", "answered", "sorted", "kept", "keeps", "always", "never",
		"you", "managed", "supported", "supports", "mentored", "showed", "shows", "gave", "gives", "bought", "picked up", "volunteered",
		"offered", "stood", "saved", "spent", "started", "finished", "completed", "sang", "played", "shared", "hosted", "coordinated",
		"deserves", "rocks", "rocked", "smashed", "nailed", "went above", "goes above", "is a star", "is amazing", "is a legend",
		"you're", "your", "thank you", "thanks", "did", "sat", "stayed late", "stayed on", "came", "comes"},
	careVerbs: []string{"sat w", "sitting w", "stayed w", "staying w", "sat with", "sitting with", "sit with", "looked after", "looking after", "look after", "cared for",
		"caring for", "care for", "nursed", "nursing", "comforted", "comforting", "washed", "washing", "bathed", "bathing", "fed",
		"feeding", "turned", "admitted", "discharged", "discharging", "transferred", "visited", "visiting", "reassured",
		"reassuring", "calmed", "calming", "settled", "settling", "treated", "treating", "resuscitated", "intubated", "cannulated",
		"shaved", "stitched up", "stitching up", "stitch up", "plastered", "stayed with", "staying with", "talked to", "talking to", "chatted with", "sang to", "singing to", "sing to",
		"read to", "reading to", "escorted",
		"mobilised", "assessed", "examined", "operated on", "transported", "explained to", "cheered up", "delivered", "sitting by",
		"sat by", "held hands with", "holding hands with", "walked with", "laughed with", "prayed with", "dancing with", "danced with"},
	// weaker: a patient only when the sentence is about care ("for", "with")
	careWeak: []string{"for", "with", "helped", "helping", "held", "holding", "made", "gave", "brought", "kept", "told", "saved",
		"dressed", "walked", "scanned", "helping out", "about"},
	labels: map[Kind][]string{
		KindRecordNumber: {"mrn", "m r n", "medical record", "medical record number", "medical record no", "med rec", "record number",
			"record no", "hospital number", "hospital no", "hospital id", "hosp no", "hosp number", "patient id", "patient number",
			"patient no", "pt id", "pt no", "pt number", "nhs", "nhs number", "nhs no", "chart", "chart number", "chart no", "case number",
			"case no", "acct", "acct no", "account", "account number", "account no", "urn", "crn", "chi", "chi number", "chi no",
			"unit number", "unit no", "encounter", "encounter number", "encounter no", "encounter id", "enc", "fin", "fin number",
			"visit number", "visit no", "visit id", "csn", "har", "episode number", "episode no", "admission number", "admission no",
			"hospital record", "record", "ref no", "patient ref", "case id", "k number", "rxr", "emr", "ehr", "epic", "wristband",
			"band", "id band", "id bracelet", "mrn number", "mr number", "mr no", "mr"},
		KindBirthDate: {"dob", "d o b", "date of birth", "birth date", "birthdate", "born", "born on", "b", "birthday", "bday",
			"born in", "birth"},
		KindSSN: {"ssn", "ss", "ss no", "ss number", "social security", "social security number", "social security no",
			"social", "social number", "last four", "last 4", "last four digits", "last 4 digits", "ni number", "ni no",
			"national insurance", "national insurance number", "nino", "sin", "social insurance number", "national id",
			"national id number", "itin", "tax id", "taxpayer id", "ssn ending", "ssn ends", "ending in", "ends in"},
		KindMemberID: {"member id", "member number", "member no", "membership number", "membership no", "membership id", "policy",
			"policy number", "policy no", "policy id", "insurance id", "insurance number", "insurance no", "insurance card",
			"subscriber id", "subscriber number", "subscriber no", "group number", "group no", "group id", "medicare", "medicare number",
			"medicare no", "medicare id", "medicaid", "medicaid number", "medicaid id", "medicaid no", "medi-cal", "medi cal", "medi-cal bic", "bic", "benefits card", "beneficiary id", "mbi",
			"plan id", "health plan id", "health plan number", "insurance member id", "member", "bcbs", "aetna", "cigna",
			"united healthcare", "uhc", "humana", "kaiser", "tricare", "ehic", "ghic", "insurance", "insurer", "cover number"},
		KindPlate: {"plate", "plates", "number plate", "licence plate", "license plate", "licence", "license", "reg", "registration",
			"reg no", "reg number", "registration number", "car reg", "vehicle reg", "vehicle registration", "tag", "tags",
			"license tag", "licence tag", "tag number", "car", "van", "truck", "vehicle", "motorbike", "motorcycle", "parked"},
		KindPhone: {"call", "calling", "called", "phone", "phoned", "phoning", "ring", "ringing", "rang", "tel", "telephone",
			"mobile", "mob", "cell", "cellphone", "text", "texted", "texting", "number", "whatsapp", "contact", "contact number",
			"landline", "home number", "reach"},
		KindHandle: {"instagram", "insta", "ig", "tiktok", "tik tok", "twitter", "x", "facebook", "fb", "snapchat", "snap",
			"youtube", "threads", "bluesky", "linkedin", "handle", "username", "user name", "account", "page", "channel", "profile",
			"onlyfans", "mastodon", "reddit", "discord", "twitch", "pinterest", "tumblr", "whatsapp", "telegram", "venmo", "cashapp"},
		KindAddress: {"lives at", "lives on", "living at", "living on", "lives in", "address", "home address", "house",
			"moved to", "home is", "home at", "house on", "postcode", "post code", "zip", "zip code", "zipcode", "flat", "apartment",
			"apt", "po box", "p o box", "lives", "home"},
		KindAdmission: {"admitted", "admitted on", "admitted in", "admission", "admission date", "date of admission", "doa", "adm",
			"readmitted", "readmitted on", "discharged", "discharged on", "discharge date", "came in", "came in on", "arrived",
			"arrived on", "brought in", "brought in on", "since", "since her admission", "since his admission", "since admission"},
	},
	notIDLabels: []string{"work order", "work orders", "wo", "w o", "ticket", "job", "job number", "job no", "incident", "inc",
		"ref", "reference", "request", "req", "po", "purchase order", "invoice", "order", "order number", "ext", "extension",
		"x", "bleep", "bleeps", "pager", "page", "badge", "badge number", "employee", "employee number", "employee id", "staff number",
		"staff no", "staff id", "payroll", "payroll number", "pay number", "pay no", "assignment number", "cost centre", "cost center",
		"code", "shift code", "rota", "rota code", "shift", "roster", "room booking", "booking", "asset", "asset tag", "asset number",
		"serial", "serial number", "sn", "model", "part", "part number", "lot", "batch", "voucher", "pin", "donation", "charity number",
		"registered charity", "charity no", "case ref", "datix", "datix number", "helpdesk", "service desk", "it ticket", "call ref",
		"fault", "fault number", "report number", "ir", "incident report", "complaint number", "course code", "module", "course",
		"cohort", "nmc", "nmc pin", "gmc", "gmc number", "hcpc", "license number", "licence number", "vacancy", "vacancy number",
		"job ref", "post", "band", "grade", "version", "v", "page", "item", "stock", "stock code", "sku", "barcode", "budget", "budget code",
		"ward code", "cost code", "raffle", "raffle ticket", "ticket number", "prize", "score", "total", "raised", "steps", "miles", "km",
		"laptop", "pc", "computer", "printer", "device", "phone extension", "locker", "locker number", "key", "door code", "code is",
		"wifi", "password", "room code", "meeting id", "teams", "zoom", "passcode", "conference"},
	serviceLines: []string{"helpline", "help line", "hotline", "line", "lines", "switchboard", "desk", "service desk", "helpdesk",
		"help desk", "support", "support line", "wellbeing", "wellbeing line", "wellbeing hub", "hub", "eap", "employee assistance",
		"occupational health", "occ health", "oh", "security", "estates", "it", "it support", "reception", "office", "team", "service",
		"services", "staff support", "samaritans", "crisis line", "freephone", "free phone", "bank", "staff bank", "bank office",
		"rota office", "hr", "payroll", "pals", "chaplaincy", "pharmacy", "lab", "facilities", "catering", "porters", "portering",
		"bed bureau", "site team", "bleep holder", "on-call", "on call", "the ward", "ward", "unit", "department", "dept", "us",
		"the unit", "the team", "outreach", "sos", "advice line", "nurse line", "text line", "crisis text line", "crisis line", "lifeline", "union", "rcn", "unison", "freedom to speak up", "guardian", "speak up"},
	months: map[string]int{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
		"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
		"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
	streetAfter: []string{"street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "court", "ct", "close",
		"crescent", "cres", "way", "place", "pl", "boulevard", "blvd", "terrace", "terr", "gardens", "gdns", "grove", "parade",
		"square", "sq", "highway", "hwy", "row", "mews", "walk", "circle", "cir", "trail", "pike", "parkway", "pkwy", "hill",
		"rise", "view", "green", "park", "wynd", "vale", "heights", "crossing", "loop", "alley", "path", "estate", "cottages",
		"house", "farm", "apartments", "apts", "towers", "manor"},
	rare: []string{"twins", "twin", "triplets", "triplet", "quadruplets", "quads", "quintuplets", "conjoined", "centenarian",
		"supercentenarian", "oldest", "youngest", "the only", "only one", "first baby", "new year baby", "new year's baby",
		"christmas baby", "record-breaking", "rarest", "one in a million", "1 in a million", "made the news", "in the news",
		"on the news", "in the paper", "famous", "celebrity", "world record"},
	celebrations: []string{"birthday", "bday", "happy", "celebrate", "celebrating", "celebrated", "retire", "retiring",
		"retirement", "retired", "young", "years young", "turning", "turns", "anniversary", "service", "years of service", "in post",
		"working here", "worked here", "career", "milestone", "party", "cake", "congratulations", "congrats", "marathon",
		"half marathon"},
	ageUnits: []string{"year old", "years old", "year-old", "years-old", "yr old", "yrs old", "yr-old", "yrs-old", "yo", "y o",
		"yob", "yof", "yom", "y/o", "years of age", "yrs", "years", "year"},
	staffPlaces: []string{"break", "staff", "meeting", "conference", "seminar", "training", "teaching", "tea", "rest", "locker",
		"on-call", "oncall", "on call", "quiet", "family", "relatives", "relatives'", "changing", "store", "stock", "sluice", "utility",
		"education", "board", "committee", "interview", "prayer", "faith", "multi-faith", "multifaith", "wellbeing", "wellness",
		"sim", "simulation", "lecture", "team", "doctors", "doctors'", "nurses", "nurses'", "mess", "coffee", "break-out", "breakout",
		"huddle", "clinic", "treatment", "consulting", "consultation", "procedure", "office", "storage", "equipment", "linen", "clean",
		"dirty", "plant", "server", "print", "copy", "post", "mail", "boiler", "waiting", "quiet", "sensory", "play", "games",
		"day", "dining", "tv", "drug", "medication", "medicines", "prep", "kitchen", "handover", "resus", "skills", "library", "exam"},
	equipment: []string{"call bell", "bell", "brakes", "brake", "monitor", "monitors", "pump", "pumps", "mattress", "frame", "rail",
		"machine", "machines", "cart", "crash cart", "stand", "stands", "drip stand", "drip stands", "cage", "linen cage", "warmer", "defib", "defibrillator", "ecg", "ecg machine", "ultrasound", "scanner", "bladder scanner",
		"dispenser", "pyxis", "omnicell", "workstation", "cabinet", "cabinets", "shelves", "shelving", "ice machine", "kettle",
		"microwave", "vending", "ventilator", "bp machine", "obs machine", "dinamap", "drawer", "drawers",
		"rails", "side rails", "alarm", "alarms", "controls", "control", "remote", "tv", "television", "light", "lights", "lamp",
		"sink", "tap", "taps", "curtain", "curtains", "fridge", "door", "doors", "window", "windows", "blind", "blinds", "plug",
		"socket", "sockets", "oxygen", "suction", "wiring", "leak", "leaking", "heater", "radiator", "printer", "computer", "pc",
		"wheels", "wheel", "castor", "castors", "motor", "battery", "batteries", "charger", "cable", "cables", "handset", "screen",
		"locker", "table", "tray", "trolley", "toilet", "shower", "bathroom", "ensuite", "en-suite", "floor", "ceiling", "wall",
		"walls", "paint", "carpet", "heating", "aircon", "air con", "air conditioning", "ventilation", "flooring", "clean", "cleaned",
		"cleaning", "deep clean", "deep-cleaned", "fixed", "fixing", "repaired", "repair", "repairs", "serviced", "broken",
		"maintenance", "estates", "out of order", "replaced", "new", "refurb", "refurbished", "refurbishment", "painted",
		"decorated", "stocked", "restocked", "tidied", "tidy", "kit", "equipment", "sensor", "sensors", "scales", "hoist",
		"headboard", "footboard", "buzzer", "board", "whiteboard", "noticeboard", "clock", "bin", "bins", "key",
		"keys", "lock", "code", "isolation", "moved", "moving", "move", "empty", "ready", "available", "free", "closed", "open", "booked", "setup", "set up"},
	notNames: []string{"ward", "bay", "bed", "room", "unit", "wing", "block", "tower", "floor", "level", "west", "east", "north",
		"south", "team", "trust", "hospital", "nhs", "health", "care", "clinic", "centre", "center", "theatre", "theatres",
		"pharmacy", "nurse", "nurses", "sister", "matron", "doctor", "dr", "mr", "mrs", "ms", "miss", "patient", "patients", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "eid", "diwali", "hanukkah",
		"ramadan", "thanksgiving", "halloween", "new", "year", "i", "a", "the", "thank", "thanks", "you", "dear", "happy", "hi",
		"hello", "hey", "love", "we", "our", "my", "your", "he", "she", "they", "it", "this", "that", "so", "and", "but", "or",
		"oncology", "cardiology", "radiology", "surgery", "urology", "maternity", "paediatrics", "pediatrics", "neonatal", "icu",
		"itu", "hdu", "ed", "ae", "emergency", "acute", "general", "medical", "medicine", "elderly", "stroke", "renal", "respiratory",
		"orthopaedics", "orthopedics", "outpatients", "day", "night", "shift", "rota", "covid", "god", "jesus", "lord", "allah",
		"team", "staff", "everyone", "all", "st", "saint", "royal", "queen", "king", "prince", "princess", "county", "city", "general",
		"memorial", "university", "college", "school", "church", "chapel", "street", "road", "avenue", "lane", "park", "house",
		"lodge", "court", "hall", "building", "suite", "department", "dept", "service", "services", "award", "awards", "star",
		"hero", "heroes", "angel", "angels", "champion", "superstar", "legend", "queen", "boss", "mum", "mom", "dad", "nan", "gran",
		"baby", "little", "big", "wee", "young", "old", "junior", "senior", "jr", "sr", "md", "rn", "phd", "bsc", "ceo", "hr", "it",
		"pals", "ot", "pt", "ent", "gp", "gps", "a&e", "er", "or", "icu", "ccu", "nicu", "picu", "scbu", "mau", "amu", "sau", "cdu",
		"ok", "okay", "yes", "no", "not", "please", "sorry", "well", "done", "great", "amazing", "brilliant", "awesome", "wow",
		"bravo", "congrats", "congratulations", "cheers", "x", "xx", "xxx", "kindness", "kiosk", "coalition", "gratitude", "bank",
		"agency", "volunteer", "volunteers", "student", "students", "chaplain", "porter", "porters", "estates", "facilities",
		"catering", "security", "housekeeping", "lab", "labs", "pathology", "imaging", "physio", "physiotherapy", "dietetics",
		"therapy", "therapies", "ops", "operations", "site", "bleep", "switchboard", "reception", "admin", "finance", "payroll",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"spring", "summer", "autumn", "fall", "winter", "english", "spanish", "french", "polish", "british", "american", "irish",
		"scottish", "welsh", "indian", "chinese", "african", "caribbean", "filipino", "nigerian", "ghanaian", "portuguese",
		"mayor", "mp", "senator", "councillor", "councilor", "governor", "footballer", "weatherman", "premier", "league", "olympic",
		"olympian", "paralympic", "paralympian", "celebrity", "i'm", "i've", "i'll", "i'd"},
})

var spanish = language{
	code:          "es",
	patientTitles: []string{"sr", "sra", "srta", "señor", "señora", "señorita", "senor", "senora", "senorita", "don", "doña", "dona", "dña", "d"},
	staffTitles: []string{"dr", "dra", "doctor", "doctora", "enfermera", "enfermero", "sor", "supervisora", "supervisor", "matrona",
		"auxiliar", "celador", "celadora", "padre"},
	patientNouns: []string{"paciente", "pacientes", "residente", "residentes", "enfermo", "enferma", "ingresado", "ingresada", "usuario", "usuaria"},
	personNouns: []string{"hombre", "mujer", "señor", "señora", "senor", "senora", "niño", "niña", "nino", "nina", "bebé", "bebe", "abuelo",
		"abuela", "abuelito", "abuelita", "chico", "chica", "muchacho", "muchacha", "anciano", "anciana", "viejito", "viejita",
		"pequeño", "pequeña", "peque", "joven", "caballero", "persona"},
	places: []string{"cama", "camas", "habitación", "habitacion", "hab", "cuarto", "box", "boxes", "camilla", "sillón", "sillon",
		"cuna", "incubadora", "cubículo", "cubiculo", "puesto", "sala"},
	numbers: map[string]int{"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
		"nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
		"diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30},
	relations: []string{"esposa", "esposo", "marido", "mujer", "hija", "hijo", "hijas", "hijos", "madre", "padre", "mamá", "mama",
		"papá", "papa", "hermano", "hermana", "nieto", "nieta", "nietos", "abuelo", "abuela", "tío", "tio", "tía", "tia", "sobrino",
		"sobrina", "pareja", "novio", "novia", "cuidador", "cuidadora", "primo", "prima", "viuda", "viudo", "familia", "familiares",
		"yerno", "nuera", "suegra", "suegro", "padres", "amiga", "amigo"},
	relationOwners: []string{"su", "sus", "del paciente", "de la paciente", "de la señora", "del señor"},
	writerOwners:   []string{"mi", "mis", "tu", "tus", "nuestra", "nuestro", "nuestras", "nuestros"},
	events: []string{"la trajeron", "lo trajeron", "le trajeron", "vino a urgencias", "estuvo ingresada", "estuvo ingresado",
		"se fue a casa", "se va a casa", "volvió a casa", "prótesis de cadera", "prótesis de rodilla", "colonoscopia", "endoscopia",
		"cesárea", "cesarea", "transfusión", "sesión de quimio", "ingresó", "ingreso", "ingresado", "ingresada", "ingresaron", "reingreso", "alta", "dado de alta", "dada de alta",
		"diagnosticado", "diagnosticada", "diagnóstico", "diagnostico", "operado", "operada", "operación", "operacion", "cirugía",
		"cirugia", "intervención", "quimio", "quimioterapia", "radioterapia", "diálisis", "dialisis", "trasplante", "intubado",
		"intubada", "sedado", "sedada", "paliativos", "cuidados paliativos", "falleció", "fallecio", "murió", "murio", "se mejore",
		"que se mejore", "mejórate", "mejorate", "recuperándose", "recuperandose", "recuperación", "como paciente", "en la uci",
		"en urgencias", "se cayó", "se cayo", "caída", "caida", "dio a luz", "nació", "nacio", "parto", "hospitalizado", "hospitalizada"},
	cues: []string{"paciente", "pacientes", "familia", "familiares", "visita", "visitas", "cama", "ingreso", "medicación", "medicacion",
		"suero", "vía", "dolor", "confuso", "confusa", "quirófano", "quirofano", "urgencias", "planta", "uci", "habitación",
		"habitacion", "bebé", "niño", "niña", "mamá", "papá", "hija", "hijo", "esposa", "esposo",
		"marido", "asustado", "asustada", "lloraba", "llorando", "mano", "cumpleaños", "casa", "alta", "oxígeno", "oxigeno", "silla de ruedas"},
	diagnoses: []string{"herida de bala", "apuñalado", "apuñalada", "aneurisma", "melanoma", "pancreatitis", "vesícula", "vesicula",
		"apendicitis", "cálculos", "anafilaxia", "crisis de ansiedad", "cáncer", "cancer", "leucemia", "linfoma", "tumor", "ictus", "derrame", "infarto", "demencia", "alzheimer",
		"párkinson", "parkinson", "sepsis", "covid", "neumonía", "neumonia", "fractura", "cadera rota", "diabetes", "diabético",
		"diabética", "epilepsia", "convulsiones", "sobredosis", "vih", "sida", "hepatitis", "tuberculosis", "meningitis", "quemaduras",
		"amputación", "autismo", "esquizofrenia", "depresión", "insuficiencia renal", "insuficiencia cardiaca", "coma", "prematuro",
		"prematura", "ictericia", "bronquiolitis", "gripe", "infección", "infeccion", "úlcera", "ulcera", "trombo", "embolia"},
	services: []string{"unidad", "planta", "equipo", "servicio", "consulta", "clínica", "clinica", "formación", "formacion", "curso",
		"taller", "semana", "día", "dia", "mes", "sala"},
	roles: []string{"enfermera", "enfermero", "enfermeras", "enfermeros", "médico", "medico", "médica", "medica", "doctora", "doctor",
		"auxiliar", "auxiliares", "tcae", "celador", "celadora", "celadores", "limpieza", "cocina", "farmacia", "farmacéutica",
		"farmacéutico", "fisio", "fisioterapeuta", "fisioterapia", "administrativa", "administrativo", "recepción", "recepcion",
		"secretaria", "supervisora", "supervisor", "jefa", "jefe", "directora", "director", "coordinadora", "coordinador", "gerente", "compañera", "compañero", "compañeras", "compañeros", "equipo",
		"residente de", "mir", "eir", "estudiante", "voluntaria", "voluntario", "mantenimiento", "seguridad", "lavandería",
		"capellán", "trabajadora social", "trabajador social", "matrona", "técnico", "técnica", "personal", "turno de noche",
		"recursos humanos", "rrhh", "administración", "administracion", "contabilidad", "nóminas", "nominas", "informática",
		"informatica", "sistemas", "calidad", "docencia", "dirección", "direccion", "gerencia", "suministros", "compras",
		"almacén", "almacen", "admisión", "admision", "archivo", "trabajo social", "atención al paciente", "radiología",
		"radiologia", "laboratorio", "esterilización", "esterilizacion", "intérprete", "interprete", "intérpretes",
		"capellanía", "capellania", "transporte", "camillero", "camilleros", "electricista", "secretaría", "secretaria de planta"},
	addressed: []string{"gracias", "muchas gracias", "mil gracias", "querida", "querido", "queridas", "queridos", "hola", "para",
		"felicidades", "enhorabuena", "bravo", "a", "de", "de parte de", "con cariño", "un abrazo", "besos", "saludos", "bienvenida",
		"bienvenido", "feliz cumpleaños", "feliz jubilación"},
	agentVerbs: []string{"se quedó", "ayudó", "ayuda", "cubrió", "cuidó", "cuida", "trajo", "hizo", "hace", "explicó", "organizó",
		"enseñó", "arregló", "limpió", "cocinó", "trabajó", "trabaja", "vino", "siempre", "nunca", "tú", "eres"},
	careVerbs: []string{"acompañó a", "acompañando a", "cuidó a", "cuidando a", "cuidaste a", "atendió a", "atendiendo a", "atendiste a",
		"ayudó a", "ayudando a", "ayudaste a", "calmó a", "calmaste a", "bañó a", "visitó a", "ingresó a", "cuidar a", "cuidar de",
		"atender a", "acompañar a", "ayudar a", "calmar a", "bañar a", "visitar a", "cantarle a", "consolar a", "consolaste a",
		"tratar a", "tratando a", "trató a", "trataste a", "operar a", "operó a", "operaron a", "operando a", "curar a", "curó a", "dializar a"},
	careWeak: []string{"con", "para", "a"},
	labels: map[Kind][]string{
		KindRecordNumber: {"historia", "historia clínica", "historia clinica", "número de historia", "numero de historia",
			"nº de historia", "n de historia", "nhc", "expediente", "número de expediente", "numero de expediente", "nº de expediente",
			"n de expediente", "exp", "registro", "número de paciente", "id del paciente", "sip", "cip", "número de episodio", "episodio"},
		KindBirthDate: {"fecha de nacimiento", "f nac", "fnac", "f de nac", "nacido el", "nacida el", "nació el", "nacio el",
			"nacido en", "nacida en", "nació en", "nacio en", "nacimiento", "fecha nac", "cumpleaños", "cumple"},
		KindSSN: {"seguro social", "número de seguro social", "numero de seguro social", "nss", "naf", "dni", "nie", "nif",
			"número de la seguridad social", "seguridad social", "curp", "rfc", "cédula", "cedula"},
		KindMemberID: {"tarjeta sanitaria", "número de afiliación", "numero de afiliacion", "afiliación", "afiliacion", "afiliado",
			"póliza", "poliza", "número de póliza", "numero de poliza", "mutua", "seguro", "aseguradora", "tsi", "nuss"},
		KindPlate:     {"matrícula", "matricula", "placa", "placas", "patente", "coche", "carro", "auto", "furgoneta"},
		KindPhone:     {"llamar", "llama", "llamó", "llamad", "teléfono", "telefono", "tel", "móvil", "movil", "celular", "número", "numero", "whatsapp"},
		KindHandle:    {"instagram", "insta", "tiktok", "facebook", "twitter", "usuario", "perfil", "cuenta"},
		KindAddress:   {"vive en", "domicilio", "dirección", "direccion", "calle", "c", "avenida", "avda", "plaza", "pza", "paseo", "camino", "carrera", "código postal", "cp", "piso", "portal"},
		KindAdmission: {"ingresó el", "ingreso el", "ingresado el", "ingresada el", "fecha de ingreso", "ingreso", "ingresó", "ingresado", "ingresada", "alta el", "dado de alta el", "dada de alta el", "desde el"},
	},
	notIDLabels:  []string{"orden de trabajo", "ot", "incidencia", "ticket", "referencia", "ref", "extensión", "extension", "busca", "código", "codigo", "turno", "pedido", "factura"},
	serviceLines: []string{"línea", "linea", "teléfono de ayuda", "centralita", "atención", "atencion", "servicio", "apoyo", "bienestar", "seguridad", "mantenimiento", "recepción", "oficina"},
	months: map[string]int{"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
		"julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12},
	streetBefore: []string{"calle", "c", "avenida", "avda", "av", "plaza", "pza", "paseo", "camino", "carrera", "ronda", "travesía", "travesia", "glorieta", "callejón", "urbanización", "urb", "barrio", "colonia", "col"},
	rare:         []string{"gemelos", "gemelas", "mellizos", "mellizas", "trillizos", "trillizas", "cuatrillizos", "centenaria", "centenario", "el único", "la única", "el más mayor", "la más mayor", "la mayor", "el mayor", "el más joven", "la más joven", "el primer bebé", "la primera bebé", "salió en las noticias", "famoso", "famosa"},
	celebrations: []string{"cumpleaños", "cumple", "feliz", "felicidades", "jubilación", "jubilacion", "se jubila", "jubilarse", "aniversario", "celebrar", "fiesta", "tarta"},
	ageUnits:     []string{"años", "anos", "año", "años de edad", "a"},
	staffPlaces:  []string{"suministros", "material", "lactancia", "enseñar", "enseñarnos", "clase", "taller", "simulación", "descanso", "reuniones", "reunión", "formación", "personal", "estar", "sesiones", "juntas", "espera", "curas", "almacén", "almacen", "limpio", "sucio", "café", "cafe", "oración"},
	equipment:    []string{"timbre", "freno", "frenos", "monitor", "ultrasonido", "ecógrafo", "ecografo", "máquina", "maquina", "carro", "carro de paradas", "desfibrilador", "impresora", "nevera", "armario", "estantería", "bomba", "colchón", "colchon", "barandilla", "barandillas", "luz", "televisión", "tele", "mando", "puerta", "ventana", "enchufe", "oxígeno", "aspirador", "arreglado", "arreglada", "arreglar", "limpieza", "reparado", "rota", "roto", "averiado", "averiada", "nueva", "nuevo", "libre", "vacía", "vacia", "lista", "preparada"},
	notNames:     []string{"planta", "unidad", "equipo", "hospital", "enfermera", "enfermero", "doctora", "paciente", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "navidad", "gracias", "querida", "querido", "feliz", "hola", "urgencias", "cama", "habitación", "sala", "señor", "señora", "don", "doña", "san", "santa", "bueno", "buena", "vale", "digo", "perdón", "perdon", "ojo", "de", "la", "el", "los", "las", "del", "y", "mi", "su", "tu"},
}

var french = language{
	code:           "fr",
	patientTitles:  []string{"m", "mme", "mlle", "monsieur", "madame", "mademoiselle"},
	staffTitles:    []string{"dr", "docteur", "infirmière", "infirmier", "pr", "professeur", "sœur", "soeur", "cadre"},
	patientNouns:   []string{"patient", "patiente", "patients", "patientes", "résident", "résidente", "malade"},
	personNouns:    []string{"homme", "femme", "dame", "monsieur", "enfant", "bébé", "bebe", "petit", "petite", "garçon", "fille", "mamie", "papi", "personne"},
	places:         []string{"lit", "lits", "chambre", "box", "brancard", "fauteuil", "berceau", "couveuse"},
	numbers:        map[string]int{"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20},
	relations:      []string{"femme", "mari", "épouse", "epouse", "époux", "fille", "fils", "mère", "mere", "père", "pere", "frère", "frere", "sœur", "soeur", "petit-fils", "petite-fille", "grand-mère", "grand-père", "oncle", "tante", "neveu", "nièce", "conjoint", "conjointe", "famille"},
	relationOwners: []string{"sa", "son", "ses", "leur", "leurs"},
	writerOwners:   []string{"ma", "mon", "mes", "ta", "ton", "tes", "notre", "nos", "votre", "vos"},
	events:         []string{"hospitalisé", "hospitalisée", "admis", "admise", "opéré", "opérée", "sorti", "sortie", "décédé", "décédée", "diagnostiqué", "diagnostiquée", "chimio", "dialyse", "greffe", "en réanimation", "aux urgences"},
	cues:           []string{"patient", "patiente", "famille", "visite", "lit", "chambre", "douleur", "perfusion", "urgences", "réanimation", "bloc"},
	diagnoses:      []string{"cancer", "leucémie", "avc", "démence", "alzheimer", "parkinson", "septicémie", "pneumonie", "fracture", "diabète", "infarctus", "épilepsie", "tumeur"},
	services:       []string{"service", "unité", "équipe", "formation", "consultation"},
	roles:          []string{"infirmière", "infirmier", "aide-soignante", "aide-soignant", "médecin", "pharmacie", "brancardier", "cadre", "secrétaire", "collègue", "équipe", "interne", "externe", "kiné", "ash"},
	addressed:      []string{"merci", "merci beaucoup", "chère", "cher", "bravo", "félicitations", "bonjour", "à", "pour", "de la part de"},
	agentVerbs:     []string{"reste", "resté", "restée", "aidé", "aide", "toujours", "tu", "vous"},
	careVerbs:      []string{"soigné", "soigner", "accompagné", "rassuré"},
	careWeak:       []string{"avec", "pour"},
	labels: map[Kind][]string{
		KindRecordNumber: {"dossier", "numéro de dossier", "n° de dossier", "ipp", "nip", "numéro patient", "n° patient", "nda"},
		KindBirthDate:    {"né le", "née le", "ne le", "nee le", "date de naissance", "ddn", "né en", "née en", "naissance"},
		KindSSN:          {"sécurité sociale", "securite sociale", "numéro de sécurité sociale", "nir", "insee"},
		KindMemberID:     {"carte vitale", "mutuelle", "numéro d'adhérent", "adhérent"},
		KindPlate:        {"plaque", "immatriculation", "voiture"},
		KindPhone:        {"appeler", "appelez", "téléphone", "telephone", "portable", "tél"},
		KindAddress:      {"habite", "habite au", "adresse", "domicile", "rue", "avenue", "boulevard", "bd", "chemin", "allée", "impasse", "place"},
		KindAdmission:    {"admis le", "admise le", "hospitalisé le", "hospitalisée le", "entré le", "entrée le", "date d'admission"},
	},
	notIDLabels:  []string{"bon de travail", "ticket", "référence", "poste", "bip"},
	serviceLines: []string{"ligne", "standard", "service", "accueil"},
	months:       map[string]int{"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12},
	streetBefore: []string{"rue", "avenue", "av", "boulevard", "bd", "chemin", "allée", "allee", "impasse", "place", "quai", "route", "cours"},
	rare:         []string{"jumeaux", "jumelles", "triplés", "triplées", "centenaire", "le seul", "la seule", "le plus âgé", "la plus âgée"},
	celebrations: []string{"anniversaire", "retraite", "joyeux", "fête"},
	ageUnits:     []string{"ans", "an"},
	staffPlaces:  []string{"pause", "réunion", "repos", "personnel", "staff", "formation"},
	equipment:    []string{"sonnette", "moniteur", "pompe", "matelas", "lumière", "porte", "fenêtre", "réparé", "réparée", "nettoyé", "nettoyée", "libre"},
	notNames:     []string{"merci", "bravo", "chère", "cher", "service", "équipe", "hôpital", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "noël", "le", "la", "les", "du", "de", "des", "et", "un", "une"},
}
