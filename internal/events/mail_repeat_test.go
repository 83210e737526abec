package events_test

import (
	"net/http"
	"testing"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestRepeatSignupMailsLinkOnce: typing someone's address again and again
// sends them their link once, not once per post.
func TestRepeatSignupMailsLinkOnce(t *testing.T) {
	app := kktest.NewApp(t)
	enableSMTP(t, app)
	ev := newEvent(t, app, map[string]any{s.EventTitle: "Tiny choir"})
	mustSignUp(t, app, ev.Id, "Ana", "ana@hospital.example")
	c := kktest.NewClient(t, app)
	for i := range 5 {
		res := c.Do(http.MethodPost, "/events/"+ev.Id+"/signup", kktest.Form("name", "Mallory", "email", "ana@hospital.example"), kktest.FormHeaders)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("repeat %d: %d", i+1, res.StatusCode)
		}
	}
	if n := app.TestMailer.TotalSend(); n != 2 {
		t.Errorf("sent %d mails, want 2 (the confirmation, the link once)", n)
	}
}
