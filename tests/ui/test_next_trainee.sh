#!/bin/sh
# The "Aa" choice (text size, contrast) lasts for one trainee: the next one starts from the
# facilitator's saved settings, whatever the last trainee chose. Checked on the pictures: the
# start screen after "Done" is the one the kiosk started with, pixel for pixel.
. "$(dirname "$0")/lib.sh"

same() {
	cmp -s "$work/$1" "$work/$2"
}

kiosk next-trainee.txt --size 1024x768 || fail "the next-trainee script failed"
same start-saved.png start-chosen.png && fail "the trainee's text size and contrast were not applied"
same start-saved.png start-next.png ||
	fail "the next trainee did not start from the saved settings"
# The same screen for both trainees: in the first one's settings, then in the saved ones.
same who-chosen.png who-next.png && fail "the trainee's choice did not last through their journey"

# Saved settings of 125% and high contrast are where the next trainee starts, too.
rm -rf "$data" "$work"/*.png
mkdir -m 700 "$data"
printf 'text_percent=125\nhigh_contrast=1\n' >"$data/settings"
chmod 600 "$data/settings"
kiosk next-trainee.txt --size 1024x768 || fail "the next-trainee script failed (saved settings)"
same start-saved.png start-next.png ||
	fail "the next trainee did not start from the saved 125% and high contrast"
echo "next trainee: ok"
