package desk

import "github.com/pocketbase/pocketbase/core"

// Approve and Undo run the desk's decisions for tests that prepare an app
// (an app's router can be built only once, by the scenario itself).
func Approve(app core.App, auth *core.Record, collection, id string) error {
	return transition(app, auth, collection, id, "pending", kinds[collection].Approved)
}

// Undo takes an approval back as the desk's undo does.
func Undo(app core.App, auth *core.Record, collection, id string) error {
	return transition(app, auth, collection, id, kinds[collection].Approved, "pending")
}
