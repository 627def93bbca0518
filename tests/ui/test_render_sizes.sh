#!/bin/sh
# Rendering checks read back from the frames at every supported window size, in both themes
# and at 100% and 200% text: text inside the window, focus ring visible.
. "$(dirname "$0")/lib.sh"

# 4K only at 200% (the slowest frames to draw in software; the other sizes cover 100%).
for run in 1024x768:100 1024x768:200 1920x1080:100 1920x1080:200 1080x1920:100 \
	   1080x1920:200 3840x2160:200; do
	size=${run%:*}
	text=${run#*:}
	{
		extra=""
		[ "$text" = 200 ] && extra="--high-contrast"
		rm -rf "$data"
		# shellcheck disable=SC2086
		kiosk every-screen.txt --size "$size" --text-size "$text" $extra ||
			fail "rendering checks failed at $size, text $text%"
	}
done
echo "render sizes: ok"
