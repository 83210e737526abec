package kiosk

import (
	"maps"
	"testing"

	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// TestLightClientAnswersAsDefault: for every prefix PocketBase asks with
// (apis/realtime.go: "name/id?", "name/*?", "name?", by name and by id),
// lightClient answers what DefaultClient answers, options included, and
// "none" costs no allocation (it cost a map per client per prefix per
// record change: 30,000 per change with 5,000 screens).
func TestLightClientAnswersAsDefault(t *testing.T) {
	subs := [][]string{
		{Topic},
		{Topic, "notes/*"},
		{"notes"},
		{"notes/*", `notes/abc?options={"query":{"expand":"room"}}`},
		{"notes/abc", "stories/*"},
		{},
	}
	prefixes := []string{"notes/abc?", "notes/*?", "notes?", "pbc_123/abc?", "pbc_123/*?", "pbc_123?", "kiosk?", "kio", "kiosk", "stories/*?", ""}
	for _, s := range subs {
		light, def := newLightClient(), subscriptions.NewDefaultClient()
		light.Subscribe(s...)
		def.Subscribe(s...)
		for _, p := range prefixes {
			got, want := light.Subscriptions(p), def.Subscriptions(p)
			if len(got) != len(want) || !maps.EqualFunc(got, want, func(a, b subscriptions.SubscriptionOptions) bool {
				return maps.Equal(a.Query, b.Query) && maps.Equal(a.Headers, b.Headers)
			}) {
				t.Errorf("subscribed %q, prefix %q: %v, DefaultClient %v", s, p, got, want)
			}
		}
		if got, want := light.Subscriptions(), def.Subscriptions(); len(got) != len(want) {
			t.Errorf("subscribed %q, all: %v, want %v", s, got, want)
		}
	}

	light := newLightClient()
	light.Subscribe(Topic)
	if n := testing.AllocsPerRun(100, func() {
		for _, p := range []string{"notes/abc?", "pbc_123/abc?", "notes/*?", "pbc_123/*?", "notes?", "pbc_123?"} {
			_ = light.Subscriptions(p)
		}
	}); n != 0 {
		t.Errorf("a screen answering PocketBase's six questions per record change allocates %v times, want 0", n)
	}
	light.Unsubscribe(Topic)
	light.Subscribe("notes")
	if len(light.Subscriptions("notes?")) != 1 || len(light.Subscriptions(Topic+"?")) != 0 {
		t.Error("after a new subscription, the old names answered")
	}
}
