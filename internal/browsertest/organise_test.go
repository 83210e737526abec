package browsertest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
	"github.com/kindness-coalition/kindness-kiosk/internal/staff/stafftest"
)

// TestOrganiserEventInLocalTime (issue 9 item 3): an organiser (a
// `moderators` account with the organise role, not a superuser) signs in
// on a phone, creates an event by typing "7:00 PM" in the hospital's zone
// (New York, whatever the browser's or server's zone), sees 19:00 on
// /events and on a break-room screen, then cancels it at a desktop: the
// screen drops the card without a reload and the attendee's own page
// says the event is cancelled. Screenshots: docs/screenshots/organise-*.png
// (KK_SCREENSHOTS).
func TestOrganiserEventInLocalTime(t *testing.T) {
	// a base URL phones could reach, so the screen shows its codes
	srv := browsertest.StartServerWith(t, browsertest.Options{AppURL: publicURL})
	row, err := srv.App.FindFirstRecordByFilter(s.Settings, "")
	if err != nil {
		t.Fatal(err)
	}
	row.Set(s.SettingTimezone, "America/New_York")
	// no quiet hours: the screen's screenshot shows the day palette whenever the test runs
	row.Set(s.SettingQuietStart, "")
	row.Set(s.SettingQuietEnd, "")
	if err := srv.App.Save(row); err != nil {
		t.Fatal(err)
	}
	olu := stafftest.Account(t, srv.App, "olu.organiser@hospital.example", s.RoleOrganise)
	olu.Set(s.ModeratorName, "Olu Adeyemi")
	if err := srv.App.Save(olu); err != nil {
		t.Fatal(err)
	}

	// ten days ahead, as a New York date
	ny, _ := time.LoadLocation("America/New_York")
	day := time.Now().In(ny).AddDate(0, 0, 10)
	typed := day.Format("01022006") + kb.Tab + "0700PM" // en-US datetime-local: mm dd yyyy, hh mm AM/PM
	wantDay := day.Format("Mon 2 Jan")

	// --- phone: sign in, create the event ---
	phone := browsertest.NewBrowser(t, 390, 844)
	browsertest.Run(t, phone, chromedp.Navigate(srv.URL+"/organise"), chromedp.WaitVisible("#password", chromedp.ByID))
	organiserSignIn(t, phone, "olu.organiser@hospital.example")
	waitFor(t, phone, "the organisers' page", `location.pathname === '/organise' && !!document.querySelector('a[href="/organise/events/new"]')`)
	browsertest.CheckPhoneLayout(t, phone)
	browsertest.Screenshot(t, phone, "organise-list-empty-phone")

	browsertest.Run(t, phone, chromedp.Click(`a[href="/organise/events/new"]`, chromedp.ByQuery), chromedp.WaitVisible("#starts", chromedp.ByID))
	browsertest.CheckPhoneLayout(t, phone)
	// a first try without a title: the message sits by the field, the time is kept
	browsertest.Run(t, phone,
		chromedp.Focus("#starts", chromedp.ByID), chromedp.KeyEvent(typed),
		chromedp.SendKeys("#place", "Atrium, level 1", chromedp.ByID),
		chromedp.SetValue("#capacity", "1", chromedp.ByID),
		chromedp.SendKeys("#description", "Tea, cake and **thank-you cards**.", chromedp.ByID),
		chromedp.Submit("form.organise-form", chromedp.ByQuery),
	)
	waitFor(t, phone, "the title's message", `!!document.getElementById('err-title')`)
	var startsKept, placeKept string
	browsertest.Run(t, phone, chromedp.Value("#starts", &startsKept, chromedp.ByID), chromedp.Value("#place", &placeKept, chromedp.ByID))
	if startsKept != day.Format("2006-01-02")+"T19:00" || placeKept != "Atrium, level 1" {
		t.Errorf("after the refused post: starts %q, place %q", startsKept, placeKept)
	}
	browsertest.Run(t, phone, chromedp.ScrollIntoView("#title", chromedp.ByID))
	browsertest.CheckPhoneLayout(t, phone)
	browsertest.Screenshot(t, phone, "organise-form-error-phone")

	browsertest.Run(t, phone, chromedp.SendKeys("#title", "Thank-you tea", chromedp.ByID), chromedp.Submit("form.organise-form", chromedp.ByQuery))
	waitFor(t, phone, "the new event's page", `location.pathname.indexOf('/organise/events/') === 0 && !!document.querySelector('.facts')`)
	var when string
	browsertest.Run(t, phone, chromedp.Text(".facts time", &when, chromedp.ByQuery))
	if when != wantDay+" · 19:00" {
		t.Errorf("organiser page shows %q, want %q", when, wantDay+" · 19:00")
	}
	ev, err := srv.App.FindFirstRecordByData(s.Events, s.EventTitle, "Thank-you tea")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ev.GetDateTime(s.EventStarts).Time(), time.Date(day.Year(), day.Month(), day.Day(), 19, 0, 0, 0, ny); !got.Equal(want) {
		t.Errorf("stored %s, want %s", got.UTC(), want.UTC())
	}

	// two people sign up (the second waits), through the real public form
	ana := signUpOn(t, phone, srv.URL+"/events/"+ev.Id, "Ana Okafor", "ana.okafor@hospital.example")
	signUpOn(t, phone, srv.URL+"/events/"+ev.Id, "Ben Ito", "ben.ito@hospital.example")
	if _, err := events.SignUp(srv.App, ev.Id, "Cy Daniels", "cy@hospital.example", "Pharmacy"); err != nil {
		t.Fatal(err)
	}

	// the public list says 19:00 too
	var card string
	browsertest.Run(t, phone, chromedp.Navigate(srv.URL+"/events"), chromedp.WaitVisible(".events", chromedp.ByQuery),
		chromedp.Text(".events .event-when", &card, chromedp.ByQuery))
	if !strings.HasPrefix(card, wantDay+" · 19:00") {
		t.Errorf("/events shows %q, want %q", card, wantDay+" · 19:00")
	}
	// ...and the start page, with the same card
	browsertest.Run(t, phone, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(".events", chromedp.ByQuery),
		chromedp.Text(".events .event-when", &card, chromedp.ByQuery))
	if !strings.HasPrefix(card, wantDay+" · 19:00") {
		t.Errorf("/ shows %q, want %q", card, wantDay+" · 19:00")
	}
	browsertest.Run(t, phone, chromedp.ScrollIntoView(".events", chromedp.ByQuery))
	browsertest.Screenshot(t, phone, "organise-home-event-phone")
	browsertest.Run(t, phone, chromedp.Navigate(srv.URL+"/organise/events/"+ev.Id), chromedp.WaitVisible("#attendees", chromedp.ByID))
	browsertest.CheckPhoneLayout(t, phone, "details.cancel summary")
	browsertest.Screenshot(t, phone, "organise-event-phone")

	// --- a break-room screen shows 19:00 ---
	screen := browsertest.NewBrowser(t, 1280, 720)
	openKiosk(t, screen, srv.URL+"/kiosk/break-room")
	waitFor(t, screen, "the event card at 19:00, with its sign-up code", fmt.Sprintf(
		`(function (el) { return !!el && el.innerText.indexOf('Thank-you tea') >= 0 && el.innerText.indexOf(%q) >= 0 && !!el.querySelector('.event-code img'); })(document.querySelector('.kcard.event.active'))`,
		wantDay+" · 19:00"))
	settle(t, screen)
	browsertest.Screenshot(t, screen, "organise-screen-1280")

	// --- desktop: the attendee list; cancel; the screen drops the card ---
	desk := browsertest.NewBrowser(t, 1280, 800)
	browsertest.Run(t, desk, chromedp.Navigate(srv.URL+"/organise"), chromedp.WaitVisible("#password", chromedp.ByID))
	organiserSignIn(t, desk, "olu.organiser@hospital.example")
	waitFor(t, desk, "the organisers' page", `location.pathname === '/organise' && document.body.innerText.indexOf('Thank-you tea') >= 0`)
	browsertest.Screenshot(t, desk, "organise-list-desktop")
	browsertest.Run(t, desk, chromedp.Navigate(srv.URL+"/organise/events/"+ev.Id), chromedp.WaitVisible("#attendees", chromedp.ByID))
	var list string
	browsertest.Run(t, desk, chromedp.Text(".attendees", &list, chromedp.ByQuery))
	for _, want := range []string{"Ana Okafor", "ana.okafor@hospital.example", "Confirmed", "Ben Ito", "Waitlist #1", "Cy Daniels", "Waitlist #2"} {
		if !strings.Contains(list, want) {
			t.Errorf("attendee list lacks %q: %q", want, list)
		}
	}
	var csvLink string
	browsertest.Run(t, desk, chromedp.AttributeValue(`a[href$="attendees.csv"]`, "href", &csvLink, nil, chromedp.ByQuery))
	if csvLink != "/organise/events/"+ev.Id+"/attendees.csv" {
		t.Errorf("CSV link %q", csvLink)
	}
	browsertest.Screenshot(t, desk, "organise-event-desktop")

	browsertest.Run(t, desk,
		chromedp.Click("details.cancel summary", chromedp.ByQuery),
		chromedp.WaitVisible("details.cancel button", chromedp.ByQuery),
		chromedp.Click("details.cancel button", chromedp.ByQuery),
	)
	waitFor(t, desk, "the cancelled confirmation", `document.body.innerText.indexOf('The event is cancelled') >= 0`)
	browsertest.Screenshot(t, desk, "organise-cancelled-desktop")
	// live: the card leaves the screen without a reload
	waitFor(t, screen, "the card to leave the screen", `!document.querySelector('.kcard.event')`)

	// the attendee's own page says so
	var h1 string
	browsertest.Run(t, phone, chromedp.Navigate(ana), chromedp.WaitVisible(".status", chromedp.ByQuery), chromedp.Text("h1", &h1, chromedp.ByQuery))
	if h1 != "This event has been cancelled" {
		t.Errorf("Ana's page after the cancellation: %q", h1)
	}
	browsertest.CheckPhoneLayout(t, phone)
	browsertest.Screenshot(t, phone, "organise-cancelled-signup-phone")
}

// organiserSignIn fills the staff sign-in form (stafftest's password).
func organiserSignIn(t *testing.T, ctx context.Context, email string) {
	t.Helper()
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#email", email, chromedp.ByID),
		chromedp.SendKeys("#password", stafftest.Password, chromedp.ByID),
		chromedp.Submit("#password", chromedp.ByID),
	)
}

// signUpOn signs a person up on an event page and returns their page.
func signUpOn(t *testing.T, ctx context.Context, eventURL, name, email string) string {
	t.Helper()
	browsertest.Run(t, ctx, chromedp.Navigate(eventURL), chromedp.WaitVisible("#name", chromedp.ByID))
	return signUp(t, ctx, name, email, "4 West")
}
