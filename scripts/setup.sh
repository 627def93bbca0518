#!/bin/sh
# Installs the Debian 12 packages rjkiosk needs to build, run and test, and the test-only npm
# tools pinned in tests/tools/package-lock.json. Safe to run again: it does nothing when
# everything is already there.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES="build-essential cmake pkg-config clang libclang-rt-14-dev
libsdl2-dev libsdl2-ttf-dev libfreetype-dev libsdl2-image-dev libvlc-dev libvlccore-dev
vlc-plugin-base libswscale-dev
libasound2-dev
libcmocka-dev libsqlite3-dev libyaml-dev libfontconfig-dev libsodium-dev libunistring-dev
libfribidi-dev libharfbuzz-dev
libxkbcommon-dev xkb-data libx11-data
libcurl4-openssl-dev libjansson-dev ca-certificates openssl
unicode-data
libcairo2-dev libpango1.0-dev poppler-utils libxinerama-dev libx11-dev
fonts-dejavu-core fonts-droid-fallback fonts-noto-ui-core sqlite3 python3 xvfb xauth imagemagick ffmpeg espeak-ng
systemd man-db groff-base cage xwayland lintian devscripts"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# node and npm run the scenario schema test; a node installed from elsewhere (its own npm
# included) is used as it is.
command -v node >/dev/null || missing="$missing nodejs"
command -v npm >/dev/null || missing="$missing npm"

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq $missing
fi

# The npm test tools, exactly as locked; again only when a lockfile changed since. tests/lrs/tools
# holds the LRS tests' own: Learning Locker's statement service and its validator.
for tools in "$root/tests/tools" "$root/tests/lrs/tools"; do
  if [ ! -f "$tools/node_modules/.package-lock.json" ] ||
     ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.rjkiosk-lock"; then
    echo "Installing the npm test tools (${tools#"$root"/}/package-lock.json)"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$tools/package-lock.json" "$tools/node_modules/.rjkiosk-lock"
  fi
done
