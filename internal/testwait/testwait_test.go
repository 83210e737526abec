package testwait

import (
	"testing"
	"time"
)

type fixed struct {
	testing.TB
	end time.Time
	ok  bool
}

func (f fixed) Deadline() (time.Time, bool) { return f.end, f.ok }

func TestLeftFollowsTheTimeout(t *testing.T) {
	cases := []struct {
		name     string
		in       time.Duration
		ok       bool
		min, max time.Duration
	}{
		{"ten minutes", 10 * time.Minute, true, 10*time.Minute - margin - time.Second, 10*time.Minute - margin},
		{"no timeout", 0, false, noDeadline, noDeadline},
		{"nearly over", 10 * time.Second, true, 900 * time.Millisecond, time.Second},
	}
	for _, c := range cases {
		got := Left(fixed{TB: t, end: time.Now().Add(c.in), ok: c.ok})
		if got < c.min || got > c.max {
			t.Errorf("%s: Left = %v, want %v..%v", c.name, got, c.min, c.max)
		}
	}
}

func TestContextEndsWithTheTest(t *testing.T) {
	var ctxErr func() error
	t.Run("inner", func(t *testing.T) {
		ctx := Context(t)
		if _, ok := ctx.Deadline(); !ok {
			t.Fatal("no deadline")
		}
		ctxErr = ctx.Err
	})
	if ctxErr() == nil {
		t.Error("context still live after the test ended")
	}
}
