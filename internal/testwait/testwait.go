// Package testwait gives tests deadlines derived from the test binary's
// own -timeout instead of short fixed ones.
//
// A fixed "30 s should be plenty" holds on a quiet laptop and fails on a
// busy 2-core CI machine building four packages at once (issue 12: two
// tests flaked that way). A test that must wait for something waits as
// long as the test binary is allowed to run, less a margin so that it can
// still fail with its own message and clean up before `go test` kills it.
package testwait

import (
	"context"
	"testing"
	"time"
)

// margin is kept back from the -timeout for the failure message, cleanup
// (stopping servers, Chromium) and the rest of the output.
const margin = 20 * time.Second

// noDeadline is what a test may wait when it runs with -timeout 0.
const noDeadline = 30 * time.Minute

// deadliner is *testing.T; *testing.B and *testing.F have no Deadline.
type deadliner interface {
	Deadline() (time.Time, bool)
}

// Left is how long tb may still wait for something: the time until the
// -timeout less a margin (at least a tenth of what is left, so a test
// started just before the timeout still gets a moment).
func Left(tb testing.TB) time.Duration {
	d, ok := tb.(deadliner)
	if !ok {
		return noDeadline
	}
	end, ok := d.Deadline()
	if !ok {
		return noDeadline
	}
	left := time.Until(end)
	if left-margin > left/10 {
		return left - margin
	}
	return left / 10
}

// Context returns a context that ends when tb must stop waiting (see
// [Left]), and is cancelled when the test ends.
func Context(tb testing.TB) context.Context {
	return WithParent(tb, context.Background())
}

// WithParent is [Context] derived from parent.
func WithParent(tb testing.TB, parent context.Context) context.Context {
	ctx, cancel := context.WithTimeout(parent, Left(tb))
	tb.Cleanup(cancel)
	return ctx
}

// After is time.After(Left(tb)), for select statements.
func After(tb testing.TB) <-chan time.Time {
	return time.After(Left(tb))
}
