package desk_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestDeskInSpanish: the desk follows the same language choice as the
// phone pages (the switch's cookie, else Accept-Language), with the
// switch on the page; the guard's findings, ages, dates and messages are
// Spanish too, and no English sentence of the desk is left.
func TestDeskInSpanish(t *testing.T) {
	es := map[string]string{"Accept-Language": "es-MX,es;q=0.9"}
	scenarios := []tests.ApiScenario{
		{Name: "the queue, from Accept-Language", Method: http.MethodGet, URL: "/moderate", Headers: es, ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="es"`, "<title>(3) Mesa de moderación", `<h1 id="desk-count">3 pendientes</h1>`,
				`<span class="phi-kind"> (el nombre de un paciente`, "Revise si hay datos de pacientes:</strong>",
				"Quien lo escribió vio la advertencia y lo envió de todos modos.", "para <strong dir=\"auto\">ICU family room</strong>",
				"ahora mismo", "— Un colega", ">Aprobar</button>", ">Rechazar</button>", ">Editar</a>", "Anuncios",
				`data-changed-other="La cola cambió ({n} pendientes): mostrarla"`, `href="/lang/en?next=%2Fmoderate"`},
			NotExpectedContent: []string{"Check for patient details", "just now", "A colleague", ">Approve</button>", "Oldest first"}},
		{Name: "the cookie wins over the browser", Method: http.MethodGet, URL: "/moderate",
			Headers: map[string]string{"Accept-Language": "en-US", "Cookie": "lang=es"}, ExpectedStatus: 200,
			ExpectedContent: []string{`<html lang="es"`, "3 pendientes"}},
		{Name: "a message after a redirect", Method: http.MethodGet, URL: "/moderate?m=undone", Headers: es, ExpectedStatus: 200,
			ExpectedContent: []string{"Deshecho: vuelve a estar en la cola."}},
		{Name: "edit: labels and a field error", Method: http.MethodPost, URL: "/moderate/notes/" + cleanNote + "/edit", Headers: map[string]string{
			"Accept-Language": "es", "Content-Type": "application/x-www-form-urlencoded"},
			Body: kktest.Form("to", "", "body", "Gracias", "from", ""), ExpectedStatus: 422,
			ExpectedContent: []string{"<title>Error: Editar antes de decidir", "Escriba el destinatario, por favor.", ">Mensaje</label>", ">De (vacío = anónimo)</label>"}},
		{Name: "announcements: a start that isn't a time", Method: http.MethodPost, URL: "/moderate/announcements", Headers: map[string]string{
			"Accept-Language": "es", "Content-Type": "application/x-www-form-urlencoded"},
			Body: kktest.Form("text", "Vacunas en el atrio", "starts", "mañana", "ends", "2030-01-15T21:30"), ExpectedStatus: 422,
			ExpectedContent: []string{"Indique el inicio como fecha y hora, p. ej.,", "Publicar el anuncio", "Ninguna marcada = todas las pantallas."}},
		{Name: "an announcement with patient details is refused in Spanish words", Method: http.MethodPost, URL: "/moderate/announcements", Headers: map[string]string{
			"Accept-Language": "es", "Content-Type": "application/x-www-form-urlencoded"},
			Body: kktest.Form("text", "Visiten a la Sra. Kowalski en la cama 12", "starts", "2030-01-15T19:00", "ends", "2030-01-15T21:30"), ExpectedStatus: 422,
			ExpectedContent: []string{"Parece que contiene datos de pacientes (", "Los anuncios van directamente a todas las pantallas"}},
		{Name: "a note or story that is gone", Method: http.MethodGet, URL: "/moderate/notes/nosuchnote00000/edit", Headers: es, ExpectedStatus: 404,
			ExpectedContent: []string{"Esa nota o historia ya no existe."}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(modEmail)
		sc.Test(t)
	}
}
