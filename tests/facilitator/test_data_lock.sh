#!/bin/sh
# One kiosk per data folder: a second kiosk and a purge are refused with the first kiosk's PID
# named, the reading commands and set-pin still work beside it, and after the first kiosk is
# killed outright (kill -9) a new one starts.
. "$(dirname "$0")/../ui/lib.sh"

printf 'expect-screen start\nscreenshot ready.png\nwait 600000\nquit\n' >"$work/hold.txt"
printf 'expect-screen start\nquit\n' >"$work/quick.txt"

"$RJKIOSK_SCRIPTED" --data "$data" --script "$work/hold.txt" --screenshot-dir "$work" --no-video \
	--size 800x600 >"$work/first.out" 2>&1 &
first=$!
trap 'kill -9 $first 2>/dev/null || true; rm -rf "$work"' EXIT
i=0
while [ ! -s "$work/ready.png" ]; do
	i=$((i + 1))
	[ $i -lt 300 ] || fail "the first kiosk did not start: $(cat "$work/first.out")"
	sleep 0.1
done

# A second kiosk on the same folder is refused before it opens a window.
status=0
"$RJKIOSK_SCRIPTED" --data "$data" --script "$work/quick.txt" --no-video --size 800x600 \
	>"$work/second.out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "a second kiosk was not refused (exit $status): $(cat "$work/second.out")"
grep -q "another kiosk (PID $first, started [0-9][0-9]:[0-9][0-9]) is using $data; close it first" \
	"$work/second.out" || fail "the refusal does not name the first kiosk: $(cat "$work/second.out")"

# Reading and exporting work while the kiosk runs; so does setting the PIN.
"$RJKIOSK" sessions --data "$data" >"$work/out" 2>&1 || fail "sessions failed: $(cat "$work/out")"
"$RJKIOSK" export --data "$data" --format csv --out "$work/answers.csv" >"$work/out" 2>&1 ||
	fail "export failed beside a running kiosk: $(cat "$work/out")"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >"$work/out" 2>&1 ||
	fail "set-pin failed beside a running kiosk: $(cat "$work/out")"

# A purge could delete the session under the kiosk: refused, naming it.
status=0
"$RJKIOSK" purge --data "$data" --all --yes >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "purge ran beside a running kiosk (exit $status)"
grep -q "a kiosk (PID $first, .*Nothing was deleted" "$work/out" ||
	fail "the purge refusal does not name the kiosk: $(cat "$work/out")"

# Killed outright, the first kiosk leaves no lock behind.
kill -9 $first
wait $first || true
# It left these, as a kill part-way through writing them would: the next start removes them.
mkdir -p "$data/exports"
for f in pin.Ab12Cd pin-state.x9Y8z7 settings.tmp settings.QwErTy \
	exports/.rjkiosk-session-1-20260301-090000.csv.rjkiosk-part.AbC123 exports/notes.txt; do
	echo left >"$data/$f"
done
status=0
"$RJKIOSK_SCRIPTED" --data "$data" --script "$work/quick.txt" --no-video --size 800x600 \
	>"$work/third.out" 2>&1 || status=$?
[ "$status" = 0 ] || fail "a kiosk could not start after the first was killed: $(cat "$work/third.out")"
left=$(cd "$data" && ls pin.?????? pin-state.* settings.* exports/.rjkiosk* 2>/dev/null || true)
[ -z "$left" ] || fail "the kiosk's start left partial files: $left"
[ -e "$data/exports/notes.txt" ] || fail "the kiosk's start removed a file that was not its own"
"$RJKIOSK" purge --data "$data" --all --yes >"$work/out" 2>&1 ||
	fail "purge failed with no kiosk running: $(cat "$work/out")"
[ "$(stat -c %a "$data/rjkiosk.lock")" = 600 ] || fail "the lock file is not private"
echo "data lock: ok"
