#!/bin/sh
# Opening the facilitator's PIN pad pauses the video; closing it plays on.
. "$(dirname "$0")/lib.sh"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk facilitator-hold.txt || fail "the scripted run failed"
echo ok
