#!/bin/sh
# A page over the journey (the inactivity warning, the PIN pad) leaves the trainee's name and
# answer, and the caret in it, as they were when it goes.
. "$(dirname "$0")/lib.sh"

echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk page-return.txt --size 1280x800 --idle-timeout 60 || fail "the page-return script failed"
[ "$(sql "select name from participants")" = "Robin Hart" ] || fail "the name was not kept"
echo "page return: ok"
