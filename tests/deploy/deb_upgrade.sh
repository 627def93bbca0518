#!/bin/sh
# Installing a newer .deb over an older one keeps the kiosk's data and settings: the package is
# built (cpack), a second one with a higher version is repacked from it, and both are installed
# with dpkg into a private root (dpkg --root; this machine's own packages are not touched).
# Between the steps, /var/lib/rjkiosk (a database with answers, the PIN, the settings) and
# /etc/rjkiosk/kiosk.conf must stay byte for byte, through upgrade, remove and purge.
# Usage: deb_upgrade.sh SOURCE_DIR BUILD_DIR
set -eu
src=$1
build=$2
[ "$(id -u)" -eq 0 ] || { echo "SKIP: dpkg installs (even into a private root) need root"; exit 77; }
for tool in dpkg dpkg-deb cpack sha256sum; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/log" 2>&1) || { cat "$tmp/log"; exit 1; }
old=
for f in "$tmp"/pkg/rjkiosk_*.deb; do [ -f "$f" ] && old=$f; done
[ -n "$old" ] || { echo "FAIL: cpack made no rjkiosk_*.deb"; exit 1; }
old_version=$(dpkg-deb -f "$old" Version)

# The newer release: the same files with a higher version and a changed document, so the test
# sees that the upgrade really replaced the package's files.
new_version=$old_version+upgrade1
dpkg --compare-versions "$new_version" gt "$old_version" || { echo "FAIL: version order"; exit 1; }
dpkg-deb -R "$old" "$tmp/unpacked"
sed -i "s/^Version: .*/Version: $new_version/" "$tmp/unpacked/DEBIAN/control"
echo "Changed in $new_version." >>"$tmp/unpacked/usr/share/doc/rjkiosk/deployment.md"
(cd "$tmp/unpacked" && find usr -type f -exec md5sum {} + >DEBIAN/md5sums)
new=$tmp/rjkiosk_new.deb
dpkg-deb --root-owner-group -b "$tmp/unpacked" "$new" >/dev/null

# What the package runs at install, upgrade and removal: the documented choice is nothing at
# all (no maintainer scripts), so dpkg never touches /var/lib/rjkiosk or /etc/rjkiosk.
scripts=$(dpkg-deb --ctrl-tarfile "$old" | tar -t | sed 's|^\./||' | grep -v -e '^$' \
	-e '^control$' -e '^md5sums$' -e '^conffiles$' || true)
[ -z "$scripts" ] || echo "note: the package has maintainer scripts: $scripts"

# A private dpkg root: its own status database. The libraries the package depends on are not
# in it (dpkg --force-depends); nothing here runs the program from the root.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
dpkg_root() { dpkg --root="$root" --force-depends "$@" >"$tmp/dpkg.log" 2>&1 ||
	{ cat "$tmp/dpkg.log"; fail "dpkg $*"; }; }
version_in_root() { dpkg-query --admindir="$root/var/lib/dpkg" -W -f '${Version} ${db:Status-Status}' rjkiosk 2>/dev/null || true; }

dpkg_root -i "$old"
[ "$(version_in_root)" = "$old_version installed" ] || fail "old package not installed: $(version_in_root)"
[ -x "$root/usr/bin/rjkiosk" ] || fail "no /usr/bin/rjkiosk after installing"

# The kiosk's data as a running kiosk leaves it: a database with answers (the committed
# schema fixture), the PIN set with the installed program, settings and local configuration.
data=$root/var/lib/rjkiosk
mkdir -p "$data" "$root/etc/rjkiosk"
chmod 0700 "$data"
cp "$src/tests/data/schema/v1/responses.db" "$data/responses.db"
chmod 0600 "$data/responses.db"
printf '482917\n482917\n' | "$root/usr/bin/rjkiosk" set-pin --data "$data" --stdin >/dev/null ||
	fail "set-pin failed"
printf 'text_percent=150\nhigh_contrast=1\ncaptions=1\nvolume=80\nidle_s=600\n' >"$data/settings"
chmod 0600 "$data/settings"
printf 'RJKIOSK_SCENARIO=/var/lib/rjkiosk/scenarios/demo\n# a local note\n' \
	>"$root/etc/rjkiosk/kiosk.conf"
snapshot() { # every file of the data and settings: path, mode, owner, SHA-256
	(cd "$root" && find var/lib/rjkiosk etc/rjkiosk -exec stat -c '%n %a %u:%g %s' {} + | sort &&
		find var/lib/rjkiosk etc/rjkiosk -type f -exec sha256sum {} + | sort)
}
snapshot >"$tmp/before"
grep -q 'var/lib/rjkiosk/pin ' "$tmp/before" || fail "no PIN file to keep"

dpkg_root -i "$new"
[ "$(version_in_root)" = "$new_version installed" ] || fail "upgrade not installed: $(version_in_root)"
grep -q "Changed in $new_version." "$root/usr/share/doc/rjkiosk/deployment.md" ||
	fail "the upgrade did not replace the package's files"
snapshot >"$tmp/after"
diff -u "$tmp/before" "$tmp/after" || fail "installing the newer package changed the data or settings"

# The upgraded program reads the kept database and its answers.
"$root/usr/bin/rjkiosk" export --data "$data" --format csv --out "$tmp/after.csv" >/dev/null 2>&1 ||
	fail "the upgraded rjkiosk cannot export the kept database"
cmp -s "$tmp/after.csv" "$src/tests/data/schema/v1/responses.csv" ||
	fail "the kept database exports other answers than it held"
snapshot >"$tmp/before"

dpkg_root --remove rjkiosk
[ ! -e "$root/usr/bin/rjkiosk" ] || fail "dpkg --remove left /usr/bin/rjkiosk"
snapshot >"$tmp/after"
diff -u "$tmp/before" "$tmp/after" || fail "removing the package changed the data or settings"

dpkg_root -i "$new"
dpkg_root --purge rjkiosk
[ -z "$(version_in_root | grep installed)" ] || fail "dpkg --purge left the package installed"
snapshot >"$tmp/after"
diff -u "$tmp/before" "$tmp/after" || fail "purging the package changed the data or settings"

[ "$fails" -eq 0 ] || exit 1
echo "upgrade $old_version -> $new_version, remove and purge kept the data and settings"
