#!/bin/sh
# `cmake --install` into a DESTDIR lists exactly the expected files (with every guide, and each
# link in them leading to an installed file), and `cpack -G DEB` builds a package whose control
# file declares the Debian dependencies.
# Usage: package.sh SOURCE_DIR BUILD_DIR
set -eu
src=$1
build=$2
[ -d "$src/scenarios" ] || { echo "SKIP: no scenarios/ folder in this tree to install"; exit 77; }
command -v dpkg-deb >/dev/null || { echo "SKIP: dpkg-deb is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# Every file the install must place; the sample scenario's own files come from scenarios/.
expected() {
	cat <<'LIST'
usr/bin/rjkiosk
usr/lib/systemd/system/rjkiosk@.service
usr/share/applications/rjkiosk.desktop
usr/share/doc/rjkiosk/captions.md
usr/share/doc/rjkiosk/changelog.Debian.gz
usr/share/doc/rjkiosk/copyright
usr/share/doc/rjkiosk/data.md
usr/share/doc/rjkiosk/deployment.md
usr/share/doc/rjkiosk/exports.md
usr/share/doc/rjkiosk/lrs.md
usr/share/doc/rjkiosk/scenario-format.md
usr/share/doc/rjkiosk/using-the-kiosk.md
usr/share/doc/rjkiosk/video.md
usr/share/icons/hicolor/256x256/apps/rjkiosk.png
usr/share/lintian/overrides/rjkiosk
usr/share/man/man1/rjkiosk.1.gz
usr/share/rjkiosk/assets/rjkiosk-icon.bmp
usr/share/rjkiosk/assets/rjkiosk.png
usr/share/rjkiosk/kiosk/50-rjkiosk-power.rules
usr/share/rjkiosk/kiosk/install.sh
usr/share/rjkiosk/kiosk/kiosk.conf
usr/share/rjkiosk/kiosk/pam-rjkiosk
usr/share/rjkiosk/kiosk/recover.sh
usr/share/rjkiosk/kiosk/rjkiosk@.service
usr/share/rjkiosk/kiosk/stop.sh
usr/share/rjkiosk/kiosk/uninstall.sh
usr/share/rjkiosk/scenario.schema.json
LIST
	(cd "$src/scenarios" && find . -type f | sed 's|^\./|usr/share/rjkiosk/scenarios/|')
	(cd "$src/docs" && find screenshots -type f -name '*.png' | sed 's|^|usr/share/doc/rjkiosk/|')
}
expected | sort -u >"$tmp/want"

DESTDIR=$tmp/dest cmake --install "$build" --prefix /usr >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; fail "cmake --install failed"; }
(cd "$tmp/dest" && find . -type f | sed 's|^\./||' | sort) >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "cmake --install placed other files than expected"
[ -x "$tmp/dest/usr/bin/rjkiosk" ] || fail "rjkiosk is not executable"
[ -x "$tmp/dest/usr/share/rjkiosk/kiosk/install.sh" ] || fail "install.sh is not executable"
gzip -t "$tmp/dest/usr/share/man/man1/rjkiosk.1.gz" || fail "the man page is not valid gzip"
doc=$tmp/dest/usr/share/doc/rjkiosk
gzip -t "$doc/changelog.Debian.gz" || fail "changelog.Debian.gz is not valid gzip"
# Every relative link of an installed guide leads to an installed file or folder.
for md in "$doc"/*.md; do
	grep -o '](\([^)#:]*\)[)#]' "$md" | sed 's/^](//; s/[)#]$//' | while read -r link; do
		[ -z "$link" ] || [ -e "$doc/$link" ] || echo "$(basename "$md"): $link"
	done
done >"$tmp/broken"
[ -s "$tmp/broken" ] && { cat "$tmp/broken"; fail "installed guides link to files that are not installed"; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/log" 2>&1) || { cat "$tmp/log"; fail "cpack failed"; }
deb=
for f in "$tmp"/pkg/rjkiosk_*.deb; do [ -f "$f" ] && deb=$f; done
if [ -z "$deb" ]; then
	fail "cpack made no rjkiosk_*.deb"
else
	depends=$(dpkg-deb -f "$deb" Depends)
	for p in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libvlc5 libvlccore9 vlc-plugin-base libswscale6 libcairo2 libcurl4 \
		libsqlite3-0 libyaml-0-2 libfontconfig1 libsodium23 libunistring2 libfribidi0 libharfbuzz0b \
		fonts-dejavu-core; do
		printf '%s' "$depends" | grep -qw -- "$p" || fail "Depends lacks $p: $depends"
	done
	dpkg-deb -f "$deb" Recommends | grep -qw cage || fail "cage is not recommended"
	dpkg-deb -f "$deb" Suggests | grep -qw sqlite3 ||
		fail "sqlite3, which kiosk/recover.sh needs, is not suggested"
	[ "$(dpkg-deb -f "$deb" Package)" = rjkiosk ] || fail "wrong package name"
	dpkg-deb -c "$deb" | awk '{print $NF}' | grep '[^/]$' | sed 's|^\./||' | sort >"$tmp/debfiles"
	diff -u "$tmp/want" "$tmp/debfiles" || fail "the .deb holds other files than cmake --install"
	# The program is built for the prefix the package installs into (where it looks for the
	# sample scenario).
	grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$build/CMakeCache.txt" ||
		fail "the build's install prefix is not /usr, the package's"
fi
[ "$fails" -eq 0 ] || exit 1
echo "install and package: ok"
