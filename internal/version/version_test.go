package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func info(mainVersion string, settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{
		GoVersion: "go1.27.4",
		Main:      debug.Module{Path: module, Version: mainVersion},
		Deps:      []*debug.Module{{Path: pbModule, Version: "v0.40.4"}},
	}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return bi
}

// TestDescribe: every kind of build says something true, never
// "(untracked)": a named release, a clone (revision, time, uncommitted
// changes), `go install …@version`, and a tree without VCS info.
func TestDescribe(t *testing.T) {
	rev := "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"
	for _, c := range []struct {
		name, release string
		info          *debug.BuildInfo
		want          []string
		not           []string
	}{
		{"release from a clone", "v1.4.0", info("(devel)", "vcs", "git", "vcs.revision", rev, "vcs.time", "2026-11-29T11:11:50Z", "vcs.modified", "false"),
			[]string{"v1.4.0 (git 1a2b3c4d5e6f, 2026-11-29T11:11:50Z) · PocketBase v0.40.4 · go1.27.4"}, []string{"uncommitted", "without VCS"}},
		{"clone, edited", "", info("v0.0.0-20261129111150-1a2b3c4d5e6f+dirty", "vcs", "git", "vcs.revision", rev, "vcs.modified", "true"),
			[]string{"(git 1a2b3c4d5e6f, with uncommitted changes)"}, []string{"without VCS"}},
		{"go install @v1.4.0", "", info("v1.4.0"), []string{"v1.4.0 · PocketBase v0.40.4"}, []string{"without VCS", "devel"}},
		{"no VCS info", "", info("(devel)"), []string{"(devel), built without VCS info", "PocketBase v0.40.4"}, []string{"(git "}},
		{"release without VCS info", "v1.4.0", info("(devel)"), []string{"v1.4.0 · PocketBase v0.40.4"}, []string{"without VCS"}},
		{"no build info at all", "", nil, []string{"(devel), built without VCS info"}, nil},
	} {
		got := describe(c.release, c.info)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
		for _, n := range append(c.not, "untracked") {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q has %q", c.name, got, n)
			}
		}
	}
}
