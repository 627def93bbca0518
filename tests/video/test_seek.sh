#!/bin/sh
# A forward jump past the furthest point watched is refused; back 10 s and restart go to the
# beginning; playing on still reaches the cue.
. "$(dirname "$0")/lib.sh"
kiosk seek.txt || fail "the scripted run failed"
echo ok
