# Shared set-up for the scripted kiosk tests: a fresh data folder and a runner.
# Needs RJKIOSK (the binary), RJKIOSK_SCRIPTED (the test binary that plays scripts) and
# RJK_UI_SCRIPTS (the script folder) in the environment.
set -eu
: "${RJKIOSK:?set RJKIOSK to the rjkiosk binary}"
: "${RJKIOSK_SCRIPTED:?set RJKIOSK_SCRIPTED to the rjkiosk-scripted binary}"
: "${RJK_UI_SCRIPTS:?set RJK_UI_SCRIPTS to tests/ui/scripts}"
# The dummy driver draws in memory and loads no GL or EGL libraries.
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
export SDL_RENDER_DRIVER="${SDL_RENDER_DRIVER:-software}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"

# kiosk SCRIPT [more kiosk arguments...]: runs the scripted kiosk on the sample with a script.
kiosk() {
	script=$1
	shift
	"$RJKIOSK_SCRIPTED" --data "$data" --script "$RJK_UI_SCRIPTS/$script" --screenshot-dir "$work" --no-video "$@"
}

# sql QUERY: one value from the response database.
sql() {
	sqlite3 "$data/responses.db" "$1"
}

# two_scenarios DIR: a scenarios folder holding the sample and a copy of it with another id and
# title ("Second scenario"); needs RJK_SCENARIOS.
two_scenarios() {
	mkdir -p "$1"
	cp -r "$RJK_SCENARIOS/sample" "$1/sample"
	cp -r "$RJK_SCENARIOS/sample" "$1/second"
	sed -i -e 's/^id: .*/id: second-scenario/' -e 's/^title: .*/title: Second scenario/' \
		"$1/second/scenario.yaml"
}

# setpin: the facilitator PIN 2468 in the data folder.
setpin() {
	echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
}

# unlock: the script lines that open the PIN pad and type the PIN (2468, by setpin).
unlock() {
	printf 'key ctrl+alt+F\nkey 2\nkey 4\nkey 6\nkey 8\nkey Return\n'
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}
