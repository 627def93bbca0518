#!/bin/sh
# A damaged answers database, as IT meets it: the kiosk refuses it and names the way to recover
# it, and kiosk/recover.sh gives back every answer that is still readable, in a database the
# kiosk opens again, owned by the folder's owner, with the damaged files kept aside.
# Usage: recover_db.sh SOURCE_DIR RJKIOSK_BINARY
set -eu
src=$1
bin=$2
. "$(dirname "$0")/common.sh"
need_tools sqlite3 flock python3
data=$tmp/data
mkdir -m 0700 "$data" "$tmp/good"
cp "$src/tests/data/schema/v2/responses.db" "$tmp/good/responses.db"
"$bin" sessions --data "$tmp/good" >"$tmp/good.txt"

# Damage the page of the event table: the answers are elsewhere and still readable.
cp "$src/tests/data/schema/v2/responses.db" "$data/responses.db"
chmod 0600 "$data/responses.db"
page=$(sqlite3 "$data/responses.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'events'")
python3 - "$data/responses.db" "$page" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(4096 * (int(sys.argv[2]) - 1))
    f.write(b"\x0d" + b"\xff" * 40)
PY
"$bin" sessions --data "$data" >"$tmp/out" 2>&1 && fail "the kiosk opened a damaged database"
grep -q "recover.sh" "$tmp/out" || fail "the damage message does not name recover.sh: $(cat "$tmp/out")"

# Refused while the data folder is in use, changing nothing.
touch "$data/rjkiosk.lock"
sum=$(md5sum <"$data/responses.db")
if flock "$data/rjkiosk.lock" sh "$src/kiosk/recover.sh" --data "$data" >"$tmp/out" 2>&1 ||
	! grep -q "stop it first" "$tmp/out"; then
	fail "recover.sh ran while the folder was in use: $(cat "$tmp/out")"
fi
[ "$(md5sum <"$data/responses.db")" = "$sum" ] || fail "a refused recover.sh changed the database"

# As root, on the kiosk's folder (another user's): the new files are that user's.
owner=$(id -u)
if [ "$owner" -eq 0 ]; then
	owner=$(id -u nobody)
	chown -R nobody "$data"
fi
sh "$src/kiosk/recover.sh" --data "$data" >"$tmp/out" 2>&1 || fail "recover.sh failed: $(cat "$tmp/out")"
grep -q "15 answers could be read" "$tmp/out" || fail "recover.sh does not say what it read: $(cat "$tmp/out")"
"$bin" sessions --data "$data" >"$tmp/after.txt" 2>&1 || fail "the kiosk cannot open the rebuilt database: $(cat "$tmp/after.txt")"
cmp -s "$tmp/good.txt" "$tmp/after.txt" || fail "the sessions differ after recovery: $(diff "$tmp/good.txt" "$tmp/after.txt")"
[ "$(stat -c '%a %u' "$data/responses.db")" = "600 $owner" ] ||
	fail "the rebuilt database is $(stat -c '%a %u' "$data/responses.db"), want 600 $owner"
set -- "$data"/damaged-*/responses.db
[ -f "$1" ] || fail "the damaged database was not kept aside"

finish "ok: a damaged database is rebuilt with its readable answers"
