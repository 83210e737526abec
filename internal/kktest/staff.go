package kktest

import (
	"sync"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// StaffPassword is the password of every account [Staff] makes.
const StaffPassword = "staff-password-123"

// Staff returns the `moderators` account with this e-mail, made with the
// given roles (s.RoleModerate, s.RoleOrganise) if it doesn't exist yet.
func Staff(t testing.TB, app core.App, email string, roles ...string) *core.Record {
	t.Helper()
	if rec, err := app.FindAuthRecordByEmail(s.Moderators, email); err == nil {
		return rec
	}
	rec := core.NewRecord(mustCollection(t, app, s.Moderators))
	rec.SetEmail(email)
	rec.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: staffHash()})
	rec.SetVerified(true)
	rec.Set(s.ModeratorName, email)
	rec.Set(s.ModeratorRoles, roles)
	if err := app.Save(rec); err != nil {
		t.Fatalf("staff account %s: %v", email, err)
	}
	return rec
}

// StaffToken returns an auth token for a `moderators` account with the
// given roles, for the Authorization header of a scenario.
func StaffToken(t testing.TB, app core.App, email string, roles ...string) string {
	t.Helper()
	token, err := Staff(t, app, email, roles...).NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// staffHash is StaffPassword hashed once at bcrypt's lowest cost: a table
// of scenarios makes a few accounts per app, and PocketBase's cost would
// spend a tenth of a second on each.
var staffHash = sync.OnceValue(func() string {
	h, err := bcrypt.GenerateFromPassword([]byte(StaffPassword), bcrypt.MinCost)
	if err != nil {
		panic(err)
	}
	return string(h)
})
