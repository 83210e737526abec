package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionIsStamped: `--version` says which build runs. Built from this
// git clone it names the commit; with -X …/version.Release it names the
// release too; built without VCS stamping it still says something true
// (it printed "(untracked)" before, whatever was built).
func TestVersionIsStamped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("SKIPPED LOUDLY: not a git clone (or no git): %v", err)
	}
	build := func(flags ...string) string {
		t.Helper()
		bin := filepath.Join(t.TempDir(), "kindness-kiosk")
		cmd := exec.Command(goCmd(), append(append([]string{"build"}, flags...), "-o", bin, ".")...)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=") // flags on the command line only
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", flags, err, out)
		}
		out, err := exec.Command(bin, "--version").CombinedOutput()
		if err != nil {
			t.Fatalf("--version: %v\n%s", err, out)
		}
		return string(out)
	}

	rev := strings.TrimSpace(string(head))[:12]
	release := build("-buildvcs=true", "-ldflags", "-X github.com/kindness-coalition/kindness-kiosk/internal/version.Release=v9.8.7")
	for _, want := range []string{"kindness-kiosk version v9.8.7 (git " + rev, "PocketBase v0.40.4"} {
		if !strings.Contains(release, want) {
			t.Errorf("release build: %q lacks %q", release, want)
		}
	}
	plain := build("-buildvcs=false")
	if !strings.Contains(plain, "(devel), built without VCS info") || !strings.Contains(plain, "PocketBase v0.40.4") {
		t.Errorf("build without VCS: %q", plain)
	}
	for _, out := range []string{release, plain} {
		if strings.Contains(out, "untracked") {
			t.Errorf("--version says %q", out)
		}
	}
}
