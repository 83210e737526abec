package accounts_test

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/accounts"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"

	// the product schema, as main.go imports it
	_ "github.com/kindness-coalition/kindness-kiosk/pb_migrations"
)

// run runs the command line on a data folder, as the binary would, and
// returns what it printed.
func run(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	accounts.Register(app)
	app.RootCmd.PersistentFlags().String("app-url", "", "main.go's flag")
	var out bytes.Buffer
	app.RootCmd.SetOut(&out)
	app.RootCmd.SetErr(&out)
	app.RootCmd.SetArgs(args)
	err := app.RootCmd.Execute()
	return out.String(), err
}

var linkRe = regexp.MustCompile(`https?://\S+` + regexp.QuoteMeta(accounts.SetPasswordPath) + `(\S+)`)

// TestModeratorAddOnEmptyFolder: on a data folder that was never served,
// `moderator add` applies the migrations, creates the account with its
// roles, and prints a link whose token sets the password once.
func TestModeratorAddOnEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	out, err := run(t, dir, "moderator", "add", "ana@hospital.example", "--roles", "moderate,organise", "--name", "Ana Ruiz")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := linkRe.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "72 hours") || !strings.Contains(out, "localhost") {
		t.Fatalf("no set-password link (72 hours) and localhost warning in:\n%s", out)
	}

	// the same folder, served: the link's token sets the password, once
	app := served(t, dir)
	rec, err := app.FindAuthRecordByEmail(s.Moderators, "ana@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rec.GetStringSlice(s.ModeratorRoles), ","); got != "moderate,organise" || rec.GetString(s.ModeratorName) != "Ana Ruiz" {
		t.Errorf("account = roles %s, name %q", got, rec.GetString(s.ModeratorName))
	}
	c := kktest.NewClient(t, app)
	h := map[string]string{"Content-Type": "application/json"}
	confirm := `{"token":"` + m[1] + `","password":"a long passphrase","passwordConfirm":"a long passphrase"}`
	if res := c.Do(http.MethodPost, "/api/collections/moderators/confirm-password-reset", strings.NewReader(confirm), h); res.StatusCode != 204 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("confirm-password-reset: %d %s", res.StatusCode, b)
	}
	if res := c.Do(http.MethodPost, "/api/collections/moderators/confirm-password-reset", strings.NewReader(confirm), h); res.StatusCode != 400 {
		t.Errorf("the link worked twice: %d", res.StatusCode)
	}
	login := `{"identity":"ana@hospital.example","password":"a long passphrase"}`
	if res := c.Do(http.MethodPost, "/api/collections/moderators/auth-with-password", strings.NewReader(login), h); res.StatusCode != 200 {
		t.Errorf("sign-in with the chosen password: %d", res.StatusCode)
	}
}

// TestModeratorAddUpdatesAndRefuses: a second add changes the roles of the
// same account; bad input is refused with a message that says why.
func TestModeratorAddUpdatesAndRefuses(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "moderator", "add", "bo@hospital.example", "--roles", "moderate"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	out, err := run(t, dir, "moderator", "add", "bo@hospital.example", "--roles", "organise", "--print-password", "--app-url", "https://kindness.hospital.local")
	if err != nil || !strings.Contains(out, "Updated") || !strings.Contains(out, "https://kindness.hospital.local/moderate") {
		t.Fatalf("update: %v\n%s", err, out)
	}
	pw := regexp.MustCompile(`Password: (\S+)`).FindStringSubmatch(out)
	if pw == nil || len(pw[1]) < 20 {
		t.Fatalf("no generated password in:\n%s", out)
	}
	app := served(t, dir)
	rec, err := app.FindAuthRecordByEmail(s.Moderators, "bo@hospital.example")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rec.GetStringSlice(s.ModeratorRoles), ","); got != "organise" || !rec.ValidatePassword(pw[1]) {
		t.Errorf("roles = %s, printed password valid = %v", got, rec.ValidatePassword(pw[1]))
	}
	if n, _ := app.CountRecords(s.Moderators); n != 1 {
		t.Errorf("accounts = %d, want 1", n)
	}

	for _, bad := range [][]string{
		{"moderator", "add", "not-an-address", "--roles", "moderate"},
		{"moderator", "add", "cy@hospital.example", "--roles", "admin"},
		{"moderator", "add", "cy@hospital.example", "--roles", ""},
		{"moderator", "add", "cy@hospital.example"},
	} {
		if out, err := run(t, dir, bad...); err == nil {
			t.Errorf("%v accepted:\n%s", bad, out)
		}
	}
}

// served opens a data folder the command line wrote to, as `serve` would
// next.
func served(t *testing.T, dir string) core.App {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	return app
}
