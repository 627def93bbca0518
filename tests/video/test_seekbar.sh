#!/bin/sh
# Clicking, tapping and dragging the progress bar seeks there: held to the part watched with
# skip_ahead false (with the notice), anywhere with skip_ahead true; cues still pause after a
# seek back, and the bar does nothing under the facilitator's PIN pad.
. "$(dirname "$0")/lib.sh"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk seekbar.txt || fail "skip_ahead false: the scripted run failed"
echo "skip_ahead false: ok"

scenario="$work/skip-ahead"
mkdir -p "$scenario"
cp "$RJK_VIDEO_DATA/clip.mp4" "$RJK_VIDEO_DATA/clip.vtt" "$scenario/"
sed 's/skip_ahead: false/skip_ahead: true/' "$RJK_VIDEO_DATA/scenario.yaml" > "$scenario/scenario.yaml"
grep -q "skip_ahead: true" "$scenario/scenario.yaml" || fail "could not make the skip_ahead copy"
rm -rf "$data"
kiosk seekbar-skip.txt || fail "skip_ahead true: the scripted run failed"
echo "skip_ahead true: ok"
