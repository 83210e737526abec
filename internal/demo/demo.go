// Package demo fills an empty database with a realistic demo: a few break
// rooms, approved and pending notes, a published story and events. It runs
// only with `serve --demo` and only when there are no notes yet.
package demo

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Register seeds the demo once the migrations have run (at serve).
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if err := Seed(se.App); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		return se.Next()
	})
}

// Seed adds the demo records unless the database already has notes.
func Seed(app core.App) error {
	n, err := app.CountRecords(s.Notes)
	if err != nil || n > 0 {
		return err
	}
	return app.RunInTransaction(func(tx core.App) error {
		rooms, err := tx.FindCollectionByNameOrId(s.Rooms)
		if err != nil {
			return err
		}
		roomIDs := map[string]string{}
		if r, err := tx.FindFirstRecordByData(s.Rooms, s.RoomSlug, s.DefaultRoomSlug); err == nil {
			roomIDs[s.DefaultRoomSlug] = r.Id
		}
		for _, r := range []struct{ name, slug, unit string }{
			{"ER 3 break room", "er-3", "Emergency department"},
			{"4 West staff lounge", "4-west", "Medical ward 4 West"},
			{"ICU family and staff room", "icu", "Intensive care"},
		} {
			rec := core.NewRecord(rooms)
			rec.Set(s.RoomName, r.name)
			rec.Set(s.RoomSlug, r.slug)
			rec.Set(s.RoomUnit, r.unit)
			rec.Set(s.RoomActive, true)
			if err := tx.Save(rec); err != nil {
				return err
			}
			roomIDs[r.slug] = rec.Id
		}

		notes, err := tx.FindCollectionByNameOrId(s.Notes)
		if err != nil {
			return err
		}
		for _, n := range []struct{ to, body, from, room, status string }{
			{"The night team on 4 West", "You stayed calm through a **really** hard night and still made time to bring me tea. Thank you.", "Priya, HCA", "4-west", s.StatusApproved},
			{"Marcus in portering", "Thank you for always arriving with a smile, even at 3am.", "", "er-3", s.StatusApproved},
			{"Dr Okafor", "Thanks for teaching me the ultrasound-guided cannula, step by step, with so much patience.", "Sam (FY1)", "er-3", s.StatusApproved},
			{"Housekeeping, ICU", "The unit has never looked so welcoming for families. We notice, and we're grateful.", "ICU nurses", "icu", s.StatusApproved},
			{"Everyone on the stroke team", "Code stroke at handover and you all just *moved*. Proud to work with you.", "Jo", "", s.StatusApproved},
			{"Ana (pharmacy)", "You caught an interaction I'd missed and explained it kindly. Thank you.", "", "4-west", s.StatusPending},
		} {
			rec := core.NewRecord(notes)
			rec.Set(s.NoteTo, n.to)
			rec.Set(s.NoteBody, n.body)
			rec.Set(s.NoteFrom, n.from)
			rec.Set(s.FieldRoom, roomIDs[n.room])
			rec.Set(s.FieldStatus, n.status)
			if err := tx.Save(rec); err != nil {
				return err
			}
		}

		stories, err := tx.FindCollectionByNameOrId(s.Stories)
		if err != nil {
			return err
		}
		story := core.NewRecord(stories)
		story.Set(s.StoryTitle, "The cup of tea that changed my shift")
		story.Set(s.StoryBody, "It had been one of those nights.\n\n## What happened\n\nA colleague I barely knew noticed I hadn't eaten, "+
			"sat me down for five minutes and made me a cup of tea.\n\n## Why it mattered\n\n- I went back to the ward calmer\n- I remembered why I do this job\n\n"+
			"Small things are not small.")
		story.Set(s.StoryAuthor, "A staff nurse, medical wards")
		story.Set(s.FieldStatus, s.StatusPublished)
		if err := tx.Save(story); err != nil {
			return err
		}

		events, err := tx.FindCollectionByNameOrId(s.Events)
		if err != nil {
			return err
		}
		day := time.Now().UTC().Truncate(24 * time.Hour)
		for _, ev := range []struct {
			title, desc, place string
			starts             time.Time
			mins, capacity     int
		}{
			{"Schwartz Rounds: when care is hard", "A confidential hour to talk about the emotional side of care. Lunch provided.", "Education Centre, Room 2", day.Add(2*24*time.Hour + 12*time.Hour + 30*time.Minute), 60, 40},
			{"Night-shift breakfast", "Warm breakfast for the night teams, from the Kindness Coalition.", "Staff restaurant", day.Add(3*24*time.Hour + 6*time.Hour + 45*time.Minute), 45, 20},
			{"Lunchtime walk in the garden", "Twenty gentle minutes outside. Meet at the main entrance.", "Main entrance", day.Add(5*24*time.Hour + 12*time.Hour), 30, 0},
		} {
			rec := core.NewRecord(events)
			rec.Set(s.EventTitle, ev.title)
			rec.Set(s.EventDescription, ev.desc)
			rec.Set(s.EventPlace, ev.place)
			rec.Set(s.EventStarts, ev.starts)
			rec.Set(s.EventEnds, ev.starts.Add(time.Duration(ev.mins)*time.Minute))
			rec.Set(s.EventCapacity, ev.capacity)
			rec.Set(s.FieldStatus, s.StatusPublished)
			if err := tx.Save(rec); err != nil {
				return err
			}
		}
		return nil
	})
}
