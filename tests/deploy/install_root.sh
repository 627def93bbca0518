#!/bin/sh
# Runs kiosk/install.sh and kiosk/uninstall.sh into a scratch root and checks what they leave:
# files, owners, modes, the user, the enabled unit, a second run changing nothing, the PIN.
# Usage: install_root.sh SOURCE_DIR RJKIOSK_BINARY
set -eu
src=$1
bin=$2
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (creates files owned by another user)"; exit 77; }
command -v useradd >/dev/null || { echo "SKIP: useradd is not installed"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
mode_of() { stat -c '%a %u' "$1" 2>/dev/null || echo missing; }
expect_mode() { # PATH "MODE UID" (uid 0, or "kiosk" for the rjkiosk user of the scratch root)
	kuid=$(awk -F: '$1 == "rjkiosk" { print $3 }' "$root/etc/passwd")
	got=$(mode_of "$root$1")
	want=$(echo "$2" | sed "s/kiosk/$kuid/; s/root/0/")
	[ "$got" = "$want" ] || fail "$1: $got, want $2"
}

# A scratch root: the account files of this machine (for its groups) and the app, as if the
# package were installed.
make_root() { # DIR
	mkdir -p "$1/etc" "$1/usr/bin"
	for f in passwd group shadow gshadow login.defs; do
		[ -e "/etc/$f" ] && cp "/etc/$f" "$1/etc/$f"
	done
	grep -v '^rjkiosk:' /etc/passwd >"$1/etc/passwd" || true
	grep -v '^rjkiosk:' /etc/group >"$1/etc/group" || true
	for g in video input audio render; do
		grep -q "^$g:" "$1/etc/group" || echo "$g:x:$((900 + ${#g})):" >>"$1/etc/group"
	done
	cp "$bin" "$1/usr/bin/rjkiosk"
	mkdir -p "$1/usr/share/rjkiosk/scenarios/sample"
	cp "$src/scenarios/sample/scenario.yaml" "$1/usr/share/rjkiosk/scenarios/sample/"
}
make_root "$root"
mkdir -p "$tmp/scen/demo"
printf 'rjkiosk: 1\nid: demo\ntitle: Demo\nsteps:\n  - id: s1\n    kind: discussion\n    text: Hello\n' \
	>"$tmp/scen/demo/scenario.yaml"
chmod 0600 "$tmp/scen/demo/scenario.yaml"

run_install() {
	printf '482917\n' | sh "$src/kiosk/install.sh" --root "$root" --scenarios "$tmp/scen" \
		--start-on demo --pin-stdin >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "install.sh failed"; }
}

run_install
check_installed() {
	grep -q '^rjkiosk:x:[0-9]*:[0-9]*:[^:]*:/var/lib/rjkiosk:/usr/sbin/nologin$' "$root/etc/passwd" ||
		fail "no rjkiosk system user with nologin"
	[ "$(grep -c '^rjkiosk:' "$root/etc/passwd")" = 1 ] || fail "rjkiosk listed more than once"
	for g in video input audio render; do
		grep -q "^$g:.*[:,]rjkiosk\(,\|$\)" "$root/etc/group" || fail "rjkiosk not in group $g"
	done
	expect_mode /etc/systemd/system/rjkiosk@.service "644 root"
	link=$root/etc/systemd/system/graphical.target.wants/rjkiosk@tty1.service
	[ "$(readlink "$link" 2>/dev/null)" = /etc/systemd/system/rjkiosk@.service ] ||
		fail "rjkiosk@tty1.service is not enabled for graphical.target"
	[ "$(readlink "$root/etc/systemd/system/default.target" 2>/dev/null)" = \
		/lib/systemd/system/graphical.target ] || fail "default target is not graphical"
	expect_mode /etc/pam.d/rjkiosk "644 root"
	expect_mode /etc/polkit-1/rules.d/50-rjkiosk-power.rules "644 root"
	cmp -s "$src/kiosk/50-rjkiosk-power.rules" "$root/etc/polkit-1/rules.d/50-rjkiosk-power.rules" ||
		fail "the polkit rule is not the one in kiosk/"
	expect_mode /etc/rjkiosk/kiosk.conf "644 root"
	grep -qx 'RJKIOSK_SCENARIO=/var/lib/rjkiosk/scenarios/demo' "$root/etc/rjkiosk/kiosk.conf" ||
		fail "kiosk.conf does not open the demo scenario"
	expect_mode /var/lib/rjkiosk "700 kiosk"
	expect_mode /var/lib/rjkiosk/scenarios "755 root"
	expect_mode /var/lib/rjkiosk/scenarios/demo/scenario.yaml "644 root"
	[ "$(readlink "$root/var/lib/rjkiosk/scenarios/sample")" = /usr/share/rjkiosk/scenarios/sample ] ||
		fail "the sample is not offered in the menu's scenarios folder"
	for f in pin pin-state pin.log; do
		expect_mode "/var/lib/rjkiosk/$f" "600 kiosk"
	done
	grep -q '^\$argon2id\$' "$root/var/lib/rjkiosk/pin" || fail "pin holds no Argon2id hash"
}
check_installed

# Idempotent: a second run keeps local settings, adds no second user and still passes.
echo "# local note" >>"$root/etc/rjkiosk/kiosk.conf"
touch "$root/var/lib/rjkiosk/responses.db"
run_install
check_installed
grep -q '^# local note' "$root/etc/rjkiosk/kiosk.conf" || fail "a second run overwrote kiosk.conf"
[ -e "$root/var/lib/rjkiosk/responses.db" ] || fail "a second run lost the answers"
[ "$(grep -c 'set: new PIN stored' "$root/var/lib/rjkiosk/pin.log")" = 2 ] || fail "PIN log lost"

# --start-on names the folder as it is, whatever characters its name has ("Q&A | group 2"),
# and also when IT commented the line out of kiosk.conf.
mkdir -p "$tmp/odd/Q&A | group 2"
cp "$tmp/scen/demo/scenario.yaml" "$tmp/odd/Q&A | group 2/"
sed -i 's/^RJKIOSK_SCENARIO=/#RJKIOSK_SCENARIO=/' "$root/etc/rjkiosk/kiosk.conf"
sh "$src/kiosk/install.sh" --root "$root" --scenarios "$tmp/odd" --start-on "Q&A | group 2" \
	>"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "install.sh with an odd scenario name failed"; }
[ "$(grep '^RJKIOSK_SCENARIO=' "$root/etc/rjkiosk/kiosk.conf")" = \
	'RJKIOSK_SCENARIO=/var/lib/rjkiosk/scenarios/Q&A | group 2' ] ||
	fail "kiosk.conf does not open 'Q&A | group 2': $(grep RJKIOSK_SCENARIO= "$root/etc/rjkiosk/kiosk.conf")"
grep -q '^# local note' "$root/etc/rjkiosk/kiosk.conf" || fail "--start-on lost the rest of kiosk.conf"
expect_mode /etc/rjkiosk/kiosk.conf "644 root"
run_install
grep -qx 'RJKIOSK_SCENARIO=/var/lib/rjkiosk/scenarios/demo' "$root/etc/rjkiosk/kiosk.conf" ||
	fail "--start-on demo did not replace the odd name"

# Moved to another console: the kiosk runs on that one only (two instances would share the
# data folder, and the second would be refused and restarted forever).
sh "$src/kiosk/install.sh" --root "$root" --tty tty2 >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "install.sh --tty tty2 failed"; }
ls "$root/etc/systemd/system/graphical.target.wants" >"$tmp/wants"
[ "$(grep -c '^rjkiosk@' "$tmp/wants")" = 1 ] && grep -qx 'rjkiosk@tty2.service' "$tmp/wants" ||
	fail "after --tty tty2, enabled: $(tr '\n' ' ' <"$tmp/wants")"
grep -q "rjkiosk@tty1.service" "$tmp/out" || fail "install.sh --tty tty2 does not say that tty1 is no longer used"
run_install
check_installed

# Refusals with a clear message.
if sh "$src/kiosk/install.sh" --root "$root" --start-on missing >"$tmp/out" 2>&1 ||
	! grep -q "no scenario 'missing'" "$tmp/out"; then
	fail "--start-on with an unknown scenario was not refused clearly"
fi
mkdir -p "$tmp/bad/broken"
printf 'rjkiosk: 1\nid: broken\ntitle: Broken\nstepz: []\n' >"$tmp/bad/broken/scenario.yaml"
if sh "$src/kiosk/install.sh" --root "$root" --scenarios "$tmp/bad" >"$tmp/out" 2>&1 ||
	! grep -q "did you mean 'steps'" "$tmp/out" || [ -e "$root/var/lib/rjkiosk/scenarios/broken" ]; then
	fail "an invalid scenario was not refused with the checker's message"
fi
if printf '1234\n' | sh "$src/kiosk/install.sh" --root "$root" --pin-stdin >"$tmp/out" 2>&1 ||
	! grep -q "too easy" "$tmp/out"; then
	fail "an easy PIN was not refused"
fi

# A refused install changes nothing: on a fresh machine, an invalid scenario, an unknown
# --start-on scenario or an easy PIN leaves no user, unit, settings or data behind.
fresh=$tmp/fresh
make_root "$fresh"
snapshot() { (cd "$fresh" && find . -printf '%p %m %u %s\n' | sort && cat etc/passwd etc/group); }
snapshot >"$tmp/before"
refused() { # WHAT EXPECTED_MESSAGE [install.sh arguments...]
	what=$1 message=$2
	shift 2
	if sh "$src/kiosk/install.sh" --root "$fresh" "$@" >"$tmp/out" 2>&1; then
		fail "$what: install.sh succeeded"
	elif ! grep -q -- "$message" "$tmp/out"; then
		cat "$tmp/out"
		fail "$what: no '$message' in the refusal"
	fi
	snapshot >"$tmp/after"
	diff -u "$tmp/before" "$tmp/after" >"$tmp/diff" || { cat "$tmp/diff"; fail "$what changed the root"; }
}
refused "an invalid scenario" "did you mean 'steps'" --scenarios "$tmp/bad" --start-on broken
refused "an unknown --start-on" "no scenario 'missing'" --scenarios "$tmp/scen" --start-on missing
printf '2580\n' >"$tmp/easy-pin"
refused "an easy PIN" "too easy" --scenarios "$tmp/scen" --pin-stdin <"$tmp/easy-pin"
refused "a folder without scenarios" "no folder with a scenario.yaml" --scenarios "$tmp/scen/demo"
refused "a missing package file" "no such package file" --deb "$tmp/none.deb"
refused "a mistyped option" "unknown option '--no-enabled'" --no-enabled
# --pin-stdin on a terminal, where the PIN would show as it is typed (script(1) gives a pty).
if command -v script >/dev/null; then
	script -qec "sh '$src/kiosk/install.sh' --root '$fresh' --pin-stdin" /dev/null \
		</dev/null >"$tmp/out" 2>&1 && fail "--pin-stdin on a terminal: install.sh succeeded"
	grep -q "standard input is a terminal" "$tmp/out" || fail "--pin-stdin on a terminal: $(cat "$tmp/out")"
	snapshot >"$tmp/after"
	diff -u "$tmp/before" "$tmp/after" >"$tmp/diff" || { cat "$tmp/diff"; fail "--pin-stdin on a terminal changed the root"; }
fi
refused "an option without its value" "--scenarios needs a folder" --scenarios
grep -q '^rjkiosk:' "$fresh/etc/passwd" && fail "a refused install created the user"
[ -e "$fresh/var/lib/rjkiosk" ] && fail "a refused install created the data folder"

# Uninstall keeps the data (handed to root) unless asked; --purge-data removes it.
sh "$src/kiosk/uninstall.sh" --root "$root" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "uninstall.sh failed"; }
grep -q '^rjkiosk:' "$root/etc/passwd" && fail "the user is still there"
[ -e "$root/etc/systemd/system/graphical.target.wants/rjkiosk@tty1.service" ] && fail "still enabled"
[ -e "$root/etc/pam.d/rjkiosk" ] && fail "PAM file left behind"
[ -e "$root/etc/polkit-1/rules.d/50-rjkiosk-power.rules" ] && fail "polkit rule left behind"
expect_mode /var/lib/rjkiosk "700 root"
[ -e "$root/var/lib/rjkiosk/responses.db" ] || fail "uninstall lost the answers"

# Installed again over the kept data (now root's): the kiosk's user gets its files back, the
# scenarios stay root's, and nothing is lost.
mkdir -p "$root/var/lib/rjkiosk/exports"
touch "$root/var/lib/rjkiosk/settings" "$root/var/lib/rjkiosk/exports/old.csv"
sh "$src/kiosk/install.sh" --root "$root" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "reinstall failed"; }
for f in responses.db pin pin-state pin.log settings exports exports/old.csv; do
	[ "$(stat -c %u "$root/var/lib/rjkiosk/$f")" = "$(awk -F: '$1 == "rjkiosk" { print $3 }' \
		"$root/etc/passwd")" ] || fail "after a reinstall, $f is not the kiosk's: $(mode_of "$root/var/lib/rjkiosk/$f")"
done
expect_mode /var/lib/rjkiosk/scenarios "755 root"
expect_mode /var/lib/rjkiosk/scenarios/demo/scenario.yaml "644 root"
sh "$src/kiosk/uninstall.sh" --root "$root" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "second uninstall failed"; }
expect_mode /var/lib/rjkiosk/pin "600 root"
if sh "$src/kiosk/uninstall.sh" --root "$root" --purge >"$tmp/out" 2>&1 ||
	! grep -q "unknown option '--purge'" "$tmp/out"; then
	fail "uninstall.sh --purge (mistyped) did not name the option"
fi
[ -e "$root/var/lib/rjkiosk/responses.db" ] || fail "a mistyped uninstall option lost the answers"
sh "$src/kiosk/uninstall.sh" --root "$root" --purge-data >"$tmp/out" 2>&1 || fail "second uninstall failed"
[ -e "$root/var/lib/rjkiosk" ] && fail "--purge-data kept the data"

# The data folder moved to another disk and linked back (as deployment.md allows): uninstall
# hands the real folder to root, and --purge-data deletes it, not only the link.
linked=$tmp/linked
disk=$tmp/otherdisk
make_root "$linked"
mkdir -p "$linked/var/lib" "$disk"
printf '482917\n' | sh "$src/kiosk/install.sh" --root "$linked" --pin-stdin >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "install.sh into the linked root failed"; }
mv "$linked/var/lib/rjkiosk" "$disk/rjkiosk"
ln -s "$disk/rjkiosk" "$linked/var/lib/rjkiosk"
# The backup command of deployment.md, on this root, copies the answers, not only the link.
backup=$(grep '^tar .*/var/lib' "$src/docs/deployment.md" | head -n 1 |
	sed "s| /var/lib| $linked/var/lib|g; s|/root/.*\.tar\.gz|$tmp/backup.tar.gz|")
case $backup in
'' | */root/* | *" /var/"*) fail "deployment.md has no tar command for /var/lib/rjkiosk to try: $backup" ;;
*) sh -c "$backup" >"$tmp/out" 2>&1 || fail "the backup command failed: $backup: $(cat "$tmp/out")" ;;
esac
tar -tzf "$tmp/backup.tar.gz" 2>/dev/null | grep -q '\(^\|/\)pin$' ||
	fail "deployment.md's backup of a linked data folder holds no pin: $backup"
sh "$src/kiosk/uninstall.sh" --root "$linked" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "uninstall (linked) failed"; }
for f in "$disk/rjkiosk" "$disk/rjkiosk/pin" "$disk/rjkiosk/pin.log"; do
	[ "$(stat -c %u "$f")" = 0 ] || fail "uninstall left $f to the deleted user's id: $(stat -c '%u' "$f")"
done
sh "$src/kiosk/uninstall.sh" --root "$linked" --purge-data >"$tmp/out" 2>&1 || fail "uninstall --purge-data (linked) failed"
[ -e "$disk/rjkiosk/pin" ] && fail "--purge-data kept the answers in the folder the data folder links to"
[ -e "$linked/var/lib/rjkiosk" ] || [ -L "$linked/var/lib/rjkiosk" ] && fail "--purge-data kept the link"

[ "$fails" -eq 0 ] || exit 1
echo "install and uninstall into a scratch root: ok"
