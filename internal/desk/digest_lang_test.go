package desk_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestDigestInTheModeratorsLanguage: a moderator who reads the desk in
// Spanish gets the "waiting for a moderator" digest in Spanish (the desk
// keeps moderators.language); one who never opened it gets English.
func TestDigestInTheModeratorsLanguage(t *testing.T) {
	app := digestApp(t, true)
	now := time.Now()
	second, err := app.FindAuthRecordByEmail(s.Moderators, "second.mod@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/moderate", nil)
	req.Header.Set("Cookie", stafftest.Cookie(t, second)+"; lang=es")
	h := kktest.Handler(t, app)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("desk: %d", rec.Code)
	}
	if second, _ = app.FindAuthRecordByEmail(s.Moderators, "second.mod@hospital.example"); second.GetString(s.ModeratorLanguage) != "es" {
		t.Fatalf("moderators.language = %q after reading the desk in Spanish", second.GetString(s.ModeratorLanguage))
	}
	// the session still works after the write (no token invalidated)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "3 pendientes") {
		t.Fatalf("desk again: %d", rec.Code)
	}

	if !send(t, app, now.Add(31*time.Minute)) {
		t.Fatal("no digest after 31 minutes")
	}
	got := map[string][2]string{}
	for _, m := range app.TestMailer.Messages() {
		got[m.To[0].Address] = [2]string{m.Subject, m.HTML}
	}
	if es := got["second.mod@hospital.example"]; es[0] != "3 notas e historias esperan a un moderador" ||
		!strings.Contains(es[1], "3 notas e historias esperan en la mesa de moderación; 3 desde hace un rato (la más antigua, 31 min).") ||
		!strings.Contains(es[1], "Abra la mesa") {
		t.Errorf("Spanish digest: %q\n%s", es[0], es[1])
	}
	if en := got[modEmail]; en[0] != "3 notes and stories waiting for a moderator" {
		t.Errorf("English digest: %q", en[0])
	}
}
