#!/bin/sh
# A scenarios folder of many, scripted and headless: the Choose page eight a page by folder
# name, scenarios past the first page started by keys, by clicks and by taps, a shared title
# and an invalid scenario on a later page; and a folder of more than the menu lists, which
# the page says it leaves out.
. "$(dirname "$0")/../ui/lib.sh"
RJK_UI_SCRIPTS=$(dirname "$0")/scripts
# scenario DIR ID: a small valid scenario in DIR with that id, titled "Scenario ID".
scenario() {
	mkdir -p "$1"
	printf 'rjkiosk: 1\nid: s%s\ntitle: Scenario %s\ndescription: The scenario in folder s%s.\n' \
		"$2" "$2" "$2" >"$1/scenario.yaml"
	printf 'steps:\n  - id: talk\n    kind: discussion\n    text: What stood out?\n' \
		>>"$1/scenario.yaml"
}

# 33 by folder name: s01 to s31, an invalid s25-broken and s29-copy, a copy of s02 (same
# title). Made last to first, so that the folder's own order is not the names'.
scen="$work/scenarios"
for n in $(seq -w 31 -1 1); do scenario "$scen/s$n" "$n"; done
mkdir "$scen/s25-broken"
printf 'rjkiosk: 1\nid: broken\ntitle: x\nstepz: []\n' >"$scen/s25-broken/scenario.yaml"
scenario "$scen/s29-copy" 02
sed -i 's/^id: .*/id: s02-copy/' "$scen/s29-copy/scenario.yaml"
setpin
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$scen" --scenario "$scen/s01" \
	--script "$RJK_UI_SCRIPTS/scenario-pages.txt" --screenshot-dir "$work" --size 1280x800 ||
	fail "the scenarios past the first page could not be chosen"
started=$(sql "select group_concat(scenario_id, ' ') from (select scenario_id from sessions order by id)")
[ "$started" = "s01 s27 s30 s02-copy" ] || fail "the sessions started on: $started"
[ "$(sql "select scenario_id from sessions where ended_ms is null")" = s02-copy ] ||
	fail "the last one chosen is not the session open"

# More scenarios than the menu lists (1000): the first by folder name, and the page says how
# many are left out and which.
many="$work/many"
for n in $(seq -w 1003 -1 1); do scenario "$many/s$n" "$n"; done
{ unlock; cat <<SCRIPT; } >"$work/left-out.txt"
click-button Choose a scenario
expect-screen facilitator:scenarios
wait-text From $many: 1003 scenarios by folder name, 1 to 8 shown.
wait-text Only the first 1000 by folder name are listed: the other 3 are left out.
wait-text Scenario 0001
quit
SCRIPT
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$many" --script "$work/left-out.txt" \
	--size 1280x800 || fail "the page did not say which scenarios are left out"
echo "scenario pages: ok"
