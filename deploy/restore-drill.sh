#!/usr/bin/env bash
# Restore drill: prove that a backup zip restores into a working server.
#
#   deploy/restore-drill.sh BACKUP.zip [BINARY]
#
# Unzips the backup into a fresh temp folder (never touches the live data),
# adds a throw-away superuser to that copy, starts the binary on it on
# 127.0.0.1, checks SQLite's integrity_check, prints the row count of each
# product collection, checks the start page, and stops it again.
#
#   BINARY   default /usr/local/bin/kindness-kiosk (use the NEW binary to
#            rehearse an upgrade: migrations run on the copy)
#   EXPECT   optional "notes=12 rooms=4": exact counts to compare against
#            (e.g. read from the live dashboard when the backup was made)
#   PORT     default 18090
#
# Exits 0 and prints "restore drill passed" only if every check passed.
# Needs: bash, unzip (or python3), curl.
set -euo pipefail

zip=${1:?usage: $0 BACKUP.zip [BINARY]}
bin=${2:-/usr/local/bin/kindness-kiosk}
port=${PORT:-18090}
base="http://127.0.0.1:$port"
[ -f "$zip" ] || { echo "no such backup: $zip" >&2; exit 2; }
[ -x "$bin" ] || { echo "no such binary: $bin" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kindness-restore-drill.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "restore drill FAILED: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }

echo "restoring $zip into $work/pb_data"
mkdir -p "$work/pb_data"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$zip" -d "$work/pb_data"
else
  python3 -m zipfile -e "$zip" "$work/pb_data"
fi
[ -f "$work/pb_data/data.db" ] || fail "no data.db in the backup"

# a superuser that exists only in this copy, to read counts over the API
email="drill@restore.invalid"
pass=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
"$bin" superuser upsert "$email" "$pass" --dir "$work/pb_data" >"$work/upsert.log" 2>&1 ||
  fail "superuser upsert on the copy: $(cat "$work/upsert.log")"

"$bin" serve --http "127.0.0.1:$port" --dir "$work/pb_data" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$base/api/health" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "server exited"
  sleep 0.1
done
curl -fsS -o /dev/null "$base/api/health" || fail "server did not become healthy"

token=$(curl -fsS -X POST "$base/api/collections/_superusers/auth-with-password" \
  -H 'Content-Type: application/json' \
  -d "{\"identity\":\"$email\",\"password\":\"$pass\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "could not sign in to the copy"

# one value from PocketBase's SQL API (superusers only): {"rows":[[v]]}
sql() {
  curl -fsS -X POST "$base/api/sql" -H "Authorization: $token" -H 'Content-Type: application/json' \
    -d "{\"query\":\"$1\"}" | sed -n 's/.*"rows":\[\["\{0,1\}\([^]"]*\)"\{0,1\}\]\].*/\1/p'
}

integrity=$(sql "PRAGMA integrity_check")
[ "$integrity" = "ok" ] || fail "integrity_check: ${integrity:-no answer}"
echo "integrity_check ok"

declare -A count
for c in rooms notes stories events signups screens _superusers; do
  n=$(sql "SELECT count(*) FROM \`$c\`" 2>/dev/null || true)
  [ -n "$n" ] || continue # a collection this version doesn't have
  [ "$c" = _superusers ] && n=$((n - 1)) # without the drill's own
  count[$c]=$n
  printf '%-12s %s\n' "$c" "$n"
done
[ -n "${count[notes]:-}" ] || fail "no notes table: is this a Kindness Kiosk backup?"

for pair in ${EXPECT:-}; do
  c=${pair%%=*}; want=${pair#*=}
  [ "${count[$c]:-missing}" = "$want" ] || fail "$c: restored ${count[$c]:-missing}, expected $want"
done

code=$(curl -sS -o /dev/null -w '%{http_code}' "$base/")
[ "$code" = 200 ] || fail "start page: HTTP $code"
echo "start page 200"
echo "restore drill passed"
