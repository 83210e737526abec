package events_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
)

// TestSignupMultipart pins that a script posting the sign-up as
// multipart/form-data (curl -F, FormData) is read like the HTML form, as
// the note and story forms are: it used to see three empty fields and
// answer "Please fill in your name".
func TestSignupMultipart(t *testing.T) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for _, kv := range [][2]string{{"name", "Sam Lee"}, {"email", "sam@hospital.example"}, {"unit", "4 West"}} {
		if err := w.WriteField(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sc := tests.ApiScenario{
		Name: "multipart sign-up", Method: http.MethodPost, URL: "/events/" + evOpen + "/signup",
		Headers: map[string]string{"Content-Type": w.FormDataContentType()}, Body: &body,
		ExpectedStatus: 303, AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			got := onlySignup(t, app, evOpen)
			if got["name"] != "Sam Lee" || got["email"] != "sam@hospital.example" || got["unit"] != "4 West" {
				t.Errorf("stored %v", got)
			}
		},
	}
	sc.TestAppFactory = kktest.Factory(seedEvents)
	sc.Test(t)
}
