package deploy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnitLeavesAppURLToDashboard starts the binary exactly as the shipped
// unit does (its ExecStart and Environment= lines). On a new install the
// break-room screen must tell the admin to set the public base URL (the
// QR codes encode it); once IT sets it in the dashboard, a restart of the
// service must keep it. The old unit set a placeholder
// (KIOSK_APP_URL=https://kindness.hospital.example): no warning showed,
// every screen showed QR codes for a host that doesn't exist, and each
// restart overwrote what IT had set.
func TestUnitLeavesAppURLToDashboard(t *testing.T) {
	bin := productBinary(t)
	data := filepath.Join(t.TempDir(), "kindness-kiosk")
	const email, pass = "it@hospital.example", "a long passphrase"
	upsertSuperuser(t, bin, data, email, pass)

	svc := startUnit(t, bin, data)
	kiosk := getBody(t, svc.Base+"/kiosk/break-room")
	if !strings.Contains(kiosk, "Almost ready") || strings.Contains(kiosk, "data:image/png;base64,") {
		t.Errorf("a new install's screen shows QR codes instead of asking for the URL (app URL %q)", appURL(t, svc.Base, email, pass))
	}

	const set = "https://kindness.stmary.internal"
	token := superuserToken(t, svc.Base, email, pass)
	req, _ := http.NewRequest(http.MethodPatch, svc.Base+"/api/settings",
		bytes.NewBufferString(fmt.Sprintf(`{"meta":{"appURL":%q}}`, set)))
	req.Header.Set("Authorization", token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("PATCH /api/settings: %d", res.StatusCode)
	}

	svc.Stop() // systemctl restart
	svc = startUnit(t, bin, data)
	if got := appURL(t, svc.Base, email, pass); got != set {
		t.Errorf("after a restart the Application URL is %q, want what IT set (%q)", got, set)
	}
	kiosk = getBody(t, svc.Base+"/kiosk/break-room")
	if strings.Contains(kiosk, "Almost ready") || !strings.Contains(kiosk, "data:image/png;base64,") {
		t.Errorf("with the URL set the screen still asks for it")
	}
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	return string(b)
}

func superuserToken(t *testing.T, base, email, pass string) string {
	t.Helper()
	res, err := http.Post(base+"/api/collections/_superusers/auth-with-password", "application/json",
		strings.NewReader(fmt.Sprintf(`{"identity":%q,"password":%q}`, email, pass)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var auth struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&auth); err != nil || auth.Token == "" {
		t.Fatalf("superuser sign-in: %d %v", res.StatusCode, err)
	}
	return auth.Token
}

func appURL(t *testing.T, base, email, pass string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/settings", nil)
	req.Header.Set("Authorization", superuserToken(t, base, email, pass))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var settings struct {
		Meta struct{ AppURL string } `json:"meta"`
	}
	if err := json.NewDecoder(res.Body).Decode(&settings); err != nil {
		t.Fatal(err)
	}
	return settings.Meta.AppURL
}
