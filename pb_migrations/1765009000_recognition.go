package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Recognition reaches the person thanked (issue 13):
//   - notes.for_room: where the person thanked works;
//   - rooms.manager_email: the unit manager's address for the weekly
//     digest, hidden from everyone but superusers;
//   - kiosk_settings.award_names and unit_digest (off by default);
//   - nominations: a note put forward for an award, moderators only.
func init() {
	m.Register(func(app core.App) error {
		rooms, err := app.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		rooms.Fields.Add(&core.EmailField{Name: s.RoomManagerEmail, Hidden: true,
			Help: "Optional. The unit manager gets a weekly e-mail of this unit's approved thank-yous (when SMTP and unit_digest are on). Never shown publicly."})
		if err := app.Save(rooms); err != nil {
			return err
		}

		notes, err := app.FindCollectionByNameOrId(s.Notes)
		if err != nil {
			return err
		}
		notes.Fields.Add(&core.RelationField{Name: s.NoteForRoom, CollectionId: rooms.Id, MaxSelect: 1,
			Help: "Where the person thanked works: the note also shows on that room's screen."})
		if err := app.Save(notes); err != nil {
			return err
		}

		settings, err := app.FindCollectionByNameOrId(s.Settings)
		if err != nil {
			return err
		}
		settings.Fields.Add(
			&core.TextField{Name: s.SettingAwards, Max: 300,
				Help: "Awards moderators can nominate a thanked colleague for, comma-separated."},
			&core.BoolField{Name: s.SettingUnitDigest,
				Help: "Send each room's manager_email a weekly e-mail of that unit's approved thank-yous (needs SMTP)."},
		)
		if err := app.Save(settings); err != nil {
			return err
		}
		if row, err := app.FindFirstRecordByFilter(s.Settings, ""); err == nil && row.GetString(s.SettingAwards) == "" {
			row.Set(s.SettingAwards, "DAISY, BEE, Kindness award")
			if err := app.Save(row); err != nil {
				return err
			}
		}

		noms := core.NewBaseCollection(s.Nominations)
		moderate := s.RuleModerate
		noms.ListRule, noms.ViewRule, noms.CreateRule, noms.UpdateRule, noms.DeleteRule = &moderate, &moderate, &moderate, &moderate, &moderate
		noms.Fields.Add(
			&core.RelationField{Name: s.NominationNote, CollectionId: notes.Id, MaxSelect: 1, Required: true, CascadeDelete: true},
			&core.TextField{Name: s.NominationAward, Required: true, Max: 80, Presentable: true},
			&core.TextField{Name: s.NominationName, Required: true, Max: 80, Presentable: true},
			&core.TextField{Name: s.NominationUnit, Max: 80},
			&core.TextField{Name: s.NominationWhy, Max: 2000},
			&core.AutodateField{Name: s.FieldCreated, OnCreate: true},
		)
		return app.Save(noms)
	}, func(app core.App) error {
		if c, err := app.FindCollectionByNameOrId(s.Nominations); err == nil {
			if err := app.Delete(c); err != nil {
				return err
			}
		}
		for col, field := range map[string]string{s.Notes: s.NoteForRoom, s.Rooms: s.RoomManagerEmail} {
			c, err := app.FindCollectionByNameOrId(col)
			if err != nil {
				continue
			}
			c.Fields.RemoveByName(field)
			if err := app.Save(c); err != nil {
				return err
			}
		}
		if c, err := app.FindCollectionByNameOrId(s.Settings); err == nil {
			c.Fields.RemoveByName(s.SettingAwards)
			c.Fields.RemoveByName(s.SettingUnitDigest)
			return app.Save(c)
		}
		return nil
	})
}
