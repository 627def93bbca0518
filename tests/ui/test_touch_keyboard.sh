#!/bin/sh
# The on-screen keyboard: typing by taps on key caps (gb, then fr with a dead key) read back
# from the store, every offered layout at every level with no blank key, and at every window
# size and text size the caret's line in sight above it.
. "$(dirname "$0")/lib.sh"

kiosk touch-keyboard.txt --size 1280x800 || fail "touch keyboard script (gb) failed"
rm -rf "$data"
kiosk touch-keyboard-fingers.txt --size 1280x800 || fail "fingers on the keyboard lost or added keys"
rm -rf "$data"
kiosk touch-keyboard-fr.txt --size 1280x800 --keyboard-layout fr ||
	fail "touch keyboard script (fr) failed"
# Every layout offered (core/keyboard.c's keyboard_layouts), at every level: no blank key.
for layout in gb us fr de es it ie nl be ch pt se no dk pl; do
	rm -rf "$data"
	kiosk touch-keyboard-levels.txt --size 1280x800 --keyboard-layout "$layout" ||
		fail "a key of the $layout layout shows nothing at some level"
done
for run in 1024x768:100 1024x768:200 1280x800:100 1920x1080:200 768x1024:200 1080x1920:100 \
	   3840x2160:100 3840x2160:200; do
	size=${run%:*}
	text=${run#*:}
	rm -rf "$data"
	kiosk touch-keyboard-sizes.txt --size "$size" --text-size "$text" --touch-keyboard always ||
		fail "touch keyboard at $size, text $text%"
done
# Never means never, even after a touch.
rm -rf "$data"
printf 'tap-button Start\nexpect-screen who\nexpect-focus editor\nexpect-keyboard hidden\n' \
	> "$work/never.txt"
"$RJKIOSK_SCRIPTED" --data "$data" --script "$work/never.txt" --no-video --size 1280x800 \
	--touch-keyboard never || fail "--touch-keyboard never showed the keyboard"
# A layout xkb-data does not know is a usage error, before any window opens.
if "$RJKIOSK_SCRIPTED" --data "$data" --keyboard-layout no-such-layout --no-video 2>"$work/err"; then
	fail "an unknown layout was taken"
fi
grep -q "no-such-layout" "$work/err" || fail "the unknown layout's message does not name it"
echo "touch keyboard: ok"
