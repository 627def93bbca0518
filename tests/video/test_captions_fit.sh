#!/bin/sh
# A cue written as two lines for normal text (the sample's longest, 79 characters) shows whole
# at 200% text on a 1024x768 screen: no word is lost to the large text size; and at 100% it
# still shows whole with the author's line breaks.
. "$(dirname "$0")/lib.sh"
scenario="$work/scenario"
mkdir "$scenario"
cp "$RJK_VIDEO_DATA/scenario.yaml" "$RJK_VIDEO_DATA/clip.mp4" "$scenario/"
printf 'WEBVTT\n\n1\n00:00.000 --> 00:03.000\n%s\n%s\n' \
	"In March 1993, in Brixton, south London," "two police constables stopped two men." \
	>"$scenario/clip.vtt"
kiosk captions-fit.txt --size 1024x768 --text-size 200 || fail "at 200% text the caption was cut"
rm -rf "$data"
kiosk captions-fit.txt --size 1024x768 || fail "at 100% text the caption was cut"
echo ok
