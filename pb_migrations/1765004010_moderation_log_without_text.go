package pb_migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// moderationLogWithoutText turns the audit trail into one that holds no
// text anyone typed: the `summary` column (the first 190 characters of the
// note, patient names and all) is dropped with everything in it; who
// decided becomes an account id (`moderator`) and its collection
// (`auth_collection`) instead of an e-mail address; the kinds of PHI
// finding at the time of the decision are kept as a list (`flag_kinds`).
// Old rows' e-mail addresses become ids where the account still exists.
func moderationLogWithoutText(app core.App) error {
	c, err := app.FindCollectionByNameOrId(s.ModerationLog)
	if err != nil {
		return err
	}
	c.Fields.RemoveByName("summary")
	c.Fields.Add(
		&core.TextField{Name: s.LogAuthCollection, Max: 40,
			Help: "moderators or _superusers; empty = the product itself (the purge job)."},
		&core.JSONField{Name: s.LogFlagKinds, MaxSize: 2000,
			Help: "What the PHI guard had found when the decision was made (kinds only, never the text)."},
	)
	if f, ok := c.Fields.GetByName(s.LogModerator).(*core.TextField); ok {
		f.Help = "The id of the account that decided (see auth_collection)."
	}
	if f, ok := c.Fields.GetByName(s.LogTo).(*core.TextField); ok {
		f.Presentable = true
	}
	if err := app.Save(c); err != nil {
		return err
	}
	return emailsToIDs(app)
}

// emailsToIDs rewrites old entries' moderator e-mail addresses as ids.
func emailsToIDs(app core.App) error {
	var emails []string
	err := app.DB().Select(s.LogModerator).Distinct(true).From(s.ModerationLog).
		Where(dbx.NewExp(s.LogModerator + " LIKE '%@%'")).Column(&emails)
	if err != nil {
		return err
	}
	for _, email := range emails {
		for _, col := range []string{core.CollectionNameSuperusers, s.Moderators} {
			acc, err := app.FindAuthRecordByEmail(col, email)
			if err != nil {
				continue
			}
			_, err = app.DB().Update(s.ModerationLog,
				dbx.Params{s.LogModerator: acc.Id, s.LogAuthCollection: col},
				dbx.HashExp{s.LogModerator: email}).Execute()
			if err != nil {
				return err
			}
			break
		}
	}
	return nil
}

func init() {
	m.Register(moderationLogWithoutText, nil)
}
