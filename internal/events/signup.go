package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// Limits of the sign-up fields; they match the signups collection.
const (
	NameMax  = 80
	UnitMax  = 80
	EmailMax = 254
	// TokenLength is the length of the personal link's key: 43 characters
	// of [a-zA-Z0-9] are ~256 bits, far beyond guessing.
	TokenLength = 43
)

// Errors returned by [SignUp] and [Cancel]; test them with errors.Is.
var (
	// ErrNotFound: no such event, or still a draft, or no such token.
	ErrNotFound = errors.New("events: not found")
	// ErrCancelled: the event was cancelled.
	ErrCancelled = errors.New("events: the event is cancelled")
	// ErrClosed: sign-up closed (signup_closes, or the event started).
	ErrClosed = errors.New("events: sign-up is closed")
	// ErrDuplicate: the e-mail address already has a live sign-up for the
	// event. [SignUp] returns the existing record with it.
	ErrDuplicate = errors.New("events: this address already has a live sign-up")
)

// SignUp signs a person up for a published, open event and returns the
// stored sign-up: status "confirmed" while seats remain, else "waitlisted"
// (see [Position]). It is the function the form, the benchmark and any
// script call; a repeat for the same (event, e-mail) returns the existing
// sign-up and [ErrDuplicate] without changing anything.
//
// The count of confirmed seats and the insert happen in one write
// transaction (PocketBase runs writes on one connection), so capacity is
// exact however many sign-ups arrive at once. The status itself is decided
// by the signups create hook (see hooks.go), the same code the dashboard
// and the REST API go through.
//
// NB! Don't call it with a transactional app you hold open for long: every
// other sign-up waits for the write connection.
func SignUp(app core.App, eventID, name, email, unit string) (*core.Record, error) {
	return SignUpIn(app, "", eventID, name, email, unit)
}

// SignUpIn is [SignUp] that also keeps the language of the page the person
// signed up on (lang, "" for none), so their e-mails are in it.
func SignUpIn(app core.App, lang i18n.Lang, eventID, name, email, unit string) (*core.Record, error) {
	email = NormalizeEmail(email)
	var rec *core.Record
	err := app.RunInTransaction(func(tx core.App) error {
		ev, err := tx.FindRecordById(s.Events, eventID)
		if err != nil {
			return ErrNotFound
		}
		if err := Open(ev, time.Now()); err != nil {
			return err
		}
		existing, err := findLive(tx, eventID, email, "")
		if err != nil {
			return err
		}
		if existing != nil {
			rec = existing
			return ErrDuplicate
		}
		collection, err := tx.FindCachedCollectionByNameOrId(s.Signups)
		if err != nil {
			return err
		}
		rec = core.NewRecord(collection)
		rec.Set(s.SignupEvent, eventID)
		rec.Set(s.SignupName, name)
		rec.Set(s.SignupEmail, email)
		rec.Set(s.SignupUnit, unit)
		if lang != "" {
			rec.Set(s.SignupLanguage, string(lang))
		}
		return tx.SaveWithContext(context.WithValue(context.Background(), checkedKey{}, ev), rec)
	})
	if err != nil && !errors.Is(err, ErrDuplicate) {
		return nil, err
	}
	return rec, err
}

// Open reports why an event takes no sign-ups at time now (nil = open):
// drafts don't exist for the public, cancelled events say so, and sign-up
// closes at signup_closes or else when the event starts.
func Open(ev *core.Record, now time.Time) error {
	switch ev.GetString(s.FieldStatus) {
	case s.StatusPublished:
	case s.StatusCancelled:
		return ErrCancelled
	default:
		return ErrNotFound
	}
	if !now.Before(ClosesAt(ev)) {
		return ErrClosed
	}
	return nil
}

// ClosesAt is when sign-up ends: at signup_closes if set, and at the
// start at the latest.
func ClosesAt(ev *core.Record) time.Time {
	starts := ev.GetDateTime(s.EventStarts).Time()
	if closes := ev.GetDateTime(s.EventSignupCloses); !closes.IsZero() && closes.Time().Before(starts) {
		return closes.Time()
	}
	return starts
}

// Cancel cancels the sign-up with this token and, in the same
// transaction, gives a freed seat to the first person on the waitlist.
// Cancelling twice is harmless.
func Cancel(app core.App, token string) (*core.Record, error) {
	var rec *core.Record
	err := app.RunInTransaction(func(tx core.App) error {
		var err error
		if rec, err = FindByToken(tx, token); err != nil {
			return err
		}
		if rec.GetString(s.FieldStatus) == s.StatusCancelled {
			return nil
		}
		rec.Set(s.FieldStatus, s.StatusCancelled)
		return tx.Save(rec) // the update hook promotes from the waitlist
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// FindByToken returns the sign-up whose personal link has this token.
func FindByToken(app core.App, token string) (*core.Record, error) {
	if len(token) < 20 || len(token) > 100 {
		return nil, ErrNotFound
	}
	// the token index is partial (token != ''): SQLite uses it only when
	// the query repeats that condition
	var recs []*core.Record
	err := app.RecordQuery(s.Signups).
		AndWhere(dbx.HashExp{s.SignupToken: token}).
		AndWhere(dbx.NewExp("[[" + s.SignupToken + "]] != ''")).
		Limit(1).All(&recs)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, ErrNotFound
	}
	return recs[0], nil
}

// Position is a waitlisted person's place in the queue (1 = next to get a
// seat); 0 for anyone not waitlisted. The queue is first come, first
// served: by created, then by insert order (rowid) for the same millisecond.
func Position(app core.App, rec *core.Record) (int, error) {
	if rec.GetString(s.FieldStatus) != s.StatusWaitlisted {
		return 0, nil
	}
	var n int
	err := app.DB().NewQuery(`SELECT count(*) FROM {{signups}} w, {{signups}} me
		WHERE me.id = {:id} AND w.event = me.event AND w.status = 'waitlisted'
		AND (w.created < me.created OR (w.created = me.created AND w.rowid <= me.rowid))`).
		Bind(dbx.Params{"id": rec.Id}).Row(&n)
	if err != nil {
		return 0, fmt.Errorf("waitlist position: %w", err)
	}
	return n, nil
}

// NormalizeEmail trims and lower-cases an address, so that one person is
// one sign-up whatever they type (the unique index compares exact text).
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func newToken() string { return security.RandomString(TokenLength) }

// findLive returns the live (not cancelled) sign-up of an address for an
// event, or nil.
func findLive(app core.App, eventID, email, exceptID string) (*core.Record, error) {
	var recs []*core.Record
	err := app.RecordQuery(s.Signups).
		AndWhere(dbx.HashExp{s.SignupEvent: eventID}).
		// addresses are stored normalised (the hooks), and this is the
		// partial unique index's own condition, so the lookup uses it
		AndWhere(dbx.HashExp{s.SignupEmail: NormalizeEmail(email)}).
		AndWhere(dbx.NewExp("[[" + s.FieldStatus + "]] != 'cancelled'")).
		AndWhere(dbx.Not(dbx.HashExp{"id": exceptID})).
		Limit(1).All(&recs)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return recs[0], nil
}

// checkedKey carries the event (*core.Record) that [SignUp] read, and
// whose duplicate check it made, in the same transaction as the save.
type checkedKey struct{}

// promotingKey marks the saves fill makes, so the update hook doesn't
// start another fill for each promoted person.
type promotingKey struct{}

// fill gives free seats to the waitlist, first come first served, until the
// event is full or the waitlist empty. Call it inside the transaction that
// freed the seats.
func fill(app core.App, eventID string) error {
	ev, err := app.FindRecordById(s.Events, eventID)
	if err != nil {
		return nil // the event is gone (cascade delete)
	}
	if ev.GetString(s.FieldStatus) == s.StatusCancelled {
		return nil // nobody should be told "you have a seat" at a cancelled event
	}
	if !endsAt(ev).After(time.Now()) {
		return nil // ...nor at one that is over (a late cancel, a tidy-up)
	}
	ctx := context.WithValue(context.Background(), promotingKey{}, true)
	for {
		free, err := seatFree(app, ev, "")
		if err != nil || !free {
			return err
		}
		var next []*core.Record
		err = app.RecordQuery(s.Signups).
			AndWhere(dbx.HashExp{s.SignupEvent: eventID, s.FieldStatus: s.StatusWaitlisted}).
			OrderBy("[["+s.FieldCreated+"]] ASC", "[[rowid]] ASC").Limit(1).All(&next)
		if err != nil || len(next) == 0 {
			return err
		}
		next[0].Set(s.FieldStatus, s.StatusConfirmed)
		if err := app.SaveWithContext(ctx, next[0]); err != nil {
			return fmt.Errorf("promote %s: %w", next[0].Id, err)
		}
	}
}
