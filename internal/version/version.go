// Package version says which build of the product runs, for
// `kindness-kiosk --version`, the journal at start, and upgrades that
// must be traceable (docs/operations.md, docs/adr/0104).
//
// A release build may name itself with
//
//	-ldflags "-X github.com/kindness-coalition/kindness-kiosk/internal/version.Release=v1.4.0"
//
// Otherwise Go's build information says what is true: the git revision
// when the binary was built from a clone (go build stamps it unless
// -buildvcs=false), the module version when installed with
// `go install …@v1.4.0`, and plainly "built without VCS info" when neither.
package version

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// Release is set at build time with -ldflags -X (see the package doc).
var Release string

const (
	module   = "github.com/kindness-coalition/kindness-kiosk"
	pbModule = "github.com/pocketbase/pocketbase"
)

// String is the whole version line, e.g.
// "v1.4.0 (git 1a2b3c4d5e6f, 2026-11-29T11:11:50Z) · PocketBase v0.40.4 · go1.27.4 linux/amd64".
func String() string {
	info, _ := debug.ReadBuildInfo()
	return describe(Release, info)
}

// PocketBase is the PocketBase module version compiled in ("v0.40.4"),
// or "" when unknown.
func PocketBase() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, dep := range info.Deps {
		if dep.Path == pbModule {
			return dep.Version
		}
	}
	return ""
}

func describe(release string, info *debug.BuildInfo) string {
	var head string
	var settings = map[string]string{}
	var deps []string
	if info != nil {
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		for _, dep := range info.Deps {
			if dep.Path == pbModule {
				deps = append(deps, "PocketBase "+dep.Version)
			}
		}
	}

	mod := "(devel)"
	if info != nil && info.Main.Path == module && info.Main.Version != "" {
		mod = info.Main.Version
	}
	switch {
	case release != "":
		head = release
	case mod != "(devel)":
		head = mod // go install …@version, or a pseudo-version with the commit
	default:
		head = "(devel)" // built from a source tree
	}

	if rev := settings["vcs.revision"]; rev != "" {
		vcs := settings["vcs"] + " " + rev[:min(12, len(rev))]
		if t := settings["vcs.time"]; t != "" {
			vcs += ", " + t
		}
		if settings["vcs.modified"] == "true" {
			vcs += ", with uncommitted changes"
		}
		head += " (" + vcs + ")"
	} else if release == "" && mod == "(devel)" {
		head += ", built without VCS info (build from a git clone, without -buildvcs=false, to stamp the revision)"
	}

	parts := append([]string{head}, deps...)
	goVersion := runtime.Version()
	if info != nil && info.GoVersion != "" {
		goVersion = info.GoVersion
	}
	parts = append(parts, fmt.Sprintf("%s %s/%s", goVersion, runtime.GOOS, runtime.GOARCH))
	return strings.Join(parts, " · ")
}

// Announce is an OnServe hook: it writes the version to stderr (the
// journal), so `journalctl -u kindness-kiosk` shows which build ran when.
func Announce(se *core.ServeEvent) error {
	log.New(os.Stderr, "", log.LstdFlags).Printf("INFO kindness-kiosk %s", String())
	return se.Next()
}
