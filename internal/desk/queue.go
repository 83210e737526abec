package desk

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/desk/pending"
	"github.com/kindness-coalition/kindness-kiosk/internal/forms"
	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/phi"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
	s "github.com/kindness-coalition/kindness-kiosk/internal/schema"
)

// queueLimit is how many items the page shows at once; the count says how
// many wait in all.
const queueLimit = 100

// kinds are the collections the desk decides, with their words.
var kinds = map[string]struct {
	Label    string // what the item is called on the page
	Approved string // the status an approval sets
	Fields   [3]string
}{
	s.Notes:   {"desk.kind.note", s.StatusApproved, [3]string{s.NoteTo, s.NoteBody, s.NoteFrom}},
	s.Stories: {"desk.kind.story", s.StatusPublished, [3]string{s.StoryTitle, s.StoryBody, s.StoryAuthor}},
}

// Item is one pending note or story as the desk shows it.
type Item struct {
	Collection string // notes or stories
	ID         string
	Label      string // catalogue key: "Thank-you" or "Story"
	// Head is the note's "to" or the story's title, Body the text, From
	// the writer's name: each split around the PHI guard's findings.
	Head, Body, From []forms.Segment
	Anonymous        bool        // no name given: shown as "A colleague"
	Findings         []i18n.Text // the kinds found, in plain words, e.g. "a patient's name"
	SentAnyway       bool        // the writer saw the warning and sent it anyway
	StrongLanguage   bool        // strong language or abuse: kept out of "approve all"
	Room             string      // where it was written
	ForRoom          string      // a note's for_room: where the person thanked works
	Age              i18n.Text   // "12 min ago"
	Created          time.Time
	CreatedISO       string
	CreatedLocal     i18n.Text // "Tue 3 Dec 14:30" in the hospital's time zone
	Long             bool      // a long story: the page shows it in a scroll box
}

// Key is how forms name an item: "notes:abc123".
func (it Item) Key() string { return it.Collection + ":" + it.ID }

// Clean reports whether "approve all without findings" may take the item:
// the PHI guard found nothing and there is no strong language.
func (it Item) Clean() bool { return len(it.Findings) == 0 && !it.StrongLanguage }

// Waiting counts the pending notes and stories (the page title shows it).
func Waiting(app core.App) (int, error) { return pending.Count(app) }

// newest is the key of the most recent pending item ("" if none): with
// the count it tells desk.js's poll that the queue changed even when one
// item left and another arrived.
func newest(app core.App) string {
	var key string
	var at time.Time
	for _, c := range []string{s.Notes, s.Stories} {
		recs, err := app.FindRecordsByFilter(c, "status = {:st}", "-created", 1, 0, dbx.Params{"st": s.StatusPending})
		if err != nil || len(recs) == 0 {
			continue
		}
		if t := recs[0].GetDateTime(s.FieldCreated).Time(); key == "" || t.After(at) {
			key, at = c+":"+recs[0].Id, t
		}
	}
	return key
}

// oldestPending loads up to limit pending notes and stories, oldest first.
func oldestPending(app core.App, limit int) ([]*core.Record, error) {
	var all []*core.Record
	for _, c := range []string{s.Notes, s.Stories} {
		recs, err := app.FindRecordsByFilter(c, "status = {:st}", "created", limit, 0, dbx.Params{"st": s.StatusPending})
		if err != nil {
			return nil, fmt.Errorf("desk: pending %s: %w", c, err)
		}
		all = append(all, recs...)
	}
	slices.SortStableFunc(all, func(a, b *core.Record) int {
		return a.GetDateTime(s.FieldCreated).Time().Compare(b.GetDateTime(s.FieldCreated).Time())
	})
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

// findRecord returns a note or story by the route's {collection}/{id};
// nil for anything else (the handler answers 404).
func findRecord(app core.App, collection, id string) *core.Record {
	if _, ok := kinds[collection]; !ok {
		return nil
	}
	rec, err := app.FindRecordById(collection, id)
	if err != nil {
		return nil
	}
	return rec
}

// flagsOf reads a record's `flags`: the findings per field (kinds and
// byte ranges into the text as it is now; the hook re-scans on every edit).
func flagsOf(rec *core.Record) forms.Flags {
	var f forms.Flags
	_ = json.Unmarshal([]byte(rec.GetString(s.NoteFlags)), &f) // notes and stories share the field name
	return f
}

// newItems turns records into what the page shows, rooms expanded.
func newItems(app core.App, recs []*core.Record, now time.Time) []Item {
	if len(recs) == 0 {
		return nil
	}
	rooms := map[string]string{}
	var ids []string
	for _, r := range recs {
		for _, id := range []string{r.GetString(s.FieldRoom), r.GetString(s.NoteForRoom)} {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		found, err := app.FindRecordsByIds(s.Rooms, ids)
		if err == nil {
			for _, room := range found {
				rooms[room.Id] = room.GetString(s.RoomName)
			}
		}
	}
	p := prefs.Load(app)
	items := make([]Item, 0, len(recs))
	for _, r := range recs {
		it := newItem(r, rooms[r.GetString(s.FieldRoom)], p, now)
		it.ForRoom = rooms[r.GetString(s.NoteForRoom)] // stories have no for_room: ""
		items = append(items, it)
	}
	return items
}

func newItem(r *core.Record, room string, p prefs.Prefs, now time.Time) Item {
	k := kinds[r.Collection().Name]
	flags := flagsOf(r)
	created := r.GetDateTime(s.FieldCreated).Time()
	it := Item{
		Collection: r.Collection().Name, ID: r.Id, Label: k.Label, Room: room,
		SentAnyway: flags.SentAnyway, Created: created, CreatedISO: created.UTC().Format(time.RFC3339),
		CreatedLocal: dayTime(created.In(p.Location)), Age: Age(now.Sub(created)),
	}
	segs := make([][]forms.Segment, 3)
	for i, field := range k.Fields {
		text := r.GetString(field)
		segs[i] = forms.Highlight(text, flags.Findings[field])
		for _, f := range flags.Findings[field] {
			if l := kindLabel(f.Kind); !slices.Contains(it.Findings, i18n.Text(l)) {
				it.Findings = append(it.Findings, l)
			}
		}
	}
	it.Head, it.Body, it.From = segs[0], segs[1], segs[2]
	it.StrongLanguage = hasStrongLanguage(r)
	if r.GetString(k.Fields[2]) == "" {
		it.Anonymous = true
		it.From = nil // the page says "A colleague", as the screens do
	}
	it.Long = len(r.GetString(k.Fields[1])) > 1200
	return it
}

// FindingList is the kinds found, in one line ("a patient's name, a bed
// number"), in the reader's language.
func (it Item) FindingList() i18n.Text { return textList(it.Findings) }

// textList joins texts with commas in the reader's language.
type textList []i18n.Text

// In joins the list in l.
func (t textList) In(l i18n.Lang) string {
	parts := make([]string, len(t))
	for i, x := range t {
		parts[i] = x.In(l)
	}
	return strings.Join(parts, ", ")
}

// Age is how long ago, in words: "just now", "12 min ago", "3 hours ago",
// "2 days ago".
func Age(d time.Duration) i18n.Text {
	if d < time.Minute {
		return i18n.M("desk.age.just_now")
	}
	return i18n.M("desk.age.ago", "Duration", Duration(d))
}

// Duration is a length of time in words: "12 min", "3 hours", "2 days"
// (at least a minute).
func Duration(d time.Duration) i18n.Text {
	switch {
	case d < time.Hour:
		return i18n.M("desk.duration.minutes", "Count", max(1, int(d/time.Minute)))
	case d < 48*time.Hour:
		return i18n.M("desk.duration.hours", "Count", int(d/time.Hour))
	}
	return i18n.M("desk.duration.days", "Count", int(d/(24*time.Hour)))
}

// dayTime is a day and a time, "Tue 3 Dec 14:30", in the reader's
// language; t must be in the hospital's zone.
func dayTime(t time.Time) i18n.Text {
	return i18n.M("desk.day_time", "Day", i18n.Day(t), "Time", i18n.Clock(t))
}

// kindLabel is the PHI guard's wording of a kind, in the reader's language.
type kindLabel phi.Kind

// In words the kind in l.
func (k kindLabel) In(l i18n.Lang) string { return phi.Kind(k).LabelIn(string(l)) }
