// Package deploy holds no code: it is the home of the deployment files
// (systemd unit, nginx and Caddy snippets, the restore-drill script) and
// of the tests that check them with the real tools where they exist.
package deploy
