package accounts

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
	"github.com/spf13/cobra"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// DefaultLinkValid is how long a set-password link works: long enough to
// reach someone on night shifts, short enough not to lie around. It works
// once (PocketBase renews the account's token key when it is used).
const DefaultLinkValid = 72 * time.Hour

// SetPasswordPath is the dashboard's public page that sets a password
// from a reset token, for any auth collection (no superuser needed).
const SetPasswordPath = "/_/#/auth/confirm-password-reset/"

// addOptions are the flags of `moderator add`.
type addOptions struct {
	roles         []string
	name          string
	linkValid     time.Duration
	printPassword bool
}

func addCommand(app core.App) *cobra.Command {
	var o addOptions
	cmd := &cobra.Command{
		Use:   "add EMAIL",
		Short: "Create or update a staff account and print a link to set its password",
		Example: `  kindness-kiosk moderator add charge.nurse@hospital.example --roles moderate --name "Ana Ruiz"
  kindness-kiosk moderator add events@hospital.example --roles moderate,organise`,
		Args:         cobra.ExactArgs(1),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			base := app.Settings().Meta.AppURL
			if f := cmd.Flags().Lookup("app-url"); f != nil && f.Value.String() != "" {
				base = f.Value.String() // main's --app-url, when given here too
			}
			return add(app, cmd, args[0], o, base)
		},
	}
	cmd.Flags().StringSliceVar(&o.roles, "roles", nil, "comma-separated: moderate (notes and stories), organise (events and sign-ups)")
	cmd.Flags().StringVar(&o.name, "name", "", "the person's name, shown to admins")
	cmd.Flags().DurationVar(&o.linkValid, "link-valid", DefaultLinkValid, "how long the set-password link works")
	cmd.Flags().BoolVar(&o.printPassword, "print-password", false,
		"set and print a generated password instead of a link (for a sign-in together, in person)")
	_ = cmd.MarkFlagRequired("roles")
	return cmd
}

// add creates or updates the account and prints how to get in.
func add(app core.App, cmd *cobra.Command, email string, o addOptions, base string) error {
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		return fmt.Errorf("%q is not an e-mail address", email)
	}
	roles, err := cleanRoles(o.roles)
	if err != nil {
		return err
	}
	// an empty or older data folder: create the collections first
	if err := app.RunAllMigrations(); err != nil {
		return fmt.Errorf("applying migrations: %w", err)
	}
	col, err := app.FindCollectionByNameOrId(s.Moderators)
	if err != nil {
		return err
	}
	rec, err := app.FindAuthRecordByEmail(col, email)
	created := err != nil
	if created {
		rec = core.NewRecord(col)
		rec.SetEmail(email)
	}
	rec.Set(s.ModeratorRoles, roles)
	if o.name != "" {
		rec.Set(s.ModeratorName, o.name)
	}
	password := security.RandomString(24)
	if created || o.printPassword {
		// a new account needs one; nobody learns it unless asked to print it
		rec.SetPassword(password)
	}
	rec.SetVerified(true) // a superuser vouches for the address
	if err := app.Save(rec); err != nil {
		return fmt.Errorf("saving %s: %w", email, err)
	}

	out := cmd.OutOrStdout()
	verb := "Updated"
	if created {
		verb = "Created"
	}
	fmt.Fprintf(out, "%s staff account %s (roles: %s).\n", verb, email, strings.Join(roles, ", "))
	if o.printPassword {
		fmt.Fprintf(out, "Password: %s\nGive it to them in person; they sign in at %s/moderate. To let them choose their own,\n"+
			"run this command again without --print-password and send them the link.\n",
			password, strings.TrimRight(base, "/"))
		return nil
	}
	link, err := SetPasswordLink(rec, base, o.linkValid)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Send them this link to choose their password (works once, for %s):\n%s\n", hours(o.linkValid), link)
	if strings.Contains(base, "localhost") || strings.Contains(base, "127.0.0.1") {
		fmt.Fprintln(out, "NB: the base URL is still "+base+"; replace it with the address staff reach, or set it with --app-url.")
	}
	return nil
}

// cleanRoles checks the --roles values against the two roles there are.
func cleanRoles(in []string) ([]string, error) {
	var roles []string
	for _, r := range in {
		r = strings.ToLower(strings.TrimSpace(r))
		switch r {
		case "":
			continue
		case s.RoleModerate, s.RoleOrganise:
			if !slices.Contains(roles, r) {
				roles = append(roles, r)
			}
		default:
			return nil, fmt.Errorf("unknown role %q: use %s and/or %s", r, s.RoleModerate, s.RoleOrganise)
		}
	}
	if len(roles) == 0 {
		return nil, errors.New("give at least one role: --roles " + s.RoleModerate + "," + s.RoleOrganise)
	}
	return roles, nil
}

// SetPasswordLink returns a link to the dashboard's set-password page for
// rec, valid for d. It is PocketBase's own password-reset token
// (rec.NewPasswordResetToken) with a longer life: that one lasts the
// collection's 30 minutes, made for an e-mail read at once, not for a link
// IT hands over.
func SetPasswordLink(rec *core.Record, base string, d time.Duration) (string, error) {
	token, err := security.NewJWT(map[string]any{
		core.TokenClaimType:         core.TokenTypePasswordReset,
		core.TokenClaimId:           rec.Id,
		core.TokenClaimCollectionId: rec.Collection().Id,
		core.TokenClaimEmail:        rec.Email(),
	}, rec.TokenKey()+rec.Collection().PasswordResetToken.Secret, d)
	if err != nil {
		return "", fmt.Errorf("set-password link: %w", err)
	}
	return strings.TrimRight(base, "/") + SetPasswordPath + token, nil
}

// hours writes a link's life the way people say it: "72 hours".
func hours(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return fmt.Sprintf("%d hours", d/time.Hour)
	}
	return d.String()
}
