package main_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// product is the built binary serving one data folder, its output kept.
type product struct {
	t    *testing.T
	cmd  *exec.Cmd
	base string
	logs *syncBuffer
	done chan struct{}
}

// startProduct serves dataDir with the built binary; as root it runs as
// nobody, like the unit's dynamic user, so file permissions count.
func startProduct(t *testing.T, bin, dataDir string) *product {
	t.Helper()
	addr := freeAddr(t)
	p := &product{t: t, base: "http://" + addr, logs: new(syncBuffer), done: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve", "--http", addr, "--dir", dataDir)
	p.cmd.Env = []string{"HOME=" + dataDir, "PATH=/nonexistent"}
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if os.Geteuid() == 0 {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { _ = p.cmd.Process.Kill(); <-p.done })
	deadline := time.Now().Add(testwait.Left(t))
	for {
		if res, err := http.Get(p.base + "/api/health"); err == nil {
			res.Body.Close()
			return p // up: healthy or not is for the test to say
		}
		select {
		case <-p.done:
			t.Fatalf("the server exited at start:\n%s", p.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start:\n%s", p.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *product) stop() {
	p.t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-testwait.After(p.t):
		p.t.Fatal("no exit after SIGTERM")
	}
}

// health returns GET /api/health's status and body.
func (p *product) health() (int, string) {
	p.t.Helper()
	res, err := http.Get(p.base + "/api/health")
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// serviceDataDir makes a data folder the service user can own: as root,
// the temp dirs on the way are opened up and the folder handed to nobody.
func serviceDataDir(t *testing.T, bin string) string {
	t.Helper()
	root := t.TempDir()
	data := filepath.Join(root, "pb_data")
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		for _, dir := range []string{root, filepath.Dir(root), filepath.Dir(bin)} { // test-owned temp dirs only
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chown(data, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// TestHealthFailsWhenTheDatabaseCantBeWritten: /api/health, which IT's
// monitoring polls, answers 503 with the reason when the database can't be
// written, and the reason is in the journal (stderr), not only in the
// dashboard's logs (which live in a database too). PocketBase's own check
// said 200 as long as the process ran.
func TestHealthFailsWhenTheDatabaseCantBeWritten(t *testing.T) {
	bin := buildBinary(t)

	t.Run("read-only database file", func(t *testing.T) {
		data := serviceDataDir(t, bin)
		first := startProduct(t, bin, data)
		if code, body := first.health(); code != 200 {
			t.Fatalf("a new install is unhealthy: %d %s", code, body)
		}
		first.stop()
		// e.g. a backup unzipped by hand as another user
		if err := os.Chmod(filepath.Join(data, "data.db"), 0o444); err != nil {
			t.Fatal(err)
		}
		p := startProduct(t, bin, data)
		code, body := p.health()
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "readonly database") {
			t.Errorf("health with a read-only database: %d %s", code, body)
		}
		// what the health check warns about: a phone's note is not saved
		res, err := http.PostForm(p.base+"/notes", url.Values{"to": {"Ana"}, "body": {"Thank you"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("a note on a read-only database: %d", res.StatusCode)
		}
		p.stop()
		for _, want := range []string{"ERROR health check failed: test write failed: attempt to write a readonly database", "ERROR save note"} {
			if !strings.Contains(p.logs.String(), want) {
				t.Errorf("stderr (the journal) lacks %q:\n%s", want, p.logs)
			}
		}
	})

	t.Run("corrupt database file", func(t *testing.T) {
		data := serviceDataDir(t, bin)
		first := startProduct(t, bin, data)
		first.stop()
		corruptTable(t, data, "notes")
		p := startProduct(t, bin, data)
		code, body := p.health()
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "damaged") {
			t.Errorf("health with a corrupt database: %d %s", code, body)
		}
		p.stop()
		if !strings.Contains(p.logs.String(), "ERROR health check failed: the database file is damaged") {
			t.Errorf("stderr (the journal) lacks the damage:\n%s", p.logs)
		}
	})

	t.Run("full disk", func(t *testing.T) {
		for _, tool := range []string{"unshare", "curl", "dd"} {
			if _, err := exec.LookPath(tool); err != nil {
				t.Skipf("SKIPPED LOUDLY: %s not installed; cannot fill a disk", tool)
			}
		}
		if out, err := exec.Command("unshare", "-rm", "true").CombinedOutput(); err != nil {
			t.Skipf("SKIPPED LOUDLY: unprivileged mount namespaces unavailable (`unshare -rm`: %v %s)", err, out)
		}
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "disk"), 0o755); err != nil {
			t.Fatal(err)
		}
		// a 32 MB disk of its own (tmpfs in a private mount namespace),
		// filled up while the server runs, then freed
		script := `
set -u
mount -t tmpfs -o size=32m tmpfs "$DIR/disk" || exit 90
"$BIN" serve --http "$ADDR" --dir "$DIR/disk/pb_data" >"$DIR/server.log" 2>&1 &
pid=$!
health() { curl -s -o "$DIR/health.json" -w '%{http_code}' "http://$ADDR/api/health"; }
until_health() {
  end=$(( $(date +%s) + WAIT ))
  while c=$(health); [ "$c" != "$1" ] && [ $(date +%s) -lt $end ]; do sleep 0.2; done
  echo "$2=$c $(cat "$DIR/health.json" 2>/dev/null)"
}
until_health 200 start
dd if=/dev/zero of="$DIR/disk/fill" bs=1M 2>/dev/null
until_health 503 full
rm "$DIR/disk/fill"
until_health 200 freed
kill -TERM $pid; wait $pid; echo "exit=$?"
`
		ctx, cancel := context.WithTimeout(context.Background(), testwait.Left(t))
		defer cancel()
		cmd := exec.CommandContext(ctx, "unshare", "-rm", "sh", "-c", script)
		cmd.Env = append(os.Environ(), "BIN="+bin, "DIR="+dir, "ADDR="+freeAddr(t),
			"WAIT="+strconv.Itoa(int(testwait.Left(t).Seconds())/4))
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
		cmd.WaitDelay = 5 * time.Second
		out, err := cmd.CombinedOutput()
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		if err != nil {
			t.Fatalf("disk script: %v\n%s\nserver log:\n%s", err, out, log)
		}
		for _, want := range []string{"start=200", "full=503", "the disk is full", "freed=200", "exit=0"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("want %s in\n%s", want, out)
			}
		}
		if !strings.Contains(string(log), "ERROR health check failed: the disk is full") {
			t.Errorf("stderr (the journal) lacks the full disk:\n%s", log)
		}
	})
}

// corruptTable overwrites the first page of a table's b-tree with junk, as
// a failing disk or a stray write might.
func corruptTable(t *testing.T, dataDir, table string) {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dataDir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	err := app.DB().NewQuery("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = {:name}").
		Bind(map[string]any{"name": table}).Row(&root)
	if err == nil {
		err = app.DB().NewQuery("PRAGMA page_size").Row(&pageSize)
	}
	_ = app.ClearBootstrap()
	if err != nil || root < 2 {
		t.Fatalf("root page of %s: %d %v", table, root, err)
	}
	f, err := os.OpenFile(filepath.Join(dataDir, "data.db"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", int(pageSize/2))), (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
}
