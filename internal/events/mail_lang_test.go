package events_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestMailInTheSignupsLanguage: a person who signs up on the Spanish page
// gets every e-mail in Spanish (confirmation, promotion, cancellation),
// with the date in Spanish words and a 12-hour clock; the language is
// kept on the sign-up (signups.language). A sign-up without one (the REST
// API, the dashboard, before the field) gets English.
func TestMailInTheSignupsLanguage(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	ev := newEvent(t, app, map[string]any{s.EventTitle: "Coro pequeño", s.EventCapacity: 1})

	english := mustSignUp(t, app, ev.Id, "Ana", "ana@hospital.example") // no page language
	expectMail(t, app.TestMailer.LastMessage(), "ana@hospital.example", "Your sign-up: Coro pequeño", "Hello,", "confirmed: your seat is booked")

	sc := tests.ApiScenario{Name: "sign up from the Spanish page", Method: http.MethodPost, URL: "/events/" + ev.Id + "/signup",
		Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Cookie": "lang=es"},
		Body:    kktest.Form("name", "Beto", "email", "beto@hospital.example"), ExpectedStatus: http.StatusSeeOther,
		TestAppFactory: func(testing.TB) *tests.TestApp { return app }, DisableTestAppCleanup: true}
	sc.Test(t)
	beto, err := app.FindFirstRecordByData(s.Signups, s.SignupEmail, "beto@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	if got := beto.GetString(s.SignupLanguage); got != "es" {
		t.Errorf("signups.language = %q, want es", got)
	}
	m := app.TestMailer.LastMessage()
	expectMail(t, m, "beto@hospital.example", "Su inscripción: Coro pequeño", "Hola:", "lista de espera con el número 1", "Su inscripción")
	if !strings.Contains(m.Text, "\u00a0m.") || strings.Contains(m.HTML+m.Text, "your calendar") || strings.Contains(m.Text, "Hello") {
		t.Errorf("Spanish mail without the 12-hour Spanish clock, or with English:\n%s\n%s", m.HTML, m.Text)
	}

	// Ana gives up her seat: Beto is promoted, in Spanish
	if _, err := events.Cancel(app, english.GetString(s.SignupToken)); err != nil {
		t.Fatal(err)
	}
	expectMail(t, app.TestMailer.LastMessage(), "beto@hospital.example", "Ya tiene un lugar: Coro pequeño", "Buenas noticias")

	// the event is cancelled: Beto hears it in Spanish
	before := app.TestMailer.TotalSend()
	ev.Set(s.FieldStatus, s.StatusCancelled)
	if err := app.Save(ev); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for app.TestMailer.TotalSend() < before+1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	expectMail(t, app.TestMailer.LastMessage(), "beto@hospital.example", "Cancelado: Coro pequeño", "este evento se canceló")
}
