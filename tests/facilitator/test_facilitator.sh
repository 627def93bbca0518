#!/bin/sh
# The facilitator's side, scripted and headless: lockdown in --kiosk, the PIN pad (chord,
# corner hold, wrong PINs, lockout, first PIN), inactivity, the menu end to end, and settings
# kept across a restart.
. "$(dirname "$0")/../ui/lib.sh"
RJK_UI_SCRIPTS=$(dirname "$0")/scripts

# Outside --kiosk with no PIN set, the chord says how to set one.
# The page names the --kiosk option whole on one line (non-breaking hyphens).
printf 'key ctrl+alt+F\nexpect-screen facilitator:no-pin\nwait-text Started with \342\200\221\342\200\221kiosk, the kiosk asks for one itself.\nkey Return\nexpect-screen start\nquit\n' \
	>"$work/no-pin.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/no-pin.txt" --size 1024x768 ||
	fail "the chord without a PIN did not say how to set one"

# Lockdown: every escape key and the close request leave the kiosk running.
setpin
kiosk lockdown.txt --size 1024x768 --kiosk || fail "a trainee could leave the kiosk"

# The PIN pad, by chord and by corner hold; a wrong PIN refused, the right one accepted.
rm -rf "$data"
setpin
kiosk pin.txt --size 1920x1080 || fail "the PIN pad script failed"
grep -q . "$data/pin.log" || fail "attempts were not logged"
[ "$(stat -c %a "$data/pin")" = 600 ] || fail "the PIN hash file is not private"

# Five wrong PINs lock the pad, and the lock survives a restart.
kiosk lockout.txt --size 1920x1080 || fail "the lockout script failed"
{ unlock; printf 'expect-screen facilitator:pin\nquit\n'; } >"$work/locked.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/locked.txt" --size 1024x768 ||
	fail "the lockout did not survive a restart"

# First start in --kiosk with no PIN: chosen twice on the pad, then it unlocks the menu.
rm -rf "$data"
kiosk first-pin.txt --size 1024x768 --kiosk || fail "choosing the first PIN failed"
[ -s "$data/pin" ] || fail "the first PIN was not saved"

# Inactivity: warned, kept by "I'm still here", then reset with the draft saved.
rm -rf "$data"
kiosk idle.txt --size 1920x1080 --idle-timeout 2 || fail "the inactivity script failed"
[ "$(sql "select text from responses where status = 'draft'")" = "Thinking about it" ] ||
	fail "the draft was not saved when the kiosk timed out"
[ "$(sql "select position from participants where name = 'Robin'")" = timed-out ] ||
	fail "the timed-out trainee was not marked"
[ "$(sql "select count(*) from participants where submitted_ms is not null")" = 0 ] ||
	fail "a timed-out trainee was marked submitted"

# The menu end to end, on a scenarios folder with a second scenario and a broken one.
rm -rf "$data"
setpin
scen="$work/scenarios"
two_scenarios "$scen"
mkdir -p "$scen/broken"
printf 'rjkiosk: 1\nid: broken\ntitle: Broken\nstepz: []\n' >"$scen/broken/scenario.yaml"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$scen" --scenario "$scen/sample" \
	--script "$RJK_UI_SCRIPTS/menu.txt" --screenshot-dir "$work" --size 1920x1080 ||
	fail "the menu script failed"
for ext in csv json xapi.json; do
	f=$(ls "$data"/exports/rjkiosk-*-????-??-??."$ext" 2>/dev/null | head -1)
	[ -n "$f" ] || fail "no $ext export"
	[ "$(stat -c %a "$f")" = 600 ] || fail "the $ext export is not private"
done
f=$(ls "$data"/exports/rjkiosk-*-????-??-??.pdf 2>/dev/null | head -1)
[ -n "$f" ] && [ "$(stat -c %a "$f")" = 600 ] && pdfinfo "$f" | grep -q "(A4)" ||
	fail "the menu's export wrote no private A4 report"
[ -z "$(ls "$data/exports" | grep -Ev '\.(csv|json|pdf)$')" ] ||
	fail "the failed export left a temporary file behind"
grep -q "Group said: listen first" "$data"/exports/*.csv || fail "the CSV lacks the answer"
python3 -m json.tool "$(ls "$data"/exports/rjkiosk-*.json | grep -v xapi | head -1)" >/dev/null ||
	fail "the JSON export does not parse"
python3 -m json.tool "$(ls "$data"/exports/*.xapi.json)" >/dev/null ||
	fail "the xAPI export does not parse"
[ "$(sql "select position from participants where name = 'Alex'")" = step:ground-rules ] ||
	fail "Next discussion prompt did not move the trainee on"
[ "$(sql "select count(*) from events where kind = 'purge'")" = 1 ] ||
	fail "the confirmed purge was not run (or the cancelled one was)"
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 0 ] ||
	fail "End this session left a session open"
[ "$(sql "select count(distinct scenario_id) from sessions")" = 2 ] ||
	fail "choosing the second scenario did not start a session on it"

# Ending the session from the menu leaves no session behind for the pages' keys and clicks, with
# or without the video's player (which ends with the session).
kiosk end-session.txt --size 1024x768 || fail "the pages after End this session failed"
"$RJKIOSK_SCRIPTED" --data "$data" --script "$RJK_UI_SCRIPTS/end-session.txt" --size 1024x768 ||
	fail "the pages after End this session failed with the video"

# Settings persist: the next start is in high contrast at 125% with the timeout at 10 min,
# the on-screen keyboard always shown, in the fr layout.
grep -qx high_contrast=1 "$data/settings" || fail "high contrast not saved"
grep -qx text_percent=125 "$data/settings" || fail "text size not saved"
grep -qx idle_s=600 "$data/settings" || fail "timeout not saved"
grep -qx touch_keyboard=always "$data/settings" || fail "the on-screen keyboard's mode not saved"
grep -qx keyboard_layout=fr "$data/settings" || fail "the on-screen keyboard's layout not saved"
grep -qx min_answers=10 "$data/settings" || fail "the debrief's smallest number of answers not saved"
[ "$(stat -c %a "$data/settings")" = 600 ] || fail "the settings file is not private"
{ unlock; cat <<'SCRIPT'; } >"$work/restart.txt"
click-button This kiosk
click-button Settings
click-button Text size: 125%
expect-screen facilitator:settings
wait-text On-screen keyboard: always
wait-text Keyboard layout: fr
quit
SCRIPT
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$scen" --script "$work/restart.txt" --size 1024x768 ||
	fail "the settings did not come back after a restart"

# Settings changed by keys, two a row: on fresh data focus starts on the ticked check box
# (captions), Tab goes along the rows, Enter moves a setting on and Space ticks a box.
rm -rf "$data"
setpin
{ unlock; cat <<'SCRIPT'; } >"$work/settings-keys.txt"
click-button This kiosk
click-button Settings
expect-screen facilitator:settings
expect-focus Captions on the video by default
key space
key Tab
expect-focus Volume: 80%
key Tab
key Tab
key Tab
key Tab
expect-focus Keyboard layout: gb
key Return
expect-focus Keyboard layout: us
quit
SCRIPT
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/settings-keys.txt" --size 1280x800 ||
	fail "the settings could not be changed by keys"
grep -qx keyboard_layout=us "$data/settings" || fail "the layout chosen by keys was not saved"
grep -qx captions=0 "$data/settings" || fail "captions turned off by Space were not saved"

# Large text on a narrow screen (768x1024 at 200%): the settings go one a row, and each is
# reached and changed by keys, a click and a tap alike.
rm -rf "$data"
setpin
{ unlock; cat <<'SCRIPT'; } >"$work/settings-narrow.txt"
tap-button This kiosk
click-button Settings
expect-screen facilitator:settings
expect-focus Captions on the video by default
key Tab
expect-focus Volume: 80%
key Tab
expect-focus Inactivity timeout: 5 minutes
key Return
expect-focus Inactivity timeout: 10 minutes
tap-button Captions on the video by default
click-button Volume: 80%
expect-focus Volume: 100%
check-frame
quit
SCRIPT
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/settings-narrow.txt" --size 768x1024 \
	--text-size 200 || fail "the settings one a row could not be changed by keys, clicks and taps"
grep -qx idle_s=600 "$data/settings" || fail "the timeout changed by Enter was not saved"
grep -qx captions=0 "$data/settings" || fail "captions turned off by a tap were not saved"
grep -qx volume=100 "$data/settings" || fail "the volume changed by a click was not saved"

# The whole menu shows without scrolling on the usual classroom screens, with a session running
# (and its class code) and without one, and so do "This kiosk" and its ten settings.
for size in 1024x768 1280x800 1366x768 1920x1080; do
	rm -rf "$data"
	setpin
	{ printf 'key ctrl+Return\ntext Alex\nkey ctrl+Return\n'; unlock; cat <<'SCRIPT'; } >"$work/fits.txt"
expect-screen facilitator:menu
wait-text Class code
expect-fits
click-button This kiosk
expect-screen facilitator:this-kiosk
expect-fits
click-button Settings
expect-screen facilitator:settings
expect-fits
key Escape
expect-screen facilitator:this-kiosk
key Escape
expect-screen facilitator:menu
click-button End this session
click-button Back to the menu
wait-text No session is running.
expect-fits
quit
SCRIPT
	"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/fits.txt" --size "$size" ||
		fail "the menu needs scrolling at $size"
done

# Ending the session on a full disk: the menu says it did not work, and the log says why.
# (Standard error goes to a pipe, which the full disk does not limit.)
rm -rf "$data"
setpin
{ printf 'key ctrl+Return\ntext Sam\nkey ctrl+Return\nkey ctrl+Return\ntext Not saved yet\n'
  unlock; cat <<'SCRIPT'; } >"$work/end-full.txt"
expect-screen facilitator:menu
fill-disk
click-button End this session
expect-screen facilitator:result-failed
free-disk
click-button Back to the menu
quit
SCRIPT
err=$("$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/end-full.txt" --size 1024x768 \
	2>&1 >/dev/null) || fail "ending the session on a full disk was not reported on the menu"
echo "$err" | grep -q "could not be" || fail "the failed end of the session was not logged"

# Two scenarios with one title: told apart by folder, the running one alone "in use" (the kiosk
# started on the scenario's file, the list naming its folder).
rm -rf "$data"
setpin
twins="$work/twins"
mkdir -p "$twins"
cp -r "$RJK_SCENARIOS/sample" "$twins/sample"
cp -r "$RJK_SCENARIOS/sample" "$twins/sample-v2"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$twins" \
	--scenario "$twins/sample/scenario.yaml" --script "$RJK_UI_SCRIPTS/same-title.txt" \
	--size 1280x800 || fail "scenarios with the same title were not told apart"
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 1 ] ||
	fail "choosing the copy did not leave one session open"

# Progress with every answer of a large class: a participant whose answers no longer fit on the
# page is not cut off unsaid; the page says how many are left out and where their answers are.
rm -rf "$data"
setpin
. "$(dirname "$0")/../debrief/trainees.sh"
long=$(printf 'word %.0s' $(seq 60))
{
	for n in $(seq 20); do
		trainee "Trainee$n" "Reaction $n $long" Yes 3 5 Time "Remember $n $long"
	done
	unlock
	printf 'click-button Progress\nclick-button Show the answers\nexpect-text Trainee1:\n'
	printf 'wait-text more participants are not shown here\nquit\n'
} >"$work/progress.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/progress.txt" --size 1280x800 ||
	fail "the progress page cut participants off without saying so"
# The page names the session as the facilitator knows it (its name, not its number in the store).
name=$(sql "select label from sessions where ended_ms is null")
{
	unlock
	printf 'click-button Progress\nwait-text %s\nwait-text 20 participants, 20 submitted.\n' \
		"$name"
	printf 'wait-text Scenario: Harm, forgiveness and a shared purpose\n'
	printf 'expect-no-text , session 1:\nquit\n'
} >"$work/progress-name.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/progress-name.txt" --size 1280x800 ||
	fail "the progress page does not name the session '$name'"

# A scenario with 150 mistakes in a folder with a long name: its errors page says how many it
# could not show.
rm -rf "$data"
setpin
many="$work/many/an-intake-scenario-in-a-folder-with-a-rather-long-and-descriptive-name"
mkdir -p "$many"
{
	printf 'rjkiosk: 1\nid: many\ntitle: Many\nsteps:\n'
	for n in $(seq 0 149); do printf '  - id: q%s\n    kind: txt\n    text: Q\n' "$n"; done
} >"$many/scenario.yaml"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$work/many" \
	--script "$RJK_UI_SCRIPTS/scenario-errors.txt" --size 1280x800 ||
	fail "the errors page cut the scenario's errors off without saying so"
echo "facilitator: ok"
