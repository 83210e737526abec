package forms

import (
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
)

// OverLimit reports whether any of the named text fields of rec holds more
// than its collection allows, so the save is bound to fail validation.
//
// The REST guards check it before running the PHI guard: scanning costs
// about a microsecond a byte, and an 8 MB body that PocketBase's 32 MB API
// limit lets through took 8 s to scan only to be refused anyway.
func OverLimit(rec *core.Record, names ...string) bool {
	for _, name := range names {
		f, ok := rec.Collection().Fields.GetByName(name).(*core.TextField)
		if !ok {
			continue
		}
		limit := f.Max
		if limit == 0 {
			limit = 5000 // PocketBase's default for a text field without a max
		}
		if v := rec.GetString(name); len(v) > limit && utf8.RuneCountInString(v) > limit {
			return true
		}
	}
	return false
}
