package browsertest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/accounts"
	"github.com/kindness-coalition/kindness-kiosk/internal/browsertest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestSetPasswordLink: the link `moderator add` prints opens a page where
// a new moderator (not a superuser) chooses a password on a phone, and
// then signs in with it.
func TestSetPasswordLink(t *testing.T) {
	srv := browsertest.StartServer(t)
	col, err := srv.App.FindCollectionByNameOrId(s.Moderators)
	if err != nil {
		t.Fatal(err)
	}
	rec := core.NewRecord(col)
	rec.SetEmail("ana@hospital.example")
	rec.SetRandomPassword()
	rec.Set(s.ModeratorRoles, []string{s.RoleModerate})
	if err := srv.App.Save(rec); err != nil {
		t.Fatal(err)
	}
	link, err := accounts.SetPasswordLink(rec, srv.URL, time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	ctx := browsertest.NewBrowser(t, 390, 844)
	var page string
	browsertest.Run(t, ctx,
		chromedp.Navigate(link),
		chromedp.WaitVisible("#newPassword", chromedp.ByQuery),
		chromedp.Text("body", &page, chromedp.ByQuery),
	)
	if !strings.Contains(page, "ana@hospital.example") {
		t.Errorf("the page does not say whose password it sets: %q", page)
	}
	browsertest.Screenshot(t, ctx, "moderation-set-password")
	browsertest.Run(t, ctx,
		chromedp.SendKeys("#newPassword", "a long passphrase", chromedp.ByQuery),
		chromedp.SendKeys("#newPasswordConfirm", "a long passphrase\r", chromedp.ByQuery),
		chromedp.WaitVisible(`[data-pb=confirmPasswordResetAlert]`, chromedp.ByQuery),
	)
	res, err := http.Post(srv.URL+"/api/collections/moderators/auth-with-password", "application/json",
		strings.NewReader(fmt.Sprintf(`{"identity":%q,"password":%q}`, "ana@hospital.example", "a long passphrase")))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("sign-in with the chosen password: %d", res.StatusCode)
	}
}
