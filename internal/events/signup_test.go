package events_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/events"
	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// TestCapacityUnderRush is the budget of PRODUCT.md as a test: 500
// simultaneous sign-ups for 20 seats give exactly 20 confirmed and 480
// waitlisted with positions 1..480; then 50 simultaneous cancellations
// (the 20 confirmed and the next 30 in line, who are being promoted
// meanwhile) leave confirmed = the next 20 in first-come order, and a
// watcher never sees more than 20 confirmed. Three rounds.
func TestCapacityUnderRush(t *testing.T) {
	const people, seats, cancels = 500, 20, 50
	app := kktest.NewApp(t)
	for round := 1; round <= 3; round++ {
		ev := newEvent(t, app, map[string]any{s.EventCapacity: seats, s.EventTitle: fmt.Sprintf("Rush %d", round)})

		// 500 at once
		recs := make([]*core.Record, people)
		var failed atomic.Int32
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range people {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				rec, err := events.SignUp(app, ev.Id, fmt.Sprintf("Person %d", i), email(i, round), "4 West")
				if err != nil {
					failed.Add(1)
					t.Errorf("sign-up %d: %v", i, err)
					return
				}
				recs[i] = rec
			}()
		}
		t0 := time.Now()
		close(start)
		wg.Wait()
		t.Logf("round %d: %d sign-ups in %v, %d errors", round, people, time.Since(t0), failed.Load())
		if failed.Load() > 0 {
			t.FailNow()
		}
		got := countStatus(t, app, ev.Id)
		if got[s.StatusConfirmed] != seats || got[s.StatusWaitlisted] != people-seats || len(got) != 2 {
			t.Fatalf("round %d: %v, want %d confirmed and %d waitlisted", round, got, seats, people-seats)
		}
		// first come first served: the 20 earliest are the confirmed ones,
		// and the waitlist positions are 1..480 in order
		fifo := signups(t, app, ev.Id) // by created
		checkFIFO(t, app, fifo, seats)

		// 50 cancellations at once, with a watcher counting confirmed seats
		stop := make(chan struct{})
		var maxSeen atomic.Int32
		watcher := make(chan struct{})
		go func() {
			defer close(watcher)
			for {
				select {
				case <-stop:
					return
				default:
				}
				n := countConfirmed(t, app, ev.Id)
				if int32(n) > maxSeen.Load() {
					maxSeen.Store(int32(n))
				}
				time.Sleep(time.Millisecond) // leave the CPUs to the writers
			}
		}()
		start = make(chan struct{})
		for i := range cancels {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if _, err := events.Cancel(app, fifo[i].GetString(s.SignupToken)); err != nil {
					failed.Add(1)
					t.Errorf("cancel %d: %v", i, err)
				}
			}()
		}
		t0 = time.Now()
		close(start)
		wg.Wait()
		close(stop)
		<-watcher
		t.Logf("round %d: %d cancellations in %v, max confirmed seen %d", round, cancels, time.Since(t0), maxSeen.Load())
		if failed.Load() > 0 {
			t.FailNow()
		}
		if maxSeen.Load() > seats {
			t.Fatalf("round %d: saw %d confirmed, capacity %d", round, maxSeen.Load(), seats)
		}
		after := signups(t, app, ev.Id)
		for i, r := range after[:cancels] {
			if st := r.GetString(s.FieldStatus); st != s.StatusCancelled {
				t.Fatalf("round %d: #%d is %s, want cancelled", round, i, st)
			}
		}
		checkFIFO(t, app, after[cancels:], seats)
		// promotions happened in queue order
		promoted := after[cancels : cancels+seats]
		for i := 1; i < len(promoted); i++ {
			if promoted[i].GetDateTime(s.FieldUpdated).Before(promoted[i-1].GetDateTime(s.FieldUpdated)) {
				t.Fatalf("round %d: %s promoted before %s, who was ahead in the queue", round,
					promoted[i].GetString(s.SignupName), promoted[i-1].GetString(s.SignupName))
			}
		}
	}
}

// checkFIFO: of the live sign-ups in created order, the first `seats` are
// confirmed and the rest waitlisted at positions 1, 2, 3… ([events.Position]
// is asked for a sample: under -race each SQLite query is slow).
func checkFIFO(t *testing.T, app core.App, live []*core.Record, seats int) {
	t.Helper()
	for i, r := range live {
		want := s.StatusConfirmed
		if i >= seats {
			want = s.StatusWaitlisted
		}
		if st := r.GetString(s.FieldStatus); st != want {
			t.Fatalf("#%d (%s) is %s, want %s", i, r.GetString(s.SignupName), st, want)
		}
	}
	for _, i := range []int{0, seats - 1, seats, seats + 1, (len(live) + seats) / 2, len(live) - 1} {
		pos, err := events.Position(app, live[i])
		if err != nil {
			t.Fatal(err)
		}
		if want := max(0, i-seats+1); pos != want {
			t.Fatalf("#%d position %d, want %d", i, pos, want)
		}
	}
}

func countConfirmed(t testing.TB, app core.App, eventID string) int {
	n, err := app.CountRecords(s.Signups, dbx.HashExp{s.SignupEvent: eventID, s.FieldStatus: s.StatusConfirmed})
	if err != nil {
		t.Error(err)
	}
	return int(n)
}
