#!/bin/sh
# Remakes the tiny test clips in tests/data/media (committed; run this only to change them).
# counter.mp4: 176x100 (the decoder pads it to 176x112), 25 fps, 3 s, with a 440 Hz tone, index
#   first (so a cut copy still starts); every picture is flat grey with luma 16 + 3 * its frame
#   number, so tests can tell which frame is on screen.
# anamorphic.mp4: 160x120 red with 4:3 pixels (a 16:9 picture), 1 s.
# still.mp4: one unchanging blue picture at 1 fps with a 4 s tone (a photo with a voice over).
# slide.mp4: one unchanging green picture at 2 fps, 4 s, no sound (libvlc 3 drops the last
#   pictures of a silent 1 fps video as late, which the player reports as truncated).
# sound.m4a: a 2 s 500 Hz tone with no picture track (a sound recording given as the video).
# rotated.mp4: 160x96 red, 1 s, marked to be turned 90 degrees (as a phone films upright): shown
#   96x160.
set -eu
out=$(cd "$(dirname "$0")/.." && pwd)/tests/data/media
mkdir -p "$out"
ffmpeg -v error -y \
  -f lavfi -i "color=c=black:s=176x100:r=25:d=3,format=yuv420p,geq=lum='16+3*N':cb=128:cr=128" \
  -f lavfi -i "sine=f=440:d=3" \
  -c:v libx264 -preset veryfast -crf 4 -g 25 -c:a aac -b:a 24k -shortest -movflags +faststart \
  "$out/counter.mp4"
ffmpeg -v error -y -f lavfi -i "color=c=red:s=160x120:r=25:d=1,setsar=4/3" \
  -c:v libx264 -preset veryfast -crf 10 -pix_fmt yuv420p "$out/anamorphic.mp4"
ffmpeg -v error -y -f lavfi -i "color=c=blue:s=160x120:r=1:d=4" -f lavfi -i "sine=f=330:d=4" \
  -map 0:v -map 1:a -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 16k \
  -movflags +faststart "$out/still.mp4"
ffmpeg -v error -y -f lavfi -i "color=c=green:s=160x120:r=2:d=4" \
  -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart "$out/slide.mp4"
ffmpeg -v error -y -f lavfi -i "sine=f=500:d=2" -c:a aac -b:a 16k "$out/sound.m4a"
# The rotation is written when the stream is copied (this FFmpeg drops it while encoding).
ffmpeg -v error -y -f lavfi -i "color=c=red:s=160x96:r=25:d=1" -c:v libx264 -preset veryfast \
  -crf 10 -pix_fmt yuv420p "$out/.rotated.mp4"
ffmpeg -v error -y -i "$out/.rotated.mp4" -c copy -metadata:s:v rotate=90 "$out/rotated.mp4"
rm "$out/.rotated.mp4"
ls -l "$out"
