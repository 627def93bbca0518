#!/bin/sh
# The video's source stops in the middle (a network share or USB stick gone): instead of a
# frozen picture the kiosk shows the error page with where the video stopped, logs it, and lets
# the trainee go on to the steps. libvlc's reads of the clip stop after 11000 of its 14876
# bytes (tests/media/stall_io.c, preloaded), about 1.6 s into the video, after its cue.
. "$(dirname "$0")/lib.sh"
: "${RJK_STALL_IO:?set RJK_STALL_IO to the preload library}"
scenario="$work/stall"
mkdir -p "$scenario"
cp "$RJK_VIDEO_DATA/scenario.yaml" "$RJK_VIDEO_DATA/clip.vtt" "$RJK_VIDEO_DATA/clip.mp4" "$scenario/"
start=$(date +%s)
# The preload comes before the sanitizer runtime in sanitizer builds: allow that order.
RJK_STALL_FILE="$scenario/clip.mp4" RJK_STALL_AFTER=11000 LD_PRELOAD="$RJK_STALL_IO" \
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	kiosk stall.txt 2> "$work/stderr" || { cat "$work/stderr" >&2; fail "the scripted run failed"; }
grep "rjkiosk: video: .*clip.mp4: the video stopped at 0:01 of 0:03: nothing new came for 6 seconds" \
	"$work/stderr" || { cat "$work/stderr" >&2; fail "the stall was not logged"; }
[ $(( $(date +%s) - start )) -le 20 ] || fail "took too long"
[ "$(sql "SELECT text FROM responses WHERE step_id = 'cue-reaction'")" = "Before it stopped" ] ||
	fail "the cue answer was lost"
# The facilitator can tell afterwards which session ran without its video, and why.
sql "SELECT detail FROM events WHERE kind = 'video-error' AND session > 0" | grep "stopped at 0:01" ||
	fail "the stall is not in the event log"
echo ok
