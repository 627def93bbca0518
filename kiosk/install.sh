#!/bin/sh
# Sets up a classroom PC that boots straight into the rjkiosk kiosk. Safe to run again.
set -eu

usage() {
	cat <<'EOF'
Usage: install.sh [--deb FILE | --build DIR] [--scenarios DIR] [--start-on NAME]
                  [--pin-stdin] [--no-enable] [--tty TTY] [--root DIR]

Sets up this PC as an rjkiosk kiosk: creates the unprivileged 'rjkiosk' user, installs the
app, the systemd unit and its PAM file, the polkit rule that lets the kiosk shut down and
restart the PC from the facilitator's menu, copies scenarios into /var/lib/rjkiosk/scenarios,
optionally sets the facilitator PIN, and enables the kiosk on the first console at boot.
Run it as root. It checks everything first (its options and files, the scenarios with
'rjkiosk check', the PIN, cage) and changes nothing when a check fails. Running it again
updates what changed and keeps the data.

  --deb FILE       install the rjkiosk .deb (with its dependencies) first
  --build DIR      install from a CMake build folder instead (cmake --install)
                   (with neither, /usr/bin/rjkiosk must already be installed)
  --scenarios DIR  copy every scenario folder found in DIR (each holding scenario.yaml)
                   into /var/lib/rjkiosk/scenarios/, replacing ones of the same name;
                   all must pass 'rjkiosk check' or none is copied
  --start-on NAME  open the scenario /var/lib/rjkiosk/scenarios/NAME at boot
                   (default: the bundled sample until this is given)
  --pin-stdin      read the facilitator PIN from one line of standard input
  --no-enable      install everything but do not enable the kiosk at boot
  --tty TTY        the console to run on (default tty1); the kiosk is disabled on the
                   console it ran on before
  --root DIR       install into DIR instead of / (for testing: changes nothing outside
                   DIR and starts nothing)
  -h, --help       show this help
EOF
}

die() {
	printf 'install.sh: %s\n' "$*" >&2
	exit 1
}

here=$(cd "$(dirname "$0")" && pwd)
root="" deb="" build="" scenarios="" start_on="" pin_stdin=0 enable=1 tty=tty1
while [ $# -gt 0 ]; do
	case $1 in
	--deb) deb=${2:?--deb needs a file}; shift ;;
	--build) build=${2:?--build needs a folder}; shift ;;
	--scenarios) scenarios=${2:?--scenarios needs a folder}; shift ;;
	--start-on) start_on=${2:?--start-on needs a name}; shift ;;
	--pin-stdin) pin_stdin=1 ;;
	--no-enable) enable=0 ;;
	--tty) tty=${2:?--tty needs a console such as tty1}; shift ;;
	--root) root=${2:?--root needs a folder}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
case $tty in tty[1-9]|tty[1-5][0-9]|tty6[0-3]) ;; *) die "--tty: '$tty' is not a console such as tty1" ;; esac
case $start_on in */*|.*) die "--start-on: give the scenario folder's name, not a path" ;; esac
[ -z "$deb" ] || [ -z "$build" ] || die "give --deb FILE or --build DIR, not both"
if [ -n "$root" ]; then
	[ -d "$root" ] || die "--root: $root is not a folder"
	root=$(cd "$root" && pwd)
elif [ "$(id -u)" -ne 0 ]; then
	die "run this as root (sudo $0 ...)"
fi

data=/var/lib/rjkiosk
unit="rjkiosk@.service"
say() { echo "rjkiosk: $*"; }
need() { command -v "$1" >/dev/null || die "$1 is not installed ($2)"; }

# Checks first: nothing on the machine changes until every one of them has passed.
for tool in install useradd usermod awk sed; do
	need "$tool" "Debian's passwd, coreutils, gawk or mawk, sed"
done
polkit_rule=50-rjkiosk-power.rules
for f in "$unit" pam-rjkiosk kiosk.conf "$polkit_rule"; do
	[ -f "$here/$f" ] || die "$here/$f is missing: run install.sh from the rjkiosk package or source"
done
if [ -z "$root" ] && [ "$enable" -eq 1 ] && [ -z "$deb" ] && [ ! -x /usr/bin/cage ]; then
	die "cage is not installed, so the kiosk could not start at boot: apt-get install cage xwayland" \
		"(or give --no-enable)"
fi

# The rjkiosk that checks the scenarios and the PIN: the one about to be installed, unpacked
# into a scratch folder first, or the one already installed.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
if [ -n "$deb" ]; then
	[ -f "$deb" ] || die "$deb: no such package file"
	need dpkg-deb "Debian's dpkg"
	dpkg-deb -x "$deb" "$stage/app" 2>"$stage/err" || die "$deb: not a Debian package ($(cat "$stage/err"))"
	checker=$stage/app/usr/bin/rjkiosk
elif [ -n "$build" ]; then
	[ -f "$build/cmake_install.cmake" ] || die "--build: $build is not a CMake build folder"
	need cmake "apt-get install cmake"
	DESTDIR=$stage/app cmake --install "$build" --prefix /usr >"$stage/err" 2>&1 ||
		die "--build: cmake --install failed: $(cat "$stage/err")"
	checker=$stage/app/usr/bin/rjkiosk
else
	checker=$root/usr/bin/rjkiosk
	[ -x "$checker" ] || die "/usr/bin/rjkiosk is not installed: give --deb FILE or --build DIR"
fi
[ -x "$checker" ] || die "${deb:-$build} holds no usr/bin/rjkiosk"
if ! "$checker" --version >/dev/null 2>&1; then
	# A package's rjkiosk cannot run before apt-get brings the libraries it needs: then it checks
	# right after installing the package, still before anything else changes.
	if [ -z "$deb" ] || [ -n "$root" ]; then
		die "$checker does not run: $("$checker" --version 2>&1 | head -n 1)"
	fi
	checker=""
fi

if [ -n "$scenarios" ]; then
	[ -d "$scenarios" ] || die "--scenarios: $scenarios is not a folder"
	found=0
	for yaml in "$scenarios"/*/scenario.yaml; do
		[ -f "$yaml" ] && found=$((found + 1))
	done
	[ "$found" -gt 0 ] || die "--scenarios: no folder with a scenario.yaml in $scenarios"
fi
if [ -n "$start_on" ]; then
	[ -f "${scenarios:+$scenarios/$start_on/scenario.yaml}" ] ||
		[ -f "$root$data/scenarios/$start_on/scenario.yaml" ] ||
		die "--start-on: no scenario '$start_on' in ${scenarios:-$data/scenarios}"
fi
pin=""
if [ "$pin_stdin" -eq 1 ]; then
	[ ! -t 0 ] || die "--pin-stdin: standard input is a terminal, where the PIN would show as" \
		"it is typed: pipe it in (printf '%s\\n' PIN | install.sh --pin-stdin ...), or leave" \
		"--pin-stdin out and run 'rjkiosk set-pin --data $data' afterwards, which hides it"
	IFS= read -r pin || [ -n "$pin" ] || die "--pin-stdin: no PIN on standard input"
fi

# The checks that need rjkiosk itself: every scenario valid, and a PIN it accepts (set in a
# scratch folder).
check_with_app() {
	if [ -n "$scenarios" ]; then
		for yaml in "$scenarios"/*/scenario.yaml; do
			[ -f "$yaml" ] || continue
			"$checker" check "$(dirname "$yaml")" >/dev/null ||
				die "scenario $(dirname "$yaml") is not valid (see above); nothing was changed"
		done
	fi
	if [ "$pin_stdin" -eq 1 ]; then
		printf '%s\n' "$pin" | "$checker" set-pin --stdin --data "$stage/pin-check" >/dev/null ||
			die "the PIN was refused (see above); nothing was changed"
	fi
}
[ -z "$checker" ] || check_with_app

# 1. The app.
if [ -n "$deb" ]; then
	if [ -n "$root" ]; then
		dpkg-deb -x "$deb" "$root"
	else
		case $deb in /*) ;; *) deb=./$deb ;; esac
		DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb"
	fi
elif [ -n "$build" ]; then
	DESTDIR=$root cmake --install "$build" --prefix /usr >/dev/null
fi
[ -x "$root/usr/bin/rjkiosk" ] || die "/usr/bin/rjkiosk is not installed: give --deb FILE or --build DIR"
if [ -z "$checker" ]; then
	checker=$root/usr/bin/rjkiosk
	check_with_app
fi
say "app installed: $("$root/usr/bin/rjkiosk" --version)"

# 2. The user: no password, no shell, no home of its own beyond the data folder.
groups=""
for g in video input audio render; do
	grep -q "^$g:" "$root/etc/group" 2>/dev/null && groups="$groups${groups:+,}$g"
done
if grep -q '^rjkiosk:' "$root/etc/passwd" 2>/dev/null; then
	[ -z "$groups" ] || usermod ${root:+--prefix "$root"} -a -G "$groups" rjkiosk
else
	useradd ${root:+--prefix "$root"} --system --user-group --home-dir "$data" --no-create-home \
		--shell /usr/sbin/nologin --comment "rjkiosk classroom kiosk" \
		${groups:+--groups "$groups"} rjkiosk
	say "created the user rjkiosk (groups: ${groups:-none})"
fi
uid=$(awk -F: '$1 == "rjkiosk" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "rjkiosk" { print $4 }' "$root/etc/passwd")

# 3. The unit (shipped with the app; copied only when the app came without it), its PAM stack
#    and the settings file (an existing one is kept).
unit_path=/usr/lib/systemd/system/$unit
if [ ! -f "$root$unit_path" ]; then
	unit_path=/etc/systemd/system/$unit
	install -D -m 0644 "$here/$unit" "$root$unit_path"
fi
install -D -m 0644 "$here/pam-rjkiosk" "$root/etc/pam.d/rjkiosk"
install -d -m 0755 "$root/etc/rjkiosk"
if [ ! -e "$root/etc/rjkiosk/kiosk.conf" ]; then
	install -m 0644 "$here/kiosk.conf" "$root/etc/rjkiosk/kiosk.conf"
fi
if [ -n "$start_on" ]; then
	# The name is taken as it is ('Q&A | group 2'), so awk reads it from the environment rather
	# than from a sed expression; a line IT commented out is set again, the rest is kept.
	conf=$root/etc/rjkiosk/kiosk.conf
	RJK_LINE="RJKIOSK_SCENARIO=$data/scenarios/$start_on" awk '
		/^RJKIOSK_SCENARIO=/ { if (!done) print ENVIRON["RJK_LINE"]; done = 1; next }
		{ print }
		END { if (!done) print ENVIRON["RJK_LINE"] }' "$conf" >"$conf.new"
	chmod 0644 "$conf.new"
	mv "$conf.new" "$conf"
fi

# The facilitator's "Shut down the PC" and "Restart the PC": logind asks polkit, whose rule
# allows power-off and reboot (and their -multiple-sessions and -ignore-inhibit forms) to the
# kiosk user only. polkitd keeps the folder private to itself: only the file is added.
[ -d "$root/etc/polkit-1/rules.d" ] || install -d -m 0755 "$root/etc/polkit-1/rules.d"
install -m 0644 "$here/$polkit_rule" "$root/etc/polkit-1/rules.d/$polkit_rule"

# 4. The data folder, private to the kiosk user, and the scenarios IT manages inside it
#    (owned by root, so the kiosk can read but never change them).
install -d -m 0700 -o "$uid" -g "$gid" "$root$data"
# Data kept by uninstall.sh was handed to root (and a user made again may have another id):
# everything in the folder but the scenarios goes back to the kiosk's user, links not followed.
find "$root$data/" -mindepth 1 -maxdepth 1 ! -name scenarios -exec chown -R -h "$uid:$gid" {} +
install -d -m 0755 -o 0 -g 0 "$root$data/scenarios"
if [ -n "$scenarios" ]; then
	# All were checked above, before anything changed.
	for yaml in "$scenarios"/*/scenario.yaml; do
		src=$(dirname "$yaml")
		name=$(basename "$src")
		dest=$root$data/scenarios/$name
		rm -rf "$dest.new"
		cp -R "$src" "$dest.new"
		chown -R 0:0 "$dest.new"
		chmod -R u=rwX,go=rX "$dest.new"
		rm -rf "$dest"
		mv "$dest.new" "$dest"
	done
	say "copied $found scenario(s) into $data/scenarios"
fi

# The bundled sample is offered in the facilitator's menu too, as a link to the packaged copy.
if [ -f "$root/usr/share/rjkiosk/scenarios/sample/scenario.yaml" ] &&
	[ ! -e "$root$data/scenarios/sample" ] && [ ! -L "$root$data/scenarios/sample" ]; then
	ln -s /usr/share/rjkiosk/scenarios/sample "$root$data/scenarios/sample"
fi

# 5. The facilitator PIN, set as root and handed to the kiosk user.
if [ "$pin_stdin" -eq 1 ]; then
	printf '%s\n' "$pin" | "$root/usr/bin/rjkiosk" set-pin --stdin --data "$root$data"
	for f in pin pin-state pin.log; do
		[ -e "$root$data/$f" ] && chown "$uid:$gid" "$root$data/$f"
	done
fi

# 6. Boot into the kiosk: enable the unit on the console and boot to the graphical target.
wants="$root/etc/systemd/system/graphical.target.wants"
if [ "$enable" -eq 1 ]; then
	mkdir -p "$wants"
	# One kiosk per PC: a second console's kiosk would find the data folder in use, be
	# refused and restart forever.
	for other in "$wants"/rjkiosk@*.service; do
		[ -L "$other" ] && [ "$other" != "$wants/rjkiosk@$tty.service" ] || continue
		rm -f "$other"
		say "disabled $(basename "$other") (the kiosk now runs on $tty; stop it with" \
			"systemctl stop $(basename "$other"))"
	done
	ln -sfn "$unit_path" "$wants/rjkiosk@$tty.service"
	ln -sfn /lib/systemd/system/graphical.target "$root/etc/systemd/system/default.target"
	say "enabled rjkiosk@$tty.service at boot"
fi
if [ -z "$root" ]; then
	systemctl daemon-reload || say "warning: systemd is not running; reload it before starting the kiosk"
	if systemctl is-enabled --quiet display-manager.service 2>/dev/null; then
		say "warning: a display manager is enabled and may take the console:" \
			"systemctl disable display-manager.service"
	fi
	[ -x /usr/bin/cage ] || say "warning: cage is not installed: apt-get install cage xwayland"
	[ -x /usr/lib/polkit-1/polkitd ] || say "warning: polkitd is not installed, so the menu" \
		"cannot shut the PC down: apt-get install polkitd"
	if [ ! -s "$data/pin" ]; then
		say "no facilitator PIN yet: set one with 'rjkiosk set-pin --data $data'"
	fi
	[ "$enable" -eq 1 ] && say "reboot, or start it now with: systemctl start rjkiosk@$tty.service"
fi
say "done"
