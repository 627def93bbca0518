#!/bin/sh
# IT runs rjkiosk's commands as root on the kiosk's data folder (it belongs to the kiosk's
# user, mode 0700): every file they make there must go to that user, mode 0600, or the kiosk
# could not read its own settings, LRS address, PIN or answers afterwards.
# Usage: root_commands.sh RJKIOSK_BINARY SCHEMA_FIXTURES_DIR
set -eu
bin=$1
fixtures=$2
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (the folder belongs to another user)"; exit 77; }
. "$(dirname "$0")/common.sh"
need_tools setpriv
chmod 0755 "$tmp"
data=$tmp/data
kiosk_user=nobody
kiosk_group=$(id -gn "$kiosk_user")
as_kiosk() { setpriv --reuid="$kiosk_user" --regid="$kiosk_group" --clear-groups "$@"; }

# Each command as IT would type it, on a fresh data folder (the kiosk has not run yet), or on
# one holding a database of an older release (FIXTURE: a version in SCHEMA_FIXTURES_DIR), which
# the command upgrades (with a backup of the old database beside it).
while read -r what fixture cmd; do
	rm -rf "$data"
	install -d -m 0700 -o "$kiosk_user" -g "$kiosk_group" "$data"
	if [ "$fixture" != - ]; then
		install -m 0600 -o "$kiosk_user" -g "$kiosk_group" "$fixtures/$fixture/responses.db" \
			"$data/responses.db"
	fi
	sh -c "$cmd" >"$tmp/out" 2>&1 || { fail "$what: '$cmd' failed: $(cat "$tmp/out")"; continue; }
	for f in "$data"/* "$data"/.[!.]*; do
		[ -e "$f" ] || continue
		got=$(stat -c '%U %a' "$f")
		[ "$got" = "$kiosk_user 600" ] || fail "$what: $(basename "$f") is '$got', want '$kiosk_user 600'"
	done
	# The kiosk's user reads back what root set.
	as_kiosk "$bin" settings --data "$data" >"$tmp/out" 2>&1 ||
		fail "$what: the kiosk's user cannot read the settings: $(cat "$tmp/out")"
	as_kiosk "$bin" lrs --status --data "$data" >"$tmp/out" 2>&1 ||
		fail "$what: the kiosk's user cannot open the data: $(cat "$tmp/out")"
done <<CMDS
xapi-base - $bin settings --data $data --xapi-base https://training.example.police.uk/rjkiosk/
lrs-status - $bin lrs --status --data $data
lrs-endpoint - echo secret | $bin lrs --data $data --endpoint https://lrs.example.org/xAPI/ --username KEY --password-stdin
lrs-off - $bin lrs --off --data $data
set-pin - echo 482917 | $bin set-pin --stdin --data $data
sessions-v1 v1 $bin sessions --data $data
export-v2 v2 $bin export --data $data --format csv --out $tmp/answers.csv
CMDS

# A database left root's (by an older release's command): the kiosk's user is told to check the
# files, as the folder itself is the kiosk's.
rm -rf "$data"
install -d -m 0700 -o "$kiosk_user" -g "$kiosk_group" "$data"
install -m 0600 "$fixtures/v2/responses.db" "$data/responses.db"
if as_kiosk "$bin" sessions --data "$data" >"$tmp/out" 2>&1 ||
	! grep -q "owns the data folder and the files in it" "$tmp/out"; then
	fail "a root-owned database: the message does not point at the files: $(cat "$tmp/out")"
fi

finish "ok: files made by root's commands belong to the kiosk's user"
