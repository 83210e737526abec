package moderation_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/kindness-coalition/kindness-kiosk/internal/kktest"
	"github.com/kindness-coalition/kindness-kiosk/internal/moderation"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

func seedQueue(t testing.TB, app *tests.TestApp) {
	kktest.Create(t, app, s.Notes, map[string]any{"id": "notepending0001", s.NoteTo: "Ana", s.NoteBody: "thanks for the tea in bed 4",
		s.NoteFlags: map[string]any{"findings": map[string]any{"body": []map[string]any{{"kind": "room_bed", "text": "bed 4"}}}, "sent_anyway": true}})
	kktest.Create(t, app, s.Notes, map[string]any{"id": "noteapproved001", s.NoteTo: "Ben", s.NoteBody: "APPROVED", s.FieldStatus: s.StatusApproved})
	kktest.Create(t, app, s.Notes, map[string]any{"id": "noterejected001", s.NoteTo: "Cy", s.NoteBody: "REJECTED", s.FieldStatus: s.StatusRejected})
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storypending001", s.StoryTitle: "A hand to hold", s.StoryBody: "x"})
	kktest.Create(t, app, s.Stories, map[string]any{"id": "storypublish001", s.StoryTitle: "PUBLISHED", s.StoryBody: "x", s.FieldStatus: s.StatusPublished})
}

// TestAwaitingModeration: one list of what waits, notes and stories, with
// links (relations) the dashboard opens; moderators only.
func TestAwaitingModeration(t *testing.T) {
	app := kktest.NewApp(t)
	seedQueue(t, app)
	view, err := app.FindCollectionByNameOrId(moderation.QueueView)
	if err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"note": s.Notes, "story": s.Stories} {
		rel, ok := view.Fields.GetByName(name).(*core.RelationField)
		if !ok {
			t.Fatalf("%s is %T, want a relation the dashboard can open", name, view.Fields.GetByName(name))
		}
		if col, _ := app.FindCollectionByNameOrId(target); col == nil || rel.CollectionId != col.Id {
			t.Errorf("%s points at %s", name, rel.CollectionId)
		}
	}

	sc := tests.ApiScenario{
		Name: "moderator sees pending notes and stories only", Method: http.MethodGet,
		URL:            "/api/collections/awaiting_moderation/records?sort=-created",
		TestAppFactory: kktest.Factory(seedQueue), Headers: map[string]string{},
		ExpectedStatus: 200,
		ExpectedContent: []string{`"totalItems":2`, `"note":"notepending0001"`, `"kind":"note"`, `"summary":"To Ana: thanks for the tea in bed 4"`, `"findings":"room or bed (sent anyway)"`,
			`"findings":"none"`,
			`"story":"storypending001"`, `"kind":"story"`, `"summary":"A hand to hold"`},
		NotExpectedContent: []string{"APPROVED", "REJECTED", "PUBLISHED", `"flags"`},
	}
	sc.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		sc.Headers["Authorization"] = kktest.SuperuserToken(t, app)
	}
	sc.Test(t)

	for _, sc := range []tests.ApiScenario{
		{Name: "the public can't list the queue", Method: http.MethodGet, URL: "/api/collections/awaiting_moderation/records",
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}, NotExpectedContent: []string{"thanks for the tea"}},
		{Name: "the public can't view a queued item", Method: http.MethodGet, URL: "/api/collections/awaiting_moderation/records/notepending0001",
			ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}},
	} {
		sc.TestAppFactory = kktest.Factory(seedQueue)
		sc.Test(t)
	}
}

// TestQueueEmptiesOnApproval: approving through the API (as the dashboard
// does) takes the item off the queue.
func TestQueueEmptiesOnApproval(t *testing.T) {
	app := kktest.NewApp(t)
	seedQueue(t, app)
	note, err := app.FindRecordById(s.Notes, "notepending0001")
	if err != nil {
		t.Fatal(err)
	}
	note.Set(s.FieldStatus, s.StatusApproved)
	if err := app.Save(note); err != nil {
		t.Fatal(err)
	}
	left, err := app.FindAllRecords(moderation.QueueView)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range left {
		ids = append(ids, r.Id)
	}
	if strings.Join(ids, ",") != "storypending001" {
		t.Errorf("queue = %v, want the story only", ids)
	}
}
