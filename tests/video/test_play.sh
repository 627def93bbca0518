#!/bin/sh
# Plays the test clip to the end: pictures shown, captions visible in the read-back frame and
# hidden with C, the cue pauses within 100 ms of 1.5 s and its answer is stored with its video
# time, the journey moves on to the steps, the cue step can be reopened from the review, and
# the submission holds both answers.
. "$(dirname "$0")/lib.sh"
kiosk play.txt || fail "the scripted run failed"
at=$(sql "SELECT video_ms FROM responses WHERE step_id = 'cue-reaction'")
[ "$at" -ge 1400 ] && [ "$at" -le 1600 ] || fail "cue answer stored at $at ms, expected 1500 +- 100"
[ "$(sql "SELECT text FROM responses WHERE step_id = 'cue-reaction'")" = "What I noticed" ] ||
	fail "cue answer not stored"
[ "$(sql "SELECT count(*) FROM responses WHERE status = 'answered'")" = 2 ] ||
	fail "expected both answers submitted"
echo ok
