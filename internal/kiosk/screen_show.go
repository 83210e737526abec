package kiosk

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
	"github.com/kindness-coalition/kindness-kiosk/internal/prefs"
)

// screenView is what kiosk.html renders: the page plus what the server's
// clock says now, so the first paint already has the right time and the
// right (day or night) palette, with or without the script.
type screenView struct {
	*screenPage
	Now                   int64 // server time, Unix ms: the script's clock until a response's Date header
	Night                 bool  // inside the quiet hours, hospital time
	HasSlides             bool  // any card for the rotation (announcements are not slides)
	NoteShort, EventShort []string
	// Langs is what the room's screen speaks, the page's language first;
	// with two, the script alternates them (data-langs, data-words)
	Langs []i18n.Lang
	Words string // JSON: the script's words and date formats, per language
}

// showScreen renders GET /kiosk/{slug}: the whole screen, server-rendered,
// so it shows content even before (or without) its script.
func (h *handler) showScreen(e *core.RequestEvent) error {
	room, err := activeRoom(e.App, e.Request.PathValue("slug"))
	if err != nil {
		return h.views.Error(e, http.StatusNotFound, "error.screen_no_room", nil)
	}
	page, err := h.buildPage(e.App, room)
	if err != nil {
		return err
	}
	now := time.Now()
	p := prefs.Load(e.App)
	v := screenView{screenPage: page, Now: now.UnixMilli(), Night: quietAt(now.In(p.Location), p.QuietStart, p.QuietEnd),
		NoteShort: shortURL(page.NoteURL), EventShort: shortURL(page.EventURL)}
	for _, c := range page.Cards {
		v.HasSlides = v.HasSlides || c.Kind != kindAnnouncement
	}
	// the screen speaks its room's language, not the browser's
	v.Langs = roomLangs(room)
	lang := v.Langs[0]
	cards := make([]Card, len(page.Cards))
	for i, c := range page.Cards {
		if html, ok := c.HTMLs[lang]; ok {
			c.HTML = html
		}
		cards[i] = c
	}
	v.Cards = cards
	if t, ok := page.Tallies[lang]; ok {
		v.Tally = t
	}
	if v.Words, err = screenWords(v.Langs); err != nil {
		return err
	}
	return h.views.RenderIn(e, lang, http.StatusOK, "kiosk", v)
}

// quietAt reports whether a wall-clock time falls in the quiet hours
// ("HH:MM" to "HH:MM", possibly across midnight; empty = none). kiosk.js
// decides the same way each second (isQuiet), by the server's clock.
func quietAt(local time.Time, start, end string) bool {
	a, okA := hhmm(start)
	b, okB := hhmm(end)
	if !okA || !okB {
		return false
	}
	m := local.Hour()*60 + local.Minute()
	if a <= b {
		return m >= a && m < b
	}
	return m >= a || m < b
}

func hhmm(v string) (int, bool) {
	h, m, ok := strings.Cut(v, ":")
	if !ok {
		return 0, false
	}
	hi, err1 := strconv.Atoi(h)
	mi, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return hi*60 + mi, true
}
