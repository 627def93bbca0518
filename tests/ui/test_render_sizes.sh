#!/bin/sh
# Rendering checks read back from the frames at every supported window size (1024x768 to
# 3840x2160, portrait too), at 100% and 200% text (200% in high contrast): text inside the
# window, the focus ring visible, the focused control whole in sight. Every screen, every
# control of the trainee's steps by Tab and arrows, the question before Submit, the
# facilitator's PIN pad under its longest message, and every page of the facilitator's menu.
. "$(dirname "$0")/lib.sh"

for size in 1024x768 1920x1080 3840x2160 1080x1920 768x1024; do
	for text in 100 200; do
		extra=""
		[ "$text" = 200 ] && extra="--high-contrast"
		for script in every-screen.txt every-control.txt; do
			rm -rf "$data"
			# shellcheck disable=SC2086
			kiosk "$script" --size "$size" --text-size "$text" $extra ||
				fail "$script: rendering checks failed at $size, text $text%"
		done
		rm -rf "$data"
		# shellcheck disable=SC2086
		kiosk pin-too-easy.txt --kiosk --size "$size" --text-size "$text" $extra ||
			fail "pin-too-easy.txt: rendering checks failed at $size, text $text%"
		rm -rf "$data"
		echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
		# shellcheck disable=SC2086
		kiosk every-page.txt --size "$size" --text-size "$text" $extra ||
			fail "every-page.txt: rendering checks failed at $size, text $text%"
	done
done
# The 0-10 scale on two rows (200% text, 1080x1920): tap, click and arrow keys across the rows.
rm -rf "$data"
kiosk scale-rows.txt --size 1080x1920 --text-size 200 || fail "the scale on two rows failed"
echo "render sizes: ok"
