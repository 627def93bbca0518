#!/bin/sh
# Submit needs a confirmation: Ctrl+Enter, Space, Enter, a click or a tap on the review's Submit
# only asks, naming the questions not answered yet; Go back and Escape leave nothing submitted;
# Submit now submits once. Checked in the database.
. "$(dirname "$0")/lib.sh"

kiosk submit-confirm.txt --size 1024x768 || fail "the confirmation script failed"
[ "$(sql "select count(*) from participants where submitted_ms is not null")" = 1 ] ||
	fail "the trainee was not marked submitted"
[ "$(sql "select text from responses where step_id = 'pause-first-reaction'")" = \
  "My first thoughts." ] || fail "the answer given was not stored"
echo "submit confirm: ok"
