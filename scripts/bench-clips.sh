#!/bin/sh
# Makes the video benchmarks' 20 s test clips (ffmpeg's testsrc2 pattern) into DIR, each the
# first time it is needed (into a temporary name, so that an interrupted encode is never taken
# for a clip). Clips: h264-1080p30.mp4, h264-720p30.mp4, vp9-1080p30.webm.
# Usage: scripts/bench-clips.sh DIR CLIP...
set -eu
media=$1
shift
mkdir -p "$media"
chmod 755 "$media"
for clip in "$@"; do
  [ -s "$media/$clip" ] && continue
  echo "making $media/$clip"
  case $clip in
    h264-1080p30.mp4) set -- -s 1920x1080 -c:v libx264 -preset veryfast -crf 23 ;;
    h264-720p30.mp4) set -- -s 1280x720 -c:v libx264 -preset veryfast -crf 23 ;;
    vp9-1080p30.webm) set -- -s 1920x1080 -c:v libvpx-vp9 -b:v 4M -deadline realtime \
                        -cpu-used 8 -row-mt 1 ;;
    *) echo "unknown clip $clip" >&2; exit 1 ;;
  esac
  size=$2
  shift 2
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=$size:rate=30" -t 20 "$@" -pix_fmt yuv420p \
    -f "${clip##*.}" "$media/.$clip.part"
  mv "$media/.$clip.part" "$media/$clip"
done
