package organise_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestOrganiseInSpanish: the organisers' pages follow the phone pages'
// language choice; errors, dates (CLDR, 12-hour clock), the zone note and
// plural counts are Spanish, and nothing English is left.
func TestOrganiseInSpanish(t *testing.T) {
	es := func(more ...string) map[string]string {
		h := map[string]string{"Accept-Language": "es-US"}
		for i := 0; i+1 < len(more); i += 2 {
			h[more[i]] = more[i+1]
		}
		return h
	}
	scenarios := []tests.ApiScenario{
		{Name: "the list", Method: http.MethodGet, URL: "/organise", Headers: es(), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<html lang="es"`, "Organizar eventos", "Las horas están en la zona horaria del hospital: America/New_York (", "ahora).",
				"Nuevo evento", "Próximos", "Publicado", "Borrador", "de 20 lugares ocupados", "\u00a0m.</time>", "Cerrar sesión"},
			NotExpectedContent: []string{"Coming up", "seats taken", "signed in as", " now)"}},
		{Name: "a new event with errors", Method: http.MethodPost, URL: "/organise/events",
			Headers: es("Content-Type", "application/x-www-form-urlencoded"),
			Body:    kktest.Form(validEvent("title", "", "ends", "2030-12-03T18:00", "capacity", "doce")...), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Error: Nuevo evento", "Revise los campos marcados abajo.", "Escriba el título",
				"El final debe ser posterior al inicio (mar, 3 dic 2030, 7:00 p.\u00a0m.).", "Indique el número de lugares como un número entero",
				`value="doce"`, "Publicado: en la lista de eventos y en las pantallas", "Crear el evento"},
			NotExpectedContent: []string{"Please", "The end must"}},
		{Name: "lowering seats below the confirmed count", Method: http.MethodPost, URL: "/organise/events/" + evID,
			Headers: es("Content-Type", "application/x-www-form-urlencoded"),
			Body:    kktest.Form(validEvent("title", "Schwartz Rounds", "capacity", "1")...), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Ya hay 2 personas confirmadas, así que la capacidad no puede ser menor que 2."}},
		{Name: "the event page", Method: http.MethodGet, URL: "/organise/events/" + evID + "?done=saved", Headers: es(), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Cambios guardados.", "Cuándo", "Asistentes", "Descargar la lista (CSV)", "Confirmado", "se inscribió el",
				"Cancelar este evento", "Pantallas: todas las salas."},
			NotExpectedContent: []string{"Attendees", "signed up"}},
	}
	for _, sc := range scenarios {
		sc.TestAppFactory = kktest.Factory(seed)
		sc.BeforeTestFunc = stafftest.SignedIn(organiser)
		sc.Test(t)
	}
}
