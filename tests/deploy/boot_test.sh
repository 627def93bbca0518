#!/bin/sh
# Boot test of the installed kiosk: a Debian 12 root made with debootstrap, the rjkiosk .deb
# installed in it with apt-get and set up with install.sh (as docs/deployment.md says), booted
# with `systemd-nspawn -b`. Then rjkiosk@tty1.service reaches active/running (cage on its
# headless backend and /dev/console for tty1, set by a drop-in), comes back after `kill -9` of
# the app and of cage, keeps its data in /var/lib/rjkiosk (folder 0700, files 0600, owned by
# rjkiosk) across the restarts and a reboot of the container, stops within 10 s, and the
# container powers off.
#
# Usage: boot_test.sh SOURCE_DIR BUILD_DIR
# Needs root, network access to a Debian mirror (the first run of a week), debootstrap and
# systemd-nspawn (package systemd-container; installed with apt-get when missing).
# The Debian mirror is the one this machine's apt uses (or $RJK_BOOT_MIRROR).
# The root with every dependency installed is kept in $RJK_BOOT_CACHE
# (default /var/cache/rjkiosk-test), one per week and per dependency list; each run works on a
# copy of it, removed at the end ($RJK_BOOT_KEEP=1 keeps the copy and its logs).
# Exit status: 0 passed, 1 failed, 77 skipped (not root, no mirror, or the machine cannot run
# a container; the reason is printed).
set -eu
src=$(cd "${1:?usage: boot_test.sh SOURCE_DIR BUILD_DIR}" && pwd)
build=$(cd "${2:?usage: boot_test.sh SOURCE_DIR BUILD_DIR}" && pwd)
cache=${RJK_BOOT_CACHE:-/var/cache/rjkiosk-test}
suite=bookworm
t0=$(date +%s)

say() { echo "boot_test: [$(($(date +%s) - t0))s] $*"; }
skip() { echo "SKIP: $*"; exit 77; }
die() { echo "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, systemd-nspawn)"
[ -f "$build/CMakeCache.txt" ] || die "$build is not a CMake build folder"

# --- Tools ------------------------------------------------------------------------------------
need=""
command -v debootstrap >/dev/null || need="$need debootstrap"
command -v systemd-nspawn >/dev/null || need="$need systemd-container"
if [ -n "$need" ]; then
	say "installing$need"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >/dev/null ||
		skip "could not install$need"
fi

# --- The Debian mirror of this machine's apt configuration -----------------------------------
mirror_from_apt() {
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# deb [options] URI SUITE COMPONENTS...
		awk -v s="$suite" '$1 == "deb" {
			i = 2
			if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
			if ($(i + 1) == s) print $i }' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822 paragraphs: Types, URIs, Suites
		awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" } {
			deb = 0; uri = ""; ok = 0
			for (i = 1; i <= NF; i++) {
				n = split($i, w, /[ \t]+/)
				k = tolower(w[1])
				for (j = 2; j <= n; j++) {
					if (k == "types:" && w[j] == "deb") deb = 1
					if (k == "uris:" && uri == "") uri = w[j]
					if (k == "suites:" && w[j] == s) ok = 1
				}
			}
			if (deb && ok && uri != "") print uri }' "$f"
	done
}
mirror=${RJK_BOOT_MIRROR:-$(mirror_from_apt | grep -E '^(https?|file):' | head -n 1)}
[ -n "$mirror" ] || skip "no '$suite' source in /etc/apt/sources.list*: set RJK_BOOT_MIRROR"

# --- The package ------------------------------------------------------------------------------
work=$(mktemp -d /var/tmp/rjkiosk-boot.XXXXXX)
root=$work/root
nspawn_pid=""
# The container is not registered with systemd-machined and runs in the caller's cgroup, so that
# it needs neither systemd nor D-Bus on the host.
machine=rjkiosk-boot-$$
nspawn() { systemd-nspawn -q --register=no --keep-unit --machine="$machine" "$@"; }
# A child that exited stays a zombie until `wait`: kill -0 would still succeed.
alive() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat")" != Z ]; }
dead() { ! alive "$1"; }
cleanup() {
	status=$?
	set +e
	if alive "$nspawn_pid"; then
		kill -TERM "$nspawn_pid" 2>/dev/null # systemd-nspawn powers the container off
		i=0
		while alive "$nspawn_pid" && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
		kill -KILL "$nspawn_pid" 2>/dev/null
		wait "$nspawn_pid" 2>/dev/null
	fi
	# Anything still mounted below the work folder (nothing, unless a step was interrupted).
	grep -o " $work/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
	# systemd-nspawn leaves its mount propagation folder when /run is not a tmpfs.
	rm -rf "/run/systemd/nspawn/propagate/$machine"
	if [ "${RJK_BOOT_KEEP:-0}" = 1 ]; then
		echo "boot_test: kept $work"
	else
		rm -rf "$work"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

say "building the .deb"
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) ||
	{ cat "$work/cpack.log"; die "cpack -G DEB failed"; }
deb=$(ls "$work"/pkg/rjkiosk_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "cpack made no rjkiosk_*.deb"
# The names of the packages the .deb depends on or recommends (versions and alternatives left
# out: the first of each alternative), installed into the cached root.
deps=$(for field in Depends Recommends; do dpkg-deb -f "$deb" "$field"; done |
	tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep . | sort -u | tr '\n' ' ')
base="systemd systemd-sysv dbus libpam-systemd procps"

# --- The cached root: Debian 12 minbase, systemd, and the package's dependencies ---------------
key=$(printf '%s\n' "$suite" "$base" "$deps" "v1" | sha256sum | cut -c1-12)
cached=$cache/root-$suite-$(date +%G-W%V)-$key
if [ ! -d "$cached" ]; then
	mkdir -p "$cache"
	rm -rf "$cached.partial"
	say "debootstrap $suite into $cached.partial (a few minutes)"
	debootstrap --variant=minbase --include="$(echo $base | tr ' ' ',')" "$suite" \
		"$cached.partial" "$mirror" >"$work/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$work/debootstrap.log"; skip "debootstrap from the mirror failed"; }
	say "installing the dependencies: $deps"
	nspawn -D "$cached.partial" --pipe -E DEBIAN_FRONTEND=noninteractive \
		sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $deps && apt-get clean" \
		>"$work/deps.log" 2>&1 || { tail -n 20 "$work/deps.log"; die "installing the dependencies failed"; }
	mv "$cached.partial" "$cached"
	# Older cached roots of this test are replaced by the new one.
	for old in "$cache"/root-*; do
		[ "$old" = "$cached" ] || rm -rf "$old"
	done
else
	say "reusing $cached"
fi
say "copying the cached root"
cp -a "$cached" "$root"

# --- Install as IT does (docs/deployment.md), then make cage headless for the test ------------
in_root() { nspawn -D "$root" --pipe "$@"; }
cp "$deb" "$root/var/tmp/rjkiosk.deb"
say "apt-get install of the .deb, then install.sh inside the root"
in_root -E DEBIAN_FRONTEND=noninteractive apt-get install -y -q /var/tmp/rjkiosk.deb \
	>"$work/install.log" 2>&1 || { cat "$work/install.log"; die "apt-get install of the .deb failed"; }
printf '482917\n' | in_root /usr/share/rjkiosk/kiosk/install.sh --pin-stdin \
	>>"$work/install.log" 2>&1 || { cat "$work/install.log"; die "install.sh failed in the root"; }
dropin=$root/etc/systemd/system/rjkiosk@tty1.service.d
mkdir -p "$dropin"
# A container has no virtual terminals (no /dev/tty1: the unit fails with 208/STDIN "Failed to
# set up standard input"); its console, /dev/console, stands in for tty1, taken from the
# console's login prompt as the unit takes tty1 from getty@tty1.
cat >"$dropin/boot-test.conf" <<'CONF'
# Boot test only: cage draws into memory instead of a screen and expects no input devices.
[Unit]
Conflicts=console-getty.service
After=console-getty.service
[Service]
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1
TTYPath=/dev/console
CONF

# --- Boot ---------------------------------------------------------------------------------------
leader=""
boot() { # LOG: boots the root in the background; sets nspawn_pid and leader (its PID 1)
	systemd-nspawn -q --register=no --keep-unit --machine="$machine" -D "$root" -b --console=passive \
		>"$1" 2>&1 &
	nspawn_pid=$!
	leader=""
	i=0
	while [ -z "$leader" ] && [ $i -lt 20 ]; do
		alive "$nspawn_pid" || { cat "$1"; die "systemd-nspawn -b exited at once"; }
		# The container's PID 1, once it runs systemd (nspawn's helper children come and go).
		leader=$(ps -o pid=,comm= --ppid "$nspawn_pid" | awk '$2 == "systemd" { print $1; exit }')
		sleep 0.5
		i=$((i + 1))
	done
	[ -n "$leader" ] || { cat "$1"; die "systemd-nspawn started no container"; }
}
in_ctr() { nsenter -t "$leader" -a "$@"; }
# The end of this boot's journal (cage's and the app's lines are not all tagged with the unit).
journal() { in_ctr journalctl --no-pager -q -b -n 80 2>&1 || true; }
wait_for() { # SECONDS WHAT COMMAND...: runs COMMAND every second until it succeeds
	limit=$1 what=$2
	shift 2
	i=0
	until "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt "$limit" ] || return 1
		sleep 1
	done
	say "$what after ${i}s"
}
booted() {
	state=$(in_ctr systemctl is-system-running 2>/dev/null) || true
	case $state in running|degraded) return 0 ;; *) return 1 ;; esac
}
prop() { in_ctr systemctl show -P "$1" rjkiosk@tty1.service; }
app_pid() { in_ctr pgrep -u rjkiosk -x rjkiosk; }
# The service runs: cage (its main process) and the app under it, for three seconds in a row.
kiosk_up() {
	[ "$(prop ActiveState)/$(prop SubState)" = active/running ] || return 1
	km=$(prop MainPID)
	ka=$(app_pid) || return 1
	sleep 3
	[ "$(prop MainPID)" = "$km" ] && [ "$(app_pid)" = "$ka" ]
}
# The service runs again with another main process and another app than before.
kiosk_back() { [ "$(prop MainPID)" != "$1" ] && [ "$(app_pid)" != "$2" ] && kiosk_up; }

say "booting the container (systemd-nspawn -b)"
boot "$work/console.log"
wait_for 120 "booted" booted || {
	tail -n 40 "$work/console.log"
	in_ctr systemctl --no-pager --failed || true
	die "the container did not finish booting within 120 s"
}
wait_for 60 "rjkiosk@tty1.service active/running" kiosk_up || {
	journal; die "rjkiosk@tty1.service did not reach active/running within 60 s"
}

# --- Data folder --------------------------------------------------------------------------------
check_data() { # the folder 0700 and every file in it 0600, all owned by rjkiosk
	in_ctr stat -c '%a %U' /var/lib/rjkiosk | grep -qx '700 rjkiosk' ||
		die "/var/lib/rjkiosk is $(in_ctr stat -c '%a %U' /var/lib/rjkiosk), want 700 rjkiosk"
	bad=$(in_ctr find /var/lib/rjkiosk -maxdepth 1 -type f ! \( -perm 0600 -user rjkiosk \) \
		-printf '%p %m %u\n')
	[ -z "$bad" ] || die "files in /var/lib/rjkiosk not 0600 rjkiosk: $bad"
	in_ctr test -f /var/lib/rjkiosk/responses.db || die "no /var/lib/rjkiosk/responses.db"
}
db_id() { in_ctr stat -c '%i' /var/lib/rjkiosk/responses.db; }
check_data
db=$(db_id)
say "data folder: $(in_ctr ls /var/lib/rjkiosk | tr '\n' ' ')"

# --- kill -9 of the app, then of cage -----------------------------------------------------------
restarts=$(prop NRestarts)
main=$(prop MainPID) app=$(app_pid)
say "kill -9 of the app (PID $app in the container)"
in_ctr kill -KILL "$app"
wait_for 30 "restarted" kiosk_back "$main" "$app" || { journal; die "the kiosk did not come back after kill -9 of the app"; }
main=$(prop MainPID) app=$(app_pid)
say "kill -9 of cage (the service's main PID $main)"
in_ctr kill -KILL "$main"
wait_for 30 "restarted" kiosk_back "$main" "$app" || { journal; die "the kiosk did not come back after kill -9 of cage"; }
[ "$(prop NRestarts)" -ge $((restarts + 2)) ] || die "NRestarts went from $restarts to $(prop NRestarts)"
check_data
[ "$(db_id)" = "$db" ] || die "responses.db was replaced by the restarts"

# --- Stop: quick, and how it ended -------------------------------------------------------------
say "systemctl stop rjkiosk@tty1.service"
start=$(date +%s)
in_ctr timeout 60 systemctl stop rjkiosk@tty1.service || die "systemctl stop failed"
took=$(($(date +%s) - start))
[ "$took" -le 10 ] || die "systemctl stop took ${took}s (SIGTERM not handled?)"
result=$(prop Result)
say "stopped in ${took}s, result: $result"
if [ "$result" != success ]; then
	# Debian 12's cage 0.1.4 aborts when it is sent SIGTERM (wl_display_terminate assertion):
	# the unit's ExecStop (kiosk/stop.sh) ends the kiosk first so that cage exits by itself.
	journal | grep -E 'Assertion|status=' | tail -n 2
	die "the stop ended with result '$result', not success"
fi

# --- Power off, boot again: same data, the kiosk starts again -----------------------------------
say "systemctl poweroff"
in_ctr systemctl poweroff || true
wait_for 60 "powered off" dead "$nspawn_pid" || die "the container did not power off within 60 s"
wait "$nspawn_pid" || die "systemd-nspawn exited with status $?"
nspawn_pid=""
say "booting again"
boot "$work/console2.log"
wait_for 120 "booted" booted || { tail -n 40 "$work/console2.log"; die "the second boot did not finish"; }
wait_for 60 "rjkiosk@tty1.service active/running" kiosk_up || { journal; die "the kiosk did not start on the second boot"; }
check_data
[ "$(db_id)" = "$db" ] || die "responses.db was replaced by the reboot"
in_ctr systemctl poweroff || true
wait_for 60 "powered off" dead "$nspawn_pid" || die "the container did not power off within 60 s"
wait "$nspawn_pid" || die "systemd-nspawn exited with status $?"
nspawn_pid=""
say "boot test: ok"
