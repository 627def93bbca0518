#!/bin/sh
# Store errors: a full disk mid-answer shows a message and keeps the words; an unusable data
# folder and a broken scenario show why the kiosk cannot start, and exit 1.
. "$(dirname "$0")/lib.sh"

kiosk store-error.txt --size 1024x768 || fail "the full-disk script failed"
[ "$(sql "select text from responses where step_id = 'pause-first-reaction'")" = \
  "Now. So. Still. Yes. Saved before the disk filled. More words." ] ||
	fail "the words kept on screen through the error did not reach the disk afterwards"

# Stopped while the disk is full: the words being written cannot be saved. That is logged and
# the exit status says so. (Standard error goes to a pipe, which the full disk does not limit.)
data="$work/full"
status=0
err=$(kiosk store-error-quit.txt --size 1024x768 2>&1 >/dev/null) || status=$?
[ "$status" -eq 1 ] || fail "a last answer lost on stopping should exit 1 (got $status)"
echo "$err" | grep -q "could not be saved" || fail "the lost last answer was not logged"
data="$work/data"

mkdir -p "$work/notdir" && : > "$work/notdir/file"
status=0
"$RJKIOSK_SCRIPTED" --data "$work/notdir/file" --script "$RJK_UI_SCRIPTS/problem.txt" \
	--size 1024x768 2>"$work/err" || status=$?
[ "$status" -eq 1 ] || fail "an unusable data folder should exit 1 (got $status)"
[ -s "$work/err" ] || fail "no error printed for an unusable data folder"

mkdir -p "$work/bad" && printf 'rjkiosk: 1\nid: bad\ntitle: x\nstepz: []\n' > "$work/bad/scenario.yaml"
status=0
"$RJKIOSK_SCRIPTED" --scenario "$work/bad" --data "$data" --script "$RJK_UI_SCRIPTS/problem.txt" \
	--size 1024x768 2>"$work/err" || status=$?
[ "$status" -eq 1 ] || fail "a broken scenario should exit 1 (got $status)"
grep -q "scenario.yaml:" "$work/err" || fail "scenario errors not printed with their place"
echo "store errors: ok"
