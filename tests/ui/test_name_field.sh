#!/bin/sh
# The name field shows the whole name, however long, at every window size and text size:
# a name wrapped over more lines than the field had rows hid all but its last line.
. "$(dirname "$0")/lib.sh"

for size in 1024x768 1920x1080 768x1024 1080x1920; do
	for text in 100 200; do
		rm -rf "$data"
		kiosk name-field.txt --size "$size" --text-size "$text" ||
			fail "name-field.txt failed at $size, text $text%"
		[ "$(sql "select name from participants")" = \
		  "PC Alexandra Montgomery-Fitzwilliam of Lambeth & Brixton Met" ] ||
			fail "the name was not stored whole at $size, text $text%"
	done
done
echo "name field: ok"
