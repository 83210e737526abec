package main_test

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestAPIBodiesKeepMemoryLow replays issue 12's report against the built
// binary, run with the unit's GOMEMLIMIT=100MiB: 24 anonymous 30 MB posts
// to /api/realtime and 8 to the notes API at once, sent chunked (no
// Content-Length, so nothing can refuse them up front). PocketBase's
// 32 MB limit let the server read each body whole: its peak RSS went past
// 800 MB. With the API's own limit each read stops at 256 KB.
func TestAPIBodiesKeepMemoryLow(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--http", addr, "--dir", filepath.Join(dir, "pb_data"))
	cmd.Env = []string{"HOME=" + dir, "PATH=/nonexistent", "GOMEMLIMIT=100MiB"}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	waitUp(t, base)
	before := procStatusKB(t, cmd.Process.Pid, "VmRSS")

	chunk := strings.Repeat("a", 1<<20)
	var wg sync.WaitGroup
	codes := make(chan int, 32)
	post := func(url string) {
		defer wg.Done()
		body := io.MultiReader(strings.NewReader(`{"clientId":"x","x":"`), &repeatReader{s: chunk, n: 30}, strings.NewReader(`"}`))
		req, _ := http.NewRequest(http.MethodPost, url, body) // an io.Reader of unknown length: chunked
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			codes <- 0 // the server answered and closed before taking it all
			return
		}
		res.Body.Close()
		codes <- res.StatusCode
	}
	for i := range 32 {
		wg.Add(1)
		if i < 24 {
			go post(base + "/api/realtime")
		} else {
			go post(base + "/api/collections/notes/records")
		}
	}
	wg.Wait()
	close(codes)
	for code := range codes {
		if code == http.StatusOK || code == http.StatusNoContent {
			t.Errorf("a 30 MB anonymous post was accepted: %d", code)
		}
	}
	peak := procStatusKB(t, cmd.Process.Pid, "VmHWM")
	t.Logf("RSS before %d MB, peak %d MB", before>>10, peak>>10)
	if peak > 150<<10 {
		t.Errorf("peak RSS %d MB after 32 anonymous 30 MB posts, want < 150 MB", peak>>10)
	}
	if !healthy(base) {
		t.Error("the server is not healthy after the posts")
	}
}

// repeatReader yields s, n times.
type repeatReader struct {
	s   string
	n   int
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.s[r.off:])
	if r.off += k; r.off == len(r.s) {
		r.off, r.n = 0, r.n-1
	}
	return k, nil
}

// procStatusKB reads one "kB" figure of /proc/<pid>/status (VmRSS, VmHWM).
func procStatusKB(t *testing.T, pid int, key string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Skipf("SKIPPED LOUDLY: no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	t.Fatalf("no %s in /proc/%d/status", key, pid)
	return 0
}
