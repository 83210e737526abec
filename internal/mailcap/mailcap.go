// Package mailcap caps all the mail the product sends, whoever sends it:
// sign-up confirmations, digests, "a screen went dark" notices, and
// PocketBase's own. The sign-up form lets anyone make the hospital's mail
// server write to an address they type, and screens check in without an
// account; however many requests arrive, at most PerMinute mails go out
// (issue 12, docs/adr/0106).
//
// It works on PocketBase's OnMailerSend hook, which every
// app.NewMailClient().Send passes through, so a sender needs no change: a
// mail over the cap is not sent and Send returns ErrOverCap. A sender whose
// mails must all go in the end (a cancelled event's notices) calls Wait
// first, in the background. PocketBase's account mails (one-time codes,
// password resets, verification, e-mail change, new-login alerts) go to
// existing accounts only: they count, but are never refused, so a flood
// of sign-ups can't lock a moderator out.
package mailcap

import (
	"errors"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/mailer"
)

// PerMinute is how many mails may go out a minute, on average; up to
// PerMinute at once after a quiet minute.
const PerMinute = 30

// ErrOverCap is Send's error for a mail over the cap (not sent).
var ErrOverCap = errors.New("not sent: over the cap of mails per minute")

// budget is a token bucket per app: PerMinute tokens, refilled
// continuously, plus the mails already let through (Wait, account mails).
type budget struct {
	mu     sync.Mutex
	tokens float64
	last   time.Time
	pass   map[*mailer.Message]bool // let through without a token of their own
	now    func() time.Time
	sleep  func(time.Duration)
}

const storeKey = "kkMailCap"

func of(app core.App) *budget {
	return app.Store().GetOrSet(storeKey, func() any {
		return &budget{tokens: PerMinute, last: time.Now(), pass: map[*mailer.Message]bool{}, now: time.Now, sleep: time.Sleep}
	}).(*budget)
}

// Register binds the cap to the app's mail hooks.
func Register(app core.App) {
	b := of(app)
	app.OnMailerSend().Bind(&hook.Handler[*core.MailerEvent]{
		Id: "kkMailCap",
		Func: func(e *core.MailerEvent) error {
			if !b.allow(e.Message) {
				return ErrOverCap
			}
			return e.Next()
		},
	})
	account := &hook.Handler[*core.MailerRecordEvent]{
		Id: "kkMailCapAccount",
		Func: func(e *core.MailerRecordEvent) error {
			b.mark(e.Message)
			return e.Next()
		},
	}
	app.OnMailerRecordOTPSend().Bind(account)
	app.OnMailerRecordPasswordResetSend().Bind(account)
	app.OnMailerRecordVerificationSend().Bind(account)
	app.OnMailerRecordEmailChangeSend().Bind(account)
	app.OnMailerRecordAuthAlertSend().Bind(account)
}

// Wait blocks until the cap lets one more mail go, spends it, and lets
// msg through when it is sent. For background senders only.
func Wait(app core.App, msg *mailer.Message) {
	b := of(app)
	for {
		ok, d := b.take()
		if ok {
			b.mu.Lock()
			b.pass[msg] = true
			b.mu.Unlock()
			return
		}
		b.sleep(d)
	}
}

// SetClock replaces the cap's clock and sleep, for tests that move time
// instead of waiting for it.
func SetClock(app core.App, now func() time.Time, sleep func(time.Duration)) {
	b := of(app)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now, b.sleep, b.last = now, sleep, now()
}

// mark lets an account mail through whatever the budget; it still spends
// a token when there is one.
func (b *budget) mark(msg *mailer.Message) {
	b.take()
	b.mu.Lock()
	b.pass[msg] = true
	b.mu.Unlock()
}

// allow reports whether msg may be sent now, spending a token unless it
// was let through already.
func (b *budget) allow(msg *mailer.Message) bool {
	b.mu.Lock()
	if b.pass[msg] {
		delete(b.pass, msg)
		b.mu.Unlock()
		return true
	}
	b.mu.Unlock()
	ok, _ := b.take()
	return ok
}

// take spends a token if there is one; otherwise it says how long until
// there will be.
func (b *budget) take() (bool, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	b.tokens = min(PerMinute, b.tokens+now.Sub(b.last).Minutes()*PerMinute)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / PerMinute * float64(time.Minute))
}
