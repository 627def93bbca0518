#!/bin/sh
# Every screen works from the keyboard alone, with the focus where a trainee expects it.
. "$(dirname "$0")/lib.sh"

kiosk keyboard.txt --size 1280x800 || fail "keyboard script failed"
echo "keyboard: ok"
