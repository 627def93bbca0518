# Shared set-up for the scripted video tests: a fresh data folder and a runner on the short
# test scenario (a 3-second clip, captions, one cue at 1.5 s), headless and silent.
set -eu
: "${RJKIOSK:?set RJKIOSK to the rjkiosk binary}"
: "${RJKIOSK_SCRIPTED:?set RJKIOSK_SCRIPTED to the rjkiosk-scripted binary}"
: "${RJK_VIDEO_DATA:?set RJK_VIDEO_DATA to tests/data/video}"
: "${RJK_VIDEO_SCRIPTS:?set RJK_VIDEO_SCRIPTS to tests/video/scripts}"
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
export SDL_RENDER_DRIVER="${SDL_RENDER_DRIVER:-software}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
scenario="$RJK_VIDEO_DATA"

# kiosk SCRIPT [more kiosk arguments...]: runs the scripted kiosk on $scenario with a script.
kiosk() {
	script=$1
	shift
	"$RJKIOSK_SCRIPTED" --data "$data" --scenario "$scenario" --silent --size 1280x720 \
		--script "$RJK_VIDEO_SCRIPTS/$script" --screenshot-dir "$work" "$@"
}

sql() {
	sqlite3 "$data/responses.db" "$1"
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}
