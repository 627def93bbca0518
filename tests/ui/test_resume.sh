#!/bin/sh
# Killed mid-answer and started again: the trainee is back on the same step with their text.
. "$(dirname "$0")/lib.sh"

status=0
kiosk resume-1.txt --size 1024x768 || status=$?
[ "$status" -eq 137 ] || fail "the first run was expected to be killed (status $status)"
[ "$(sql "select text from responses where step_id = 'caused-harm-repair'")" = \
  "Group notes: he" ] || fail "the draft typed before the kill is not on disk"
# --kiosk: Escape and the window's close button must not end the second run.
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk resume-2.txt --size 1024x768 --kiosk || fail "the resumed run failed"
[ "$(sql "select count(*) from participants")" = 1 ] || fail "resuming added a participant"
echo "resume: ok"
