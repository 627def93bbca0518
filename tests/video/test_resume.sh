#!/bin/sh
# After a crash mid-video the trainee is back on the video screen with the part watched before
# still counted as watched, and a cue already answered is not asked again; its answer is kept.
. "$(dirname "$0")/lib.sh"
kiosk resume-1.txt && fail "the first run should have been killed"
position=$(sql "SELECT position FROM participants")
case $position in video:*) ;; *) fail "stored place is '$position', expected video:MS" ;; esac
kiosk resume-2.txt || fail "the resumed run failed"
[ "$(sql "SELECT text FROM responses WHERE step_id = 'cue-reaction'")" = "Before the crash" ] ||
	fail "the cue answer was lost"
echo ok
