package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kindness-coalition/kindness-kiosk/internal/testwait"
)

// TestRestoreRestartsEveryTime restores a backup 20 times in a row over
// real HTTP, as the dashboard's Restore button does
// (POST /api/backups/{key}/restore as a superuser), against the built
// binary. PocketBase swaps the data folder and re-executes the process
// (same pid). Every time the server must come back (a new start banner,
// health 200) with exactly the backed-up data: the note written after the
// backup is gone, the ones before it are there. Before the fix the
// product's shutdown handler let `serve` return before PocketBase could
// hold the process for the re-exec, and the process exited 0 instead.
func TestRestoreRestartsEveryTime(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "pb_data")
	const email, pass = "admin@hospital.example", "a long passphrase"
	if out, err := exec.Command(bin, "superuser", "upsert", email, pass, "--dir", data).CombinedOutput(); err != nil {
		t.Fatalf("superuser upsert: %v\n%s", err, out)
	}

	addr := freeAddr(t)
	base := "http://" + addr
	logs := new(syncBuffer)
	cmd := exec.Command(bin, "serve", "--http", addr, "--dir", data)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + dir, "PATH=/nonexistent"}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var exitErr error
	go func() { exitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-exited })
	waitUp(t, base)

	api := &superuserClient{t: t, base: base, email: email, pass: pass}
	for i := range 3 {
		api.createNote(fmt.Sprintf("before the backup %d", i))
	}
	api.do(http.MethodPost, "/api/backups", `{"name":"before.zip"}`, http.StatusNoContent)

	deadline := time.Now().Add(testwait.Left(t))
	for round := 1; round <= 20; round++ {
		// a note the restore must take away again
		api.createNote(fmt.Sprintf("after the backup, round %d", round))
		if n := api.countNotes(); n != 4 {
			t.Fatalf("round %d: %d notes before the restore, want 4", round, n)
		}
		banners := strings.Count(logs.String(), "Server started at")
		api.do(http.MethodPost, "/api/backups/before.zip/restore", "", http.StatusNoContent)

		// back when a new process image has printed its banner and is healthy
		for {
			select {
			case <-exited:
				t.Fatalf("round %d: the server exited (%v) instead of restarting\n%s", round, exitErr, tail(logs.String()))
			default:
			}
			if strings.Count(logs.String(), "Server started at") > banners && healthy(base) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("round %d: the server did not come back after the restore\n%s", round, tail(logs.String()))
			}
			time.Sleep(50 * time.Millisecond)
		}
		if n := api.countNotes(); n != 3 {
			t.Fatalf("round %d: %d notes after the restore, want the backup's 3", round, n)
		}
	}
}

// superuserClient speaks PocketBase's REST API as a superuser, signing in
// again whenever a restart has dropped its token.
type superuserClient struct {
	t                 *testing.T
	base, email, pass string
	token             string
}

func (c *superuserClient) signIn() {
	c.t.Helper()
	body := fmt.Sprintf(`{"identity":%q,"password":%q}`, c.email, c.pass)
	res, err := http.Post(c.base+"/api/collections/_superusers/auth-with-password", "application/json", strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var auth struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&auth); err != nil || auth.Token == "" {
		c.t.Fatalf("superuser sign-in: %d %v", res.StatusCode, err)
	}
	c.token = auth.Token
}

// do sends one request and checks its status; it returns the body.
func (c *superuserClient) do(method, path, body string, want int) []byte {
	c.t.Helper()
	if c.token == "" {
		c.signIn()
	}
	req, _ := http.NewRequest(method, c.base+path, bytes.NewBufferString(body))
	req.Header.Set("Authorization", c.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		c.t.Fatalf("%s %s: %d, want %d\n%s", method, path, res.StatusCode, want, b)
	}
	return b
}

func (c *superuserClient) createNote(to string) {
	c.t.Helper()
	c.do(http.MethodPost, "/api/collections/notes/records",
		fmt.Sprintf(`{"to":%q,"body":"Thank you for the tea"}`, to), http.StatusOK)
}

func (c *superuserClient) countNotes() int {
	c.t.Helper()
	c.token = "" // a restore may have replaced the signing keys
	var list struct{ TotalItems int }
	if err := json.Unmarshal(c.do(http.MethodGet, "/api/collections/notes/records?perPage=1", "", http.StatusOK), &list); err != nil {
		c.t.Fatal(err)
	}
	return list.TotalItems
}

func healthy(base string) bool {
	res, err := http.Get(base + "/api/health")
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// tail is the end of a long log, for a failure message.
func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}
