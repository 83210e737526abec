package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// table is one Markdown table of the report.
type table struct {
	title   string
	intro   []string
	headers []string
	rows    [][]string
	notes   []string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) {
	if t.title != "" {
		fmt.Fprintf(w, "### %s\n\n", t.title)
	}
	for _, l := range t.intro {
		fmt.Fprintln(w, l)
	}
	if len(t.intro) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(t.headers, " | "))
	fmt.Fprintf(w, "|%s\n", strings.Repeat("---|", len(t.headers)))
	for _, r := range t.rows {
		cells := make([]string, len(t.headers))
		copy(cells, r)
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(c, "|", "\\|")
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintln(w)
	for _, l := range t.notes {
		fmt.Fprintln(w, l)
	}
	if len(t.notes) > 0 {
		fmt.Fprintln(w)
	}
}

// verdict is the budget column's answer.
func verdict(ok bool, detail string) string {
	if ok {
		return "pass (" + detail + ")"
	}
	return "**miss** (" + detail + ")"
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
}

func p50p99(p phase) string { return ms(p.pct(50)) + " / " + ms(p.pct(99)) }

func perSec(r float64) string { return fmt.Sprintf("%s/s", thousands(int(r+0.5))) }

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// kb uses 1 KB = 1,000 bytes, the stricter reading of the budget.
func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
