package events

import (
	"net/mail"
	"strings"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// signupForm is what was typed on the event page and what is wrong with it.
type signupForm struct {
	Name, Email, Unit string
	Errors            forms.Errors
}

var signupLabels = map[string]string{s.SignupName: "Your name", s.SignupEmail: "Your e-mail", s.SignupUnit: "Your unit or team"}

// validate cleans the fields and fills Errors, with the same limits as
// the signups collection, so a valid form never fails to save.
func (f *signupForm) validate() {
	f.Name = forms.Clean(f.Name, false)
	f.Email = forms.Clean(f.Email, false)
	f.Unit = forms.Clean(f.Unit, false)
	f.Errors = forms.Errors{}
	f.Errors.Check(s.SignupName, signupLabels[s.SignupName], f.Name, true, NameMax)
	f.Errors.Check(s.SignupEmail, signupLabels[s.SignupEmail], f.Email, true, EmailMax)
	f.Errors.Check(s.SignupUnit, signupLabels[s.SignupUnit], f.Unit, false, UnitMax)
	if _, bad := f.Errors[s.SignupEmail]; !bad && !validEmail(f.Email) {
		f.Errors[s.SignupEmail] = "Please check your e-mail address: it should look like name@hospital.org."
	}
}

// validEmail accepts a bare address with a dotted domain; the record's
// own e-mail check runs again on save.
func validEmail(v string) bool {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return false
	}
	at := strings.LastIndex(v, "@")
	domain := v[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
