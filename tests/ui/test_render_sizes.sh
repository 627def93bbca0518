#!/bin/sh
# Rendering checks read back from the frames at every supported window size, in both themes
# and at 100% and 200% text: text inside the window, focus ring visible.
. "$(dirname "$0")/lib.sh"

for size in 1024x768 1920x1080 3840x2160 1080x1920; do
	for text in 100 200; do
		extra=""
		[ "$text" = 200 ] && extra="--high-contrast"
		rm -rf "$data"
		# shellcheck disable=SC2086
		kiosk every-screen.txt --size "$size" --text-size "$text" $extra ||
			fail "rendering checks failed at $size, text $text%"
	done
done
echo "render sizes: ok"
