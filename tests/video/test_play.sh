#!/bin/sh
# Plays the test clip to the end: pictures shown, captions visible in the read-back frame and
# hidden with C, the cue pauses within 100 ms of 1.5 s and its answer is stored with its video
# time, the journey moves on to the steps, the cue step can be reopened from the review, and
# the submission holds both answers. Then, for cues at whole seconds, the question says the
# author's time ("paused at 0:02", never the second before) and its answer is stored at it.
. "$(dirname "$0")/lib.sh"
kiosk play.txt || fail "the scripted run failed"
at=$(sql "SELECT video_ms FROM responses WHERE step_id = 'cue-reaction'")
[ "$at" -ge 1500 ] && [ "$at" -le 1600 ] || fail "cue answer stored at $at ms, expected 1500 to 1600"
[ "$(sql "SELECT text FROM responses WHERE step_id = 'cue-reaction'")" = "What I noticed" ] ||
	fail "cue answer not stored"
[ "$(sql "SELECT count(*) FROM responses WHERE status = 'answered'")" = 2 ] ||
	fail "expected both answers submitted"

for at in 1 2; do
	dir="$work/cue-$at"
	mkdir -p "$dir"
	cp "$RJK_VIDEO_DATA/clip.mp4" "$RJK_VIDEO_DATA/clip.vtt" "$dir/"
	sed "s/at: \"0:01.5\"/at: \"0:0$at\"/" "$RJK_VIDEO_DATA/scenario.yaml" >"$dir/scenario.yaml"
	grep -q "at: \"0:0$at\"" "$dir/scenario.yaml" || fail "the cue was not moved to 0:0$at"
	printf '%s\n' 'key ctrl+Return' 'key ctrl+Return' 'wait-screen video' \
		'wait-screen step:cue-reaction' "expect-text The video is paused at 0:0$at." \
		'text Seen' 'key ctrl+Return' 'wait-screen video' quit >"$work/cue-$at.txt"
	"$RJKIOSK_SCRIPTED" --data "$work/data-$at" --scenario "$dir" --silent --size 1280x720 \
		--script "$work/cue-$at.txt" --screenshot-dir "$work" ||
		fail "the cue at 0:0$at did not say its own time"
	stored=$(sqlite3 "$work/data-$at/responses.db" \
		"SELECT video_ms FROM responses WHERE step_id = 'cue-reaction'")
	[ "$stored" -ge "${at}000" ] && [ "$stored" -le "${at}100" ] ||
		fail "the cue at 0:0$at stored its answer at $stored ms"
done
echo ok
