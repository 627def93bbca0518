#!/bin/sh
# Plays the test clip with sound asked for (no --silent). With no sound device the kiosk says
# so once, plays the video silently, records it in the event log, and standard error stays a
# few lines (libvlc's ALSA output used to make ALSA print about 1000 lines for these 3 s).
# With a working device (ALSA's null device as "default") nothing is said about sound.
. "$(dirname "$0")/lib.sh"

# run NAME: the kiosk on the clip without --silent; its standard error in $work/NAME.err.
run() {
	rm -rf "$data"
	"$RJKIOSK_SCRIPTED" --data "$data" --scenario "$scenario" --size 1280x720 \
		--script "$RJK_VIDEO_SCRIPTS/no-sound.txt" --screenshot-dir "$work" 2>"$work/$1.err" ||
		{ cat "$work/$1.err" >&2; fail "$1: the scripted run failed"; }
	lines=$(wc -l <"$work/$1.err")
	[ "$lines" -lt 20 ] || { head -40 "$work/$1.err" >&2; fail "$1: $lines lines on stderr"; }
	! grep -q "^ALSA lib" "$work/$1.err" || fail "$1: ALSA's own messages on stderr"
	[ "$(sql "SELECT text FROM responses WHERE step_id = 'cue-reaction'")" = "Heard nothing" ] ||
		fail "$1: the video did not reach its cue"
}

# No sound device: this machine's, when it has no sound card; otherwise ALSA told of none.
if grep -q '^ *[0-9]' /proc/asound/cards 2>/dev/null; then
	: >"$work/no-cards.conf"
	export ALSA_CONFIG_PATH="$work/no-cards.conf"
fi
run no-device
said=$(grep -c "no sound device" "$work/no-device.err" || true)
[ "$said" = 1 ] || { cat "$work/no-device.err" >&2; fail "'no sound device' said $said times"; }
grep -q "^rjkiosk: no sound device (.*): the video plays without sound$" "$work/no-device.err" ||
	fail "the no-sound line does not say the video plays without sound"
[ "$(sql "SELECT count(*) FROM events WHERE kind = 'no-sound' AND session = 1")" = 1 ] ||
	fail "no 'no-sound' event for the session in the event log"

# A working device: ALSA's null device as "default" (it takes the sound and discards it).
printf 'pcm.!default { type null }\nctl.!default { type hw card 0 }\n' >"$work/null.conf"
export ALSA_CONFIG_PATH="$work/null.conf"
run device
! grep -q "no sound device" "$work/device.err" || fail "'no sound device' with a working device"
[ "$(sql "SELECT count(*) FROM events WHERE kind = 'no-sound'")" = 0 ] ||
	fail "a 'no-sound' event with a working device"
echo ok
