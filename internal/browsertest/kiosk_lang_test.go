package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func setRoomLanguage(t *testing.T, app core.App, lang string) {
	t.Helper()
	room, err := app.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	room.Set(s.RoomLanguage, lang)
	if err := app.Save(room); err != nil {
		t.Fatal(err)
	}
}

// TestScreenSpeaksItsRoomsLanguage: a room set to Spanish has a Spanish
// screen whatever the TV's browser says: <html lang="es">, the setup note
// (the test server's address is not one phones can reach), the clock (12-hour, "p. m.") and the date in Spanish, cards
// approved live in Spanish; a room set to en+es alternates at every card.
func TestScreenSpeaksItsRoomsLanguage(t *testing.T) {
	browsertest.LooksOnly(t)
	srv := browsertest.StartServer(t)
	seedKiosk(t, srv.App)
	setRoomLanguage(t, srv.App, s.RoomLanguageES)
	ctx := browsertest.NewBrowser(t, 1920, 1080)
	openKiosk(t, ctx, srv.URL+"/kiosk/"+s.DefaultRoomSlug)

	var got struct {
		Lang, Calls, Privacy, Clock, Date string
	}
	waitFor(t, ctx, "a Spanish note card", `(function (el) { return !!el && el.getAttribute('data-kind') === 'note' && /Gracias/.test(el.textContent) && /Para /.test(el.textContent); })(document.querySelector('.kcard.active'))`)
	browsertest.Run(t, ctx, chromedp.Evaluate(`({
		Lang: document.documentElement.lang,
		Calls: document.querySelector('.codes h2, .codes figcaption strong').textContent,
		Privacy: document.querySelector('.privacy').textContent,
		Clock: document.getElementById('clock').textContent,
		Date: document.getElementById('date').textContent
	})`, &got))
	if got.Lang != "es" || got.Calls != "Casi listo" || got.Privacy != "Nunca incluya datos de pacientes." {
		t.Errorf("Spanish room's screen: %+v", got)
	}
	var clockOK, dateOK bool
	browsertest.Run(t, ctx,
		chromedp.Evaluate(`/^\d{1,2}:\d\d\u00a0[ap]\.\u00a0m\.$/.test(document.getElementById('clock').textContent)`, &clockOK),
		chromedp.Evaluate(`/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)$/.test(document.getElementById('date').textContent)`, &dateOK))
	if !clockOK || !dateOK {
		t.Errorf("clock %q, date %q: want the 12-hour es-US clock and a Spanish date", got.Clock, got.Date)
	}

	// a note approved now arrives in Spanish too (the push carries every room language)
	pending := seedPendingNote(t, srv)
	api(t, srv, "PATCH", "/api/collections/notes/records/"+pending, `{"status":"approved"}`)
	waitFor(t, ctx, "the approved note, in Spanish", `(function () {
		var el = document.querySelector('.kcard[data-id="`+pending+`"]');
		return !!el && el.textContent.indexOf('Para') >= 0 && el.textContent.indexOf('Gracias') >= 0;
	})()`)
	browsertest.Screenshot(t, ctx, "es-kiosk-1920")

	// en+es: the screen alternates at each card
	setRoomLanguage(t, srv.App, s.RoomLanguageBoth)
	openKiosk(t, ctx, srv.URL+"/kiosk/"+s.DefaultRoomSlug+"?dwell=3")
	waitFor(t, ctx, "English first", `document.documentElement.lang === 'en' && document.querySelector('.privacy').textContent === 'Please never include patient details.'`)
	waitFor(t, ctx, "then Spanish", `document.documentElement.lang === 'es' && document.querySelector('.privacy').textContent === 'Nunca incluya datos de pacientes.' &&
		/Gracias|Acompáñenos/.test(document.querySelector('.kcard.active').textContent)`)
	waitFor(t, ctx, "then English again", `document.documentElement.lang === 'en' && document.querySelector('.privacy').textContent === 'Please never include patient details.' &&
		/Thank you|Join us/.test(document.querySelector('.kcard.active').textContent)`)
}

// seedPendingNote adds a pending note to the break room and returns its id.
func seedPendingNote(t *testing.T, srv *browsertest.Server) string {
	t.Helper()
	room, err := srv.App.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug)
	if err != nil {
		t.Fatal(err)
	}
	col, err := srv.App.FindCollectionByNameOrId(s.Notes)
	if err != nil {
		t.Fatal(err)
	}
	rec := core.NewRecord(col)
	rec.Set(s.NoteTo, "Rosa en limpieza")
	rec.Set(s.NoteBody, "Gracias por cuidar cada detalle del piso.")
	rec.Set(s.FieldRoom, room.Id)
	rec.Set(s.FieldStatus, s.StatusPending)
	if err := srv.App.Save(rec); err != nil {
		t.Fatal(err)
	}
	return rec.Id
}
