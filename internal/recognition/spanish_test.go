package recognition_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/recognition"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestRecognitionInSpanish: the nomination pages, the nominee's copy, the
// card and the huddle sheet speak the reader's language (dates with the
// year in Spanish words, "Un colega" for an anonymous writer, <html lang>
// of the printed pages), and nothing English is left on them.
func TestRecognitionInSpanish(t *testing.T) {
	app := kktest.NewApp(t)
	w := seed(t, app)
	col, _ := app.FindCollectionByNameOrId(s.Nominations)
	nom := core.NewRecord(col)
	nom.Load(map[string]any{"note": w.forWest.Id, "award": "DAISY", "nominee": "Dr Lee", "unit": "4 West", "reason": "Se quedó dos horas más"})
	if err := app.Save(nom); err != nil {
		t.Fatal(err)
	}
	cookie := stafftest.Cookie(t, stafftest.Account(t, app, "mod@hospital.example", s.RoleModerate))
	h := kktest.Handler(t, app)
	get := func(url string) (int, string) {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Cookie", cookie+"; lang=es")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	month := map[time.Month]string{1: "enero", 2: "febrero", 3: "marzo", 4: "abril", 5: "mayo", 6: "junio", 7: "julio",
		8: "agosto", 9: "septiembre", 10: "octubre", 11: "noviembre", 12: "diciembre"}[time.Now().Month()]
	pages := []struct {
		url       string
		want, not []string
	}{
		{"/moderate/notes/" + w.forWest.Id + "/nominate", []string{`<html lang="es"`, "Nominar para un premio", "Persona nominada", "Guardar la nominación", "— <span dir=\"auto\">Un colega</span>"},
			[]string{"Nominee", "A colleague", "Save the nomination"}},
		{"/moderate/nominations", []string{"Nominaciones (1)", "Copia imprimible para la persona nominada", "de la nota para", " de " + month + " de "},
			[]string{"Printable copy", "from the note for"}},
		{"/moderate/nominations/" + nom.Id + "/copy", []string{`<html lang="es"`, "Le han nominado para el premio DAISY", "Nominación del ", "Imprimir"},
			[]string{"You have been nominated", "Print (Ctrl+P): laid"}},
		{"/notes/" + w.forWest.Id + "/card", []string{`<html lang="es"`, "Un agradecimiento para", "Un colega</span>, ", " de " + month + " de "},
			[]string{"A thank-you for", "A colleague"}},
		{"/rooms/4-west/huddle", []string{`<html lang="es"`, "Agradecimientos para 4 West", "2 notas", "Léalas en voz alta con cuidado"},
			[]string{"Thank-yous for", "Read aloud"}},
	}
	for _, p := range pages {
		code, body := get(p.url)
		if code != http.StatusOK {
			t.Errorf("%s: %d", p.url, code)
			continue
		}
		for _, want := range p.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q in %.600s", p.url, want, body)
			}
		}
		for _, not := range p.not {
			if strings.Contains(body, not) {
				t.Errorf("%s still says %q", p.url, not)
			}
		}
	}
}

// TestUnitDigestInTheRoomsLanguage: a room whose screen speaks Spanish
// gets its weekly digest in Spanish; the text part too.
func TestUnitDigestInTheRoomsLanguage(t *testing.T) {
	app := kktest.NewApp(t)
	w := seed(t, app)
	w.west.Set(s.RoomLanguage, s.RoomLanguageES)
	if err := app.Save(w.west); err != nil {
		t.Fatal(err)
	}
	settings := app.Settings()
	settings.SMTP.Enabled, settings.SMTP.Host = true, "127.0.0.1"
	if err := app.Save(settings); err != nil {
		t.Fatal(err)
	}
	row, err := app.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingUnitDigest, true)
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	if n, err := recognition.SendDigests(app, time.Now()); err != nil || n != 1 {
		t.Fatalf("digest: %d sent, %v", n, err)
	}
	msg := app.TestMailer.LastMessage()
	if msg.Subject != "Agradecimientos para 4 West esta semana (2)" {
		t.Errorf("subject %q", msg.Subject)
	}
	for _, want := range []string{"Los agradecimientos aprobados de esta semana para", "Para Dr Lee and the 4 West night team", "Imprímalos para la reunión de equipo:", "— Un colega"} {
		if !strings.Contains(msg.Text, want) || !strings.Contains(msg.HTML, want) {
			t.Errorf("digest lacks %q:\n%s\n%s", want, msg.Text, msg.HTML)
		}
	}
	if strings.Contains(msg.HTML+msg.Text, "This week") || strings.Contains(msg.HTML+msg.Text, "A colleague") {
		t.Errorf("English left in the Spanish digest:\n%s", msg.HTML)
	}
}
