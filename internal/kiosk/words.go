package kiosk

import (
	"encoding/json"
	"strconv"

	"github.com/kindness-coalition/kindness-kiosk/internal/i18n"
)

// screenKeys are the catalogue messages kiosk.js needs: what it swaps when
// an alternating screen changes language (elements marked data-t), and
// what it writes itself (the room-gone message). Only plain-text messages.
var screenKeys = []string{
	"kiosk.empty.title", "kiosk.empty.lead", "kiosk.privacy", "kiosk.reconnecting",
	"kiosk.gone.title", "kiosk.gone.lead", "kiosk.notice",
	"qr.note", "qr.event", "qr.note_alt", "qr.event_alt",
}

// screenWords is the JSON kiosk.js reads from data-words: per language,
// the messages above and the clock's CLDR patterns and names (the same
// the server formats with, i18n.Format), so the script's clock speaks the
// room's language too.
func screenWords(langs []i18n.Lang) (string, error) {
	type words struct {
		T      map[string]string `json:"t"`
		Date   string            `json:"date"`
		Time   string            `json:"time"`
		Days   []string          `json:"days"`
		Months []string          `json:"months"`
		AM     string            `json:"am"`
		PM     string            `json:"pm"`
	}
	out := map[i18n.Lang]words{}
	for _, l := range langs {
		w := words{T: map[string]string{}, Date: l.T("format.date_long"), Time: l.T("format.time"), AM: l.T("date.am"), PM: l.T("date.pm")}
		for _, k := range screenKeys {
			w.T[k] = l.T(k)
		}
		for d := 0; d < 7; d++ {
			w.Days = append(w.Days, l.T("date.weekday.wide."+strconv.Itoa(d)))
		}
		for m := 1; m <= 12; m++ {
			w.Months = append(w.Months, l.T("date.month.wide."+strconv.Itoa(m)))
		}
		out[l] = w
	}
	b, err := json.Marshal(out)
	return string(b), err
}
