#!/bin/sh
# Takes a PC out of kiosk mode: stops and removes the rjkiosk unit and user. Keeps the
# responses, PIN and scenarios in /var/lib/rjkiosk unless --purge-data is given.
set -eu

usage() {
	cat <<'EOF'
Usage: uninstall.sh [--purge-data] [--remove-package] [--root DIR]

Stops the kiosk, removes its systemd unit, PAM file, polkit rule, settings and the
'rjkiosk' user, and restores the text console. The data folder /var/lib/rjkiosk (responses, PIN, scenarios) is
kept unless --purge-data is given: export what you need first (rjkiosk export).

  --purge-data      also delete /var/lib/rjkiosk for good
  --remove-package  also remove the rjkiosk package (apt-get remove rjkiosk)
  --root DIR        work on DIR instead of / (for testing)
  -h, --help        show this help
EOF
}

root="" purge=0 package=0
while [ $# -gt 0 ]; do
	case $1 in
	--purge-data) purge=1 ;;
	--remove-package) package=1 ;;
	--root) root=${2:?--root needs a folder}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "uninstall.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
if [ -n "$root" ]; then
	root=$(cd "$root" && pwd)
elif [ "$(id -u)" -ne 0 ]; then
	echo "uninstall.sh: run this as root" >&2
	exit 1
fi
say() { echo "rjkiosk: $*"; }

if [ -z "$root" ]; then
	for u in $(systemctl list-units --plain --no-legend 'rjkiosk@*' 2>/dev/null | awk '{print $1}'); do
		systemctl stop "$u" || true
	done
fi
rm -f "$root"/etc/systemd/system/*.wants/rjkiosk@*.service
rm -f "$root/etc/systemd/system/rjkiosk@.service" "$root/etc/pam.d/rjkiosk"
rm -f "$root/etc/polkit-1/rules.d/50-rjkiosk-power.rules"
rm -rf "$root/etc/rjkiosk"
# The kiosk set the graphical target as the default; a PC without a desktop boots to text.
if [ -L "$root/etc/systemd/system/default.target" ] &&
	[ ! -e "$root/lib/systemd/system/display-manager.service" ] &&
	[ ! -e "$root/etc/systemd/system/display-manager.service" ]; then
	ln -sfn /lib/systemd/system/multi-user.target "$root/etc/systemd/system/default.target"
fi

if [ "$package" -eq 1 ] && [ -z "$root" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get remove -y rjkiosk
fi

if grep -q '^rjkiosk:' "$root/etc/passwd" 2>/dev/null; then
	userdel ${root:+--prefix "$root"} rjkiosk
	say "removed the user rjkiosk"
fi
# The data folder may be a link to a folder on another disk: the answers are in that folder.
data=$root/var/lib/rjkiosk
real=$data
[ ! -L "$data" ] || real=$(readlink -f "$data")
if [ "$purge" -eq 1 ]; then
	rm -rf "$real"
	if [ "$real" != "$data" ]; then
		rm -f "$data"
		say "deleted $real and the link /var/lib/rjkiosk to it"
	else
		say "deleted /var/lib/rjkiosk"
	fi
elif [ -d "$real" ]; then
	# Files of a deleted user must not pass to whoever gets its id next.
	chown -R 0:0 "$real/"
	say "kept /var/lib/rjkiosk (now owned by root); delete it with --purge-data"
fi
[ -n "$root" ] || systemctl daemon-reload || say "warning: could not reload systemd"
say "done"
