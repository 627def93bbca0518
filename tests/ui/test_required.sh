#!/bin/sh
# Next refused on a required question leaves the focus on the question, not on Next: the words
# typed after the notice reach the answer.
. "$(dirname "$0")/lib.sh"

kiosk required.txt --size 1024x768 --scenario "$RJK_TEST_DATA/scenarios/good/full" ||
	fail "the required-question script failed"
[ "$(sql "select text from responses where step_id = 'thinking'")" = "Clicked." ] ||
	fail "the words typed after the notice were not stored"
echo "required: ok"
