#!/bin/sh
# Corrupt, truncated, zero-byte and wrong-extension video files each reach the error screen
# within a few seconds, are logged to stderr, and let the trainee go on to the steps; a bad
# caption file is logged and the video plays without captions.
. "$(dirname "$0")/lib.sh"
good="$RJK_VIDEO_DATA"
for kind in corrupt truncated empty wrong-extension; do
	scenario="$work/$kind"
	mkdir -p "$scenario"
	cp "$good/scenario.yaml" "$good/clip.vtt" "$scenario/"
	case $kind in
	corrupt) head -c 20000 /dev/urandom > "$scenario/clip.mp4" ;;
	truncated) head -c 6000 "$good/clip.mp4" > "$scenario/clip.mp4" ;;
	empty) : > "$scenario/clip.mp4" ;;
	wrong-extension) cp "$good/clip.vtt" "$scenario/clip.mp4" ;;
	esac
	rm -rf "$data"
	start=$(date +%s)
	kiosk bad.txt 2> "$work/stderr" || { cat "$work/stderr" >&2; fail "$kind: the scripted run failed"; }
	grep "rjkiosk: video" "$work/stderr" || fail "$kind: nothing logged to stderr"
	[ -n "$(sql "SELECT detail FROM events WHERE kind = 'video-error'")" ] ||
		fail "$kind: not in the event log"
	[ $(( $(date +%s) - start )) -le 10 ] || fail "$kind: took too long"
	echo "$kind: ok"
done

# A bad caption file is logged and never stops the video.
scenario="$work/bad-captions"
mkdir -p "$scenario"
cp "$good/scenario.yaml" "$good/clip.mp4" "$scenario/"
printf 'WEBVTT\n\nnot a time --> either\nlost\n\x01\x02\x03' > "$scenario/clip.vtt"
rm -rf "$data"
kiosk bad-captions.txt 2> "$work/stderr" || { cat "$work/stderr" >&2; fail "bad captions: the run failed"; }
grep "rjkiosk: captions" "$work/stderr" || fail "bad captions: nothing logged"
echo "bad captions: ok"
