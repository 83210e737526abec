package pb_public

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/robertkrimen/otto/parser"
)

// TestScriptsAreES5 parses every public script with an ES5-only parser:
// break-room TVs run Chrome 49-era engines, and there is no build step to
// transpile. (The service worker runs only where service workers exist,
// but keeps the same syntax so one rule covers all.)
func TestScriptsAreES5(t *testing.T) {
	// the checker itself must reject what old engines reject
	for _, modern := range []string{"var f = () => 1;", "let x = 1;", "var s = `t`;", "class A {}", "var {a} = o;"} {
		if _, err := parser.ParseFile(nil, "modern.js", modern, 0); err == nil {
			t.Fatalf("the ES5 check accepts %q", modern)
		}
	}

	scripts, err := fs.Glob(FS, "js/*.js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts found (%v)", err)
	}
	for _, name := range scripts {
		src, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parser.ParseFile(nil, name, string(src), 0); err != nil {
			t.Errorf("%s is not ES5: %v", name, err)
		}
		if strings.Contains(string(src), "fetch(") && !strings.HasSuffix(name, "-sw.js") {
			t.Errorf("%s uses fetch(); TV engines without it need XMLHttpRequest", name)
		}
	}
}
