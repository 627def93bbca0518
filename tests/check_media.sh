#!/bin/sh
# `rjkiosk check` reading the media as a new scenario author would meet them: each case is a
# scenario folder made from a real test clip (or a file posing as one) and a caption file, with
# exactly the messages and exit status expected; --no-media passes every case whose only
# problems are in the media; when libvlc cannot start, check says so.
# Usage: check_media.sh RJKIOSK TEST_DATA_DIR [NO_LIBVLC_PRELOAD]
set -u
rjkiosk=$1
media=$2/media
no_libvlc=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# scenario NAME VIDEO CAPTIONS AT: makes $work/NAME from the clip VIDEO (a file in
# tests/data/media, or "text" for a text file), the caption file's content (or "none") and the
# time of the one cue (the cue's 'at' value is at line 9, column 11; 'file' at line 5, column 9).
scenario() {
  dir=$work/$1
  mkdir "$dir"
  if [ "$2" = text ]; then
    echo "These are my notes, not a video." >"$dir/video.mp4"
  else
    cp "$media/$2" "$dir/video.mp4"
  fi
  captions="skip_ahead: false"
  if [ "$3" != none ]; then
    printf '%b' "$3" >"$dir/captions.vtt"
    captions="captions: captions.vtt"
  fi
  cat >"$dir/scenario.yaml" <<YAML
rjkiosk: 1
id: $1
title: Media check
video:
  file: video.mp4
  $captions
  # one cue
  cues:
    - at: "$4"
      step: asked
steps:
  - {id: asked, kind: text, text: What did you see?}
  - {id: after, kind: text, text: And now?}
YAML
}

# expect STATUS NAME [OPTION]: runs check on $work/NAME (preloading $preload when set); its
# standard error must be exactly the lines of the file $work/want (with @ standing for $work),
# its output the line in $work/ok.
preload=
expect() {
  if [ -n "$preload" ]; then
    # The preload comes before the sanitizer runtime in sanitizer builds: allow that order.
    LD_PRELOAD="$preload" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
      "$rjkiosk" check ${3:-} "$work/$2" >"$work/out" 2>"$work/err"
  else
    "$rjkiosk" check ${3:-} "$work/$2" >"$work/out" 2>"$work/err"
  fi
  got=$?
  [ "$got" = "$1" ] || fail "$2 ${3:-}: exit $got, expected $1"
  sed "s|@|$work|g" "$work/want" | diff -u - "$work/err" || fail "$2 ${3:-}: messages differ"
  sed "s|@|$work|g" "$work/ok" | diff -u - "$work/out" || fail "$2 ${3:-}: output differs"
}

VTT='WEBVTT\n\n00:00.000 --> 00:02.000\nA caption\n'

scenario good counter.mp4 "$VTT" 0:01.5
: >"$work/want"
echo '@/good: ok — "Media check", 2 steps, video video.mp4 (0:03) with captions, 1 cue at 0:01' >"$work/ok"
expect 0 good

scenario text-video text "$VTT" 0:01
cat >"$work/want" <<'EOF2'
@/text-video/scenario.yaml:5:9: video file 'video.mp4' is not a video libvlc can read: it finds no picture or sound in it (a damaged file, or another kind of file renamed?)
@/text-video: not valid (1 problem)
EOF2
: >"$work/ok"
expect 1 text-video

scenario sound-only sound.m4a none 0:01
cat >"$work/want" <<'EOF2'
@/sound-only/scenario.yaml:5:9: video file 'video.mp4' has no picture, only sound or text; the kiosk needs a video file
@/sound-only: not valid (1 problem)
EOF2
expect 1 sound-only

scenario empty-captions counter.mp4 "" 0:01
cat >"$work/want" <<'EOF2'
@/empty-captions/captions.vtt:1:1: the file is empty
@/empty-captions: not valid (1 problem)
EOF2
expect 1 empty-captions

scenario broken-captions counter.mp4 'WEBVTT\n\n00:00 --> 00:01.000\nOne\n\n00:02.000 --> 00:01.000\nTwo\n\n00:01.000 --> 00:02.000\nThree\n' 0:01
cat >"$work/want" <<'EOF2'
@/broken-captions/captions.vtt:3:1: cannot read the times in '00:00 --> 00:01.000' (expected a line like '00:01:02.500 --> 00:01:05.000'); cue skipped
@/broken-captions/captions.vtt:6:1: cue ends before or when it starts (at 0:00:02.000); cue skipped
@/broken-captions: not valid (2 problems)
EOF2
expect 1 broken-captions

scenario cue-after-end counter.mp4 "$VTT" 0:04
cat >"$work/want" <<'EOF2'
@/cue-after-end/scenario.yaml:9:11: cue at 0:04 (step 'asked') is not before the end of the video, which is 0:03 long: the video would end and the question never be asked; move the cue earlier
@/cue-after-end: not valid (1 problem)
EOF2
expect 1 cue-after-end

scenario cue-last-second counter.mp4 'WEBVTT\n\n00:03.500 --> 00:04.000\nToo late\n' 0:02.5
cat >"$work/want" <<'EOF2'
@/cue-last-second/scenario.yaml:9:11: warning: cue at 0:02.5 (step 'asked') is in the last second of the video, which is 0:03 long: the video may end before it pauses there; move the cue a second or more earlier
@/cue-last-second/captions.vtt:3:1: warning: this caption starts at 0:03.5, not before the end of the video, which is 0:03 long: it is never shown
EOF2
echo '@/cue-last-second: ok — "Media check", 2 steps, video video.mp4 (0:03) with captions, 1 cue at 0:02' >"$work/ok"
expect 0 cue-last-second

# --no-media: the files are not read, so none of the media's problems shows.
: >"$work/want"
for name in text-video empty-captions broken-captions cue-after-end cue-last-second; do
  at=$(sed -n 's/^    - at: "\([0-9]*:[0-9]*\).*/\1/p' "$work/$name/scenario.yaml")
  printf '@/%s: ok — "Media check", 2 steps, video video.mp4 with captions (media not checked), 1 cue at %s\n' \
    "$name" "$at" >"$work/ok"
  expect 0 "$name" --no-media
done
: >"$work/want"
echo '@/sound-only: ok — "Media check", 2 steps, video video.mp4 (media not checked), 1 cue at 0:01' >"$work/ok"
expect 0 sound-only --no-media

# libvlc that cannot start (its plugins missing): the video cannot be checked, and check says so.
if [ -n "$no_libvlc" ]; then
  cat >"$work/want" <<'EOF2'
@/good/scenario.yaml:5:9: video file 'video.mp4' cannot be checked: libvlc, the video player, could not start: no plugins found (test); is vlc-plugin-base installed?
@/good: not valid (1 problem)
EOF2
  : >"$work/ok"
  preload=$no_libvlc
  expect 1 good
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "rjkiosk check: every media case gives the messages expected"
