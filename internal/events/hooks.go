package events

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// bindCapacity makes capacity and the waitlist hold however a sign-up is
// written: [SignUp] (the form), the REST API (superusers only: the
// collection has no public rules) and the dashboard. Each hook runs the
// rest of the save and its follow-up in one write transaction.
//
// Invariants after every commit: confirmed ≤ capacity (when capacity > 0),
// and nobody waits while a seat is free.
func bindCapacity(app core.App) {
	app.OnRecordCreate(s.Signups).BindFunc(onSignupCreate)
	app.OnRecordUpdate(s.Signups).BindFunc(onSignupUpdate)
	app.OnRecordDelete(s.Signups).BindFunc(onSignupDelete)
	app.OnRecordUpdate(s.Events).BindFunc(onEventUpdate)
}

// inTx runs before, the rest of the hook chain (the actual write) and after
// in one transaction, with e.App swapped for the transaction's app so the
// write joins it. Nested calls join the outer transaction.
func inTx(e *core.RecordEvent, before, after func(tx core.App) error) error {
	return e.App.RunInTransaction(func(tx core.App) error {
		orig := e.App
		e.App = tx
		// after-success hooks must get the committed app, not the finished tx
		defer func() { e.App = orig }()
		if before != nil {
			if err := before(tx); err != nil {
				return err
			}
		}
		if err := e.Next(); err != nil {
			return err
		}
		if after != nil {
			return after(tx)
		}
		return nil
	})
}

// onSignupCreate decides the status of a new sign-up: whatever was asked
// for (a forged "confirmed" included), a live sign-up is confirmed while a
// seat is free and waitlisted otherwise. Only "cancelled" is kept as given.
func onSignupCreate(e *core.RecordEvent) error {
	return inTx(e, func(tx core.App) error {
		rec := e.Record
		normalize(rec)
		if rec.GetString(s.FieldStatus) == s.StatusCancelled {
			return nil
		}
		// SignUp hands over the event it read and checked in this same
		// transaction (one query less per sign-up in a rush); any other
		// path (REST, dashboard) reads it and checks for a duplicate here
		var ev *core.Record
		if e.Context != nil {
			ev, _ = e.Context.Value(checkedKey{}).(*core.Record)
		}
		if ev == nil || ev.Id != rec.GetString(s.SignupEvent) {
			var err error
			if ev, err = tx.FindRecordById(s.Events, rec.GetString(s.SignupEvent)); err != nil {
				return nil // the relation validator reports the missing event
			}
			if err := checkDuplicate(tx, rec); err != nil {
				return err
			}
		}
		free, err := seatFree(tx, ev, rec.Id)
		if err != nil {
			return err
		}
		if free {
			rec.Set(s.FieldStatus, s.StatusConfirmed)
		} else {
			rec.Set(s.FieldStatus, s.StatusWaitlisted)
		}
		return nil
	}, nil)
}

// onSignupUpdate refuses to confirm anyone into a full event (a moderator
// raises the capacity instead, which promotes from the waitlist), and after
// the write gives any freed seat to the waitlist.
func onSignupUpdate(e *core.RecordEvent) error {
	// a promotion made by fill: fill itself goes on with the next person
	promoting := e.Context != nil && e.Context.Value(promotingKey{}) != nil
	var refill []string
	return inTx(e, func(tx core.App) error {
		rec := e.Record
		normalize(rec)
		old := rec.Original()
		oldStatus, status := old.GetString(s.FieldStatus), rec.GetString(s.FieldStatus)
		oldEvent, eventID := old.GetString(s.SignupEvent), rec.GetString(s.SignupEvent)
		if status == "" {
			rec.Set(s.FieldStatus, s.StatusWaitlisted) // fill below confirms if a seat is free
			status = s.StatusWaitlisted
		}
		if status != s.StatusCancelled && (oldStatus == s.StatusCancelled || oldEvent != eventID ||
			NormalizeEmail(old.GetString(s.SignupEmail)) != rec.GetString(s.SignupEmail)) {
			if err := checkDuplicate(tx, rec); err != nil {
				return err
			}
		}
		if status == s.StatusConfirmed && (oldStatus != s.StatusConfirmed || oldEvent != eventID) {
			ev, err := tx.FindRecordById(s.Events, eventID)
			if err != nil {
				return nil // the relation validator reports it
			}
			free, err := seatFree(tx, ev, rec.Id)
			if err != nil {
				return err
			}
			if !free {
				return router.NewBadRequestError(fmt.Sprintf(
					"This event is full (all %d seats are confirmed). Raise its capacity to give this person a seat, or cancel someone first.",
					ev.GetInt(s.EventCapacity)), nil)
			}
		}
		if !promoting {
			refill = append(refill, eventID)
			if oldEvent != "" && oldEvent != eventID {
				refill = append(refill, oldEvent)
			}
		}
		return nil
	}, func(tx core.App) error {
		for _, id := range refill {
			if err := fill(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// onSignupDelete treats a deleted sign-up like a cancellation.
func onSignupDelete(e *core.RecordEvent) error {
	eventID := e.Record.GetString(s.SignupEvent)
	return inTx(e, nil, func(tx core.App) error { return fill(tx, eventID) })
}

// onEventUpdate keeps confirmed ≤ capacity when a moderator lowers the
// capacity, and promotes from the waitlist when they raise it (or set it
// to 0 = unlimited).
func onEventUpdate(e *core.RecordEvent) error {
	return inTx(e, func(tx core.App) error {
		capacity := e.Record.GetInt(s.EventCapacity)
		if capacity <= 0 {
			return nil
		}
		n, err := confirmedCount(tx, e.Record.Id, "")
		if err != nil {
			return err
		}
		if n > capacity {
			return router.NewBadRequestError(fmt.Sprintf(
				"%d people are already confirmed, so the capacity can't be lower than %d. Cancel sign-ups first.", n, n), nil)
		}
		return nil
	}, func(tx core.App) error { return fill(tx, e.Record.Id) })
}

// normalize lower-cases the address and gives every sign-up its key.
func normalize(rec *core.Record) {
	rec.Set(s.SignupEmail, NormalizeEmail(rec.GetString(s.SignupEmail)))
	if rec.GetString(s.SignupToken) == "" {
		rec.Set(s.SignupToken, newToken())
	}
}

func checkDuplicate(tx core.App, rec *core.Record) error {
	dup, err := findLive(tx, rec.GetString(s.SignupEvent), rec.GetString(s.SignupEmail), rec.Id)
	if err != nil {
		return err
	}
	if dup != nil {
		return router.NewBadRequestError("This e-mail address already has a live sign-up for this event.", nil)
	}
	return nil
}
