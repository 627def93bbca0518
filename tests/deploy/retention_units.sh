#!/bin/sh
# The retention timer of docs/deployment.md works: rjkiosk purge is refused while a kiosk holds
# the data folder, so the guide's service must stop the kiosk before purging and start it
# after; both units it gives pass systemd-analyze verify.
# Usage: retention_units.sh SOURCE_DIR RJKIOSK_BINARY
set -eu
src=$1
bin=$2
. "$(dirname "$0")/common.sh"
need_tools systemd-analyze flock

# What a running kiosk does to a purge: it holds the folder's lock.
mkdir -m 0700 "$tmp/data"
cp "$src/tests/data/schema/v2/responses.db" "$tmp/data/responses.db"
touch "$tmp/data/rjkiosk.lock"
flock "$tmp/data/rjkiosk.lock" "$bin" purge --data "$tmp/data" --older-than 90 --yes \
	>"$tmp/out" 2>&1 && fail "purge ran while the folder was locked"

# The guide's units: the ```ini block after each file name.
for unit in rjkiosk-retention.service rjkiosk-retention.timer; do
	awk -v name="$unit" '
		index($0, name) && /`:$/ { want = 1 }
		want && /^```ini$/ { on = 1; next }
		on && /^```$/ { exit }
		on { print }' "$src/docs/deployment.md" >"$tmp/$unit"
	[ -s "$tmp/$unit" ] || fail "deployment.md gives no $unit"
done
service=$tmp/rjkiosk-retention.service
grep -qx 'ExecStartPre=/bin/systemctl stop rjkiosk@tty1.service' "$service" ||
	fail "the retention service does not stop the kiosk before the purge (it would be refused)"
grep -qx 'ExecStopPost=/bin/systemctl start rjkiosk@tty1.service' "$service" ||
	fail "the retention service does not start the kiosk again"
grep -q '^ExecStart=/usr/bin/rjkiosk purge --data /var/lib/rjkiosk --older-than [0-9]* --yes$' "$service" ||
	fail "the retention service does not purge by age"
# Verified with the built program in place of the installed one, which this machine may lack.
mkdir "$tmp/verify"
sed "s|/usr/bin/rjkiosk |$(realpath "$bin") |" "$service" >"$tmp/verify/rjkiosk-retention.service"
cp "$tmp/rjkiosk-retention.timer" "$tmp/verify/"
if out=$(systemd-analyze verify --man=no "$tmp/verify/rjkiosk-retention.service" \
	"$tmp/verify/rjkiosk-retention.timer" 2>&1); then
	[ -z "$out" ] || fail "systemd-analyze verify reported: $out"
else
	fail "systemd-analyze verify failed: $out"
fi

finish "ok: the guide's retention timer stops the kiosk for the purge"
