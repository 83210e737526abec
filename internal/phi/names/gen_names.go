//go:build ignore

// gen_names writes the gazetteer: every name of the input lists that is
// written in Latin letters, lower-cased and NFKC-normalised, sorted, in
// names.txt, or in names_common.txt when it is also an everyday word of the
// given dictionaries. See gen.sh for the inputs.
package main

import (
	"bufio"
	"flag"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	out := flag.String("out", ".", "output folder")
	words := flag.String("words", "", "comma-separated dictionaries of everyday words")
	flag.Parse()
	common := map[string]bool{}
	for _, path := range strings.Split(*words, ",") {
		for _, w := range lines(path) {
			// lower-case entries are everyday words; capitalised ones are proper nouns
			if w != "" && unicode.IsLower([]rune(w)[0]) && !strings.Contains(w, "'") {
				common[norm.NFKC.String(w)] = true
			}
		}
	}
	names := map[string]bool{}
	for _, path := range flag.Args() {
		for _, n := range lines(path) {
			n = strings.ToLower(norm.NFKC.String(strings.TrimSpace(n)))
			if ok(n) {
				names[n] = true
			}
		}
	}
	var strong, weak []string
	for n := range names {
		if common[n] || len([]rune(n)) < 3 {
			weak = append(weak, n)
		} else {
			strong = append(strong, n)
		}
	}
	slices.Sort(strong)
	slices.Sort(weak)
	write(filepath.Join(*out, "names.txt"), strong)
	write(filepath.Join(*out, "names_common.txt"), weak)
	log.Printf("%d names, %d of them everyday words too", len(strong)+len(weak), len(weak))
}

// ok keeps single names in Latin letters (with ' or - inside).
func ok(n string) bool {
	if len([]rune(n)) < 2 || strings.HasPrefix(n, "#") {
		return false
	}
	for _, r := range n {
		if !(unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '-') {
			return false
		}
	}
	return unicode.IsLetter([]rune(n)[0])
}

func lines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func write(path string, names []string) {
	if err := os.WriteFile(path, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
