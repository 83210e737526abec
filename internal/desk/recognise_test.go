package desk_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestApprovedNoteOffersCardAndNomination (issue 13): right after a
// moderator approves a note, the desk offers its printable card and a
// nomination; a rejected note or an approved story offers neither.
func TestApprovedNoteOffersCardAndNomination(t *testing.T) {
	app := kktest.NewApp(t)
	seed(t, app)
	cookie := stafftest.Cookie(t, stafftest.Account(t, app, "second.mod@hospital.example", s.RoleModerate))
	h := kktest.Handler(t, app)
	do := func(method, url string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, url, nil)
		req.Header.Set("Cookie", cookie)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, url := range []string{"/moderate/notes/" + cleanNote + "/approve", "/moderate/notes/" + flaggedNote + "/reject", "/moderate/stories/" + story + "/approve"} {
		if res := do(http.MethodPost, url); res.Code != http.StatusSeeOther {
			t.Fatalf("POST %s: %d", url, res.Code)
		}
	}
	page := do(http.MethodGet, "/moderate").Body.String()
	for _, want := range []string{`href="/notes/` + cleanNote + `/card"`, `href="/moderate/notes/` + cleanNote + `/nominate"`, `href="/moderate/nominations"`} {
		if !strings.Contains(page, want) {
			t.Errorf("desk lacks %s", want)
		}
	}
	for _, not := range []string{flaggedNote + "/card", story + "/card", flaggedNote + "/nominate"} {
		if strings.Contains(page, not) {
			t.Errorf("desk offers %s", not)
		}
	}
}
