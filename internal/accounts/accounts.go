// Package accounts is the command line for staff accounts:
//
//	kindness-kiosk moderator add EMAIL --roles moderate,organise [--name NAME]
//
// creates (or updates) a `moderators` account and prints a link where the
// person sets their own password, so nobody else ever knows it. Like
// `superuser upsert`, it works on an empty data folder: it applies the
// migrations first.
package accounts

import (
	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"
)

// Register adds the `moderator` command to the app's command line.
func Register(app *pocketbase.PocketBase) {
	app.RootCmd.AddCommand(NewCommand(app))
}

// NewCommand returns the `moderator` command and its subcommands.
func NewCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "moderator",
		Short: "Manage staff accounts (moderators and organisers) without superuser powers",
	}
	cmd.AddCommand(addCommand(app))
	return cmd
}
