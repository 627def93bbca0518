#!/bin/sh
# Runs a program fullscreen under cage's headless backend, as the kiosk service would run it
# (an unprivileged user, SDL's Wayland driver), and exits with the program's own status:
# cage itself always exits 0. Exit 77 (skipped) where cage cannot run here.
# The program runs in its own writable folder, so a relative --screenshot-dir works; with
# CAGE_SCREENSHOTS=DIR set, the PNG files it wrote there are copied to DIR.
# Usage: under_cage.sh PROGRAM [ARGS...]
set -eu
[ -x /usr/bin/cage ] || { echo "SKIP: cage is not installed (apt-get install cage xwayland)"; exit 77; }
[ -x /usr/bin/Xwayland ] || { echo "SKIP: Debian's cage needs xwayland installed"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run cage as another user"; exit 77; }
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }

# cage refuses to run as root, so the program runs as nobody from a private folder.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 0755 "$tmp"
mkdir -m 0700 "$tmp/run"
chown nobody "$tmp/run"
cp "$1" "$tmp/program"
chmod 0755 "$tmp/program"
shift
# Files and folders named in the arguments (a script, a scenario) are copied too, readable by
# all: the source tree may be in a folder that only root can read.
n=0
for arg in "$@"; do
	if [ -e "$arg" ]; then
		n=$((n + 1))
		cp -R "$arg" "$tmp/arg$n"
		chmod -R a+rX "$tmp/arg$n"
		arg="$tmp/arg$n"
	fi
	set -- "$@" "$arg"
	shift
done
cat >"$tmp/wrap.sh" <<'WRAP'
#!/bin/sh
program="$(dirname "$0")/program"
cd "$XDG_RUNTIME_DIR" || exit 1
"$program" "$@"
echo $? >"$XDG_RUNTIME_DIR/status"
WRAP
chmod 0755 "$tmp/wrap.sh"

setpriv --reuid=nobody --regid=nogroup --clear-groups \
	env -i PATH=/usr/bin:/bin HOME="$tmp/run" XDG_RUNTIME_DIR="$tmp/run" \
	${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
	WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland \
	SDL_AUDIODRIVER=dummy timeout 60 /usr/bin/cage -- "$tmp/wrap.sh" "$@" \
	>"$tmp/out" 2>&1 || true
# wlroots always complains about the missing GPU in a machine without one; nothing else is noise.
grep -v 'drmGetDevices2 failed' "$tmp/out" || true
if [ -n "${CAGE_SCREENSHOTS:-}" ]; then
	for png in "$tmp/run"/*.png; do
		[ -e "$png" ] && cp "$png" "$CAGE_SCREENSHOTS/"
	done
fi
[ -s "$tmp/run/status" ] || { echo "FAIL: the program never finished under cage"; exit 1; }
exit "$(cat "$tmp/run/status")"
