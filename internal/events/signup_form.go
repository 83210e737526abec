package events

import (
	"net/mail"
	"strings"

	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// signupForm is what was typed on the event page and what is wrong with it.
type signupForm struct {
	Name, Email, Unit string
	Errors            forms.Errors
}

// signupKeys name each field in the catalogue (its label and its messages).
var signupKeys = map[string]string{s.SignupName: "signup.name", s.SignupEmail: "signup.email", s.SignupUnit: "signup.unit"}

// validate cleans the fields and fills Errors, with the same limits as
// the signups collection, so a valid form never fails to save.
func (f *signupForm) validate() {
	f.Name = forms.Clean(f.Name, false)
	f.Email = forms.Clean(f.Email, false)
	f.Unit = forms.Clean(f.Unit, false)
	f.Errors = forms.Errors{}
	f.Errors.Check(s.SignupName, signupKeys[s.SignupName], f.Name, true, NameMax)
	f.Errors.Check(s.SignupEmail, signupKeys[s.SignupEmail], f.Email, true, EmailMax)
	f.Errors.Check(s.SignupUnit, signupKeys[s.SignupUnit], f.Unit, false, UnitMax)
	if _, bad := f.Errors[s.SignupEmail]; !bad && !validEmail(f.Email) {
		f.Errors[s.SignupEmail] = i18n.M("signup.email.invalid")
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
