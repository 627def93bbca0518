#!/bin/sh
# Stop requests: SIGTERM, SIGINT and SIGHUP make the kiosk save the draft and exit within a
# second, in --kiosk mode as well (systemd stops the service with SIGTERM).
. "$(dirname "$0")/../ui/lib.sh"

# now_ms: the clock in milliseconds.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# stop_kiosk SIGNAL SCRIPT [rjkiosk arguments...]: runs the kiosk in the background until the
# script's "screenshot ready.png" appears, sends SIGNAL and checks that the kiosk exits with
# status 0 within a second.
stop_kiosk() {
	sig=$1 script=$2
	shift 2
	rm -f "$work/ready.png"
	# In --kiosk a machine without a PIN first asks for one.
	[ -s "$data/pin" ] || echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null ||
		fail "set-pin failed"
	"$RJKIOSK_SCRIPTED" --data "$data" --script "$work/$script" --screenshot-dir "$work" --no-video \
		--size 1024x768 "$@" >"$work/out" 2>&1 &
	pid=$!
	i=0
	while [ ! -s "$work/ready.png" ]; do
		i=$((i + 1))
		[ $i -lt 300 ] || { kill -9 $pid; fail "the kiosk never reached the point to stop at"; }
		kill -0 $pid 2>/dev/null || fail "the kiosk ended early: $(cat "$work/out")"
		sleep 0.1
	done
	sleep 0.2
	start=$(now_ms)
	kill -"$sig" $pid
	while kill -0 $pid 2>/dev/null && [ $(($(now_ms) - start)) -lt 3000 ]; do
		sleep 0.02
	done
	took=$(($(now_ms) - start))
	if kill -0 $pid 2>/dev/null; then
		kill -9 $pid
		wait $pid || true
		fail "SIG$sig $*: the kiosk was still running after 3 s"
	fi
	status=0
	wait $pid || status=$?
	[ "$status" = 0 ] || fail "SIG$sig $*: exit status $status: $(cat "$work/out")"
	[ "$took" -le 1000 ] || fail "SIG$sig $*: the kiosk took $took ms to exit"
	echo "SIG$sig $*: exited in $took ms"
}

# A trainee part-way through a text answer; the script then waits far longer than the test.
cat >"$work/typing.txt" <<'SCRIPT'
key ctrl+Return
expect-screen who
text Robin
key ctrl+Return
expect-screen note
key ctrl+Return
expect-screen step
text Half a thought
screenshot ready.png
wait 600000
quit
SCRIPT
printf 'expect-screen start\nscreenshot ready.png\nwait 600000\nquit\n' >"$work/idle.txt"

stop_kiosk TERM typing.txt --kiosk --idle-timeout 0
[ "$(sql "select status || ':' || text from responses where text like 'Half%'")" = \
	"draft:Half a thought" ] || fail "the draft typed before SIGTERM was not saved"
[ "$(sql "select count(*) from participants where name = 'Robin'")" = 1 ] ||
	fail "the trainee was not stored"

rm -rf "$data"
stop_kiosk INT typing.txt --idle-timeout 0
[ "$(sql "select text from responses where text like 'Half%'")" = "Half a thought" ] ||
	fail "the draft typed before SIGINT was not saved"

rm -rf "$data"
stop_kiosk HUP idle.txt --kiosk
stop_kiosk TERM idle.txt
echo "stop: ok"
