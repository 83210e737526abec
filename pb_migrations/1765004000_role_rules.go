package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// The two staff roles, as API rule filters (schema.RuleModerate and
// RuleOrganise; NB! they use `:each ?=`, plain `?=` matches nothing on the
// caller's multi-select). Superusers pass every rule anyway. Settings,
// collections, logs, backups and _superusers are superuser-only in
// PocketBase itself; rules_roles_test.go pins that too.
const (
	isModerator = s.RuleModerate
	isOrganiser = s.RuleOrganise
)

// roleRules opens exactly what each role needs (PRODUCT.md, Rules):
//
//   - moderate: list and view notes and stories in every status; update
//     their status and text, never `flags` (the update hook re-computes
//     them from the text) nor the room. No create, no
//     delete: a rejected item is wiped by the purge job, not by hand.
//   - organise: list, view, create and update events in every status
//     (cancel = status "cancelled"); no delete, which would cascade to the
//     sign-ups and leave nobody to tell. List and view sign-ups with their
//     e-mail addresses (the token stays hidden); sign-ups themselves only
//     change through the product's routes, which count seats.
//   - a staff account may change its own name and password, never its
//     roles or e-mail, and sees no other account.
func roleRules(app core.App) error {
	set := func(name string, fn func(c *core.Collection)) error {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		fn(c)
		return app.Save(c)
	}
	readOwn := func(public string) *string { return types.Pointer(public + " || (" + isModerator + ")") }
	decide := types.Pointer(isModerator + ` && @request.body.flags:isset = false && @request.body.room:isset = false`)

	if err := set(s.Notes, func(c *core.Collection) {
		c.ListRule, c.ViewRule = readOwn(`status = "approved"`), readOwn(`status = "approved"`)
		c.UpdateRule = decide
	}); err != nil {
		return err
	}
	if err := set(s.Stories, func(c *core.Collection) {
		c.ListRule, c.ViewRule = readOwn(`status = "published"`), readOwn(`status = "published"`)
		c.UpdateRule = decide
	}); err != nil {
		return err
	}
	if err := set(s.Events, func(c *core.Collection) {
		public := `status = "published" || status = "cancelled" || (` + isOrganiser + `)`
		c.ListRule, c.ViewRule = &public, &public
		c.CreateRule, c.UpdateRule = types.Pointer(isOrganiser), types.Pointer(isOrganiser)
	}); err != nil {
		return err
	}
	if err := set(s.Signups, func(c *core.Collection) {
		c.ListRule, c.ViewRule = types.Pointer(isOrganiser), types.Pointer(isOrganiser)
	}); err != nil {
		return err
	}
	return set(s.Moderators, func(c *core.Collection) {
		c.UpdateRule = types.Pointer(`id = @request.auth.id && @request.body.` + s.ModeratorRoles +
			`:isset = false && @request.body.email:isset = false && @request.body.verified:isset = false`)
		// MFA and OTP stay off by default (ADR 0160): OTP codes travel by
		// e-mail, and many hospitals run this without SMTP; turning MFA on
		// there would lock every moderator out. Both are one switch each in
		// the dashboard (moderators > Options), see docs/moderation.md.
		c.OTP.Enabled = false
		c.MFA.Enabled = false
	})
}

func dropRoleRules(app core.App) error {
	reset := map[string]func(c *core.Collection){
		s.Notes: func(c *core.Collection) {
			c.ListRule, c.ViewRule, c.UpdateRule = types.Pointer(`status = "approved"`), types.Pointer(`status = "approved"`), nil
		},
		s.Stories: func(c *core.Collection) {
			c.ListRule, c.ViewRule, c.UpdateRule = types.Pointer(`status = "published"`), types.Pointer(`status = "published"`), nil
		},
		s.Events: func(c *core.Collection) {
			public := `status = "published" || status = "cancelled"`
			c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule = &public, &public, nil, nil
		},
		s.Signups:    func(c *core.Collection) { c.ListRule, c.ViewRule = nil, nil },
		s.Moderators: func(c *core.Collection) { c.UpdateRule = nil },
	}
	for name, fn := range reset {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		fn(c)
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	m.Register(roleRules, dropRoleRules)
}
