package records

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestGuardReadsOnce pins what keeps the note form at one PHI scan per
// post (issue 12 item 11): the form guards the record to decide what to
// answer, then the save's normalise-and-scan hook calls Guard again on
// the same text and must reuse that reading, not scan again. A changed
// text is scanned afresh.
func TestGuardReadsOnce(t *testing.T) {
	notes := core.NewBaseCollection(s.Notes)
	notes.Fields.Add(&core.TextField{Name: s.NoteTo, Max: 80}, &core.TextField{Name: s.NoteBody, Max: 600},
		&core.TextField{Name: s.NoteFrom, Max: 80}, &core.JSONField{Name: s.NoteFlags})
	rec := core.NewRecord(notes)
	rec.Set(s.NoteTo, "Ana")
	rec.Set(s.NoteBody, "  thank you  ")
	if found := Guard(rec); found != nil {
		t.Fatalf("a clean note: %v", found)
	}

	// a reading the scanner would never make: if Guard scanned again it
	// would be replaced by nil
	planted := map[string][]phi.Finding{s.NoteBody: {{Kind: "planted"}}}
	mark := rec.GetRaw(guardedKey).(guardMark)
	mark.found = planted
	rec.SetRaw(guardedKey, mark)

	if found := Guard(rec); len(found[s.NoteBody]) != 1 || found[s.NoteBody][0].Kind != "planted" {
		t.Errorf("Guard on unchanged text scanned again: %v", found)
	}
	rec.Set(s.NoteBody, "thank you for everything")
	if found := Guard(rec); found != nil {
		t.Errorf("Guard on changed text did not scan it: %v", found)
	}
}
