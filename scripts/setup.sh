#!/bin/sh
# Installs the Debian 12 packages rjkiosk needs to build, run and test. Safe to run again:
# it does nothing when everything is already there.
set -eu

PACKAGES="build-essential cmake pkg-config clang libclang-rt-14-dev
libsdl2-dev libsdl2-ttf-dev libfreetype-dev libsdl2-image-dev libvlc-dev vlc-plugin-base
libasound2-dev
libcmocka-dev libsqlite3-dev libyaml-dev libfontconfig-dev libsodium-dev libunistring-dev
unicode-data
fonts-dejavu-core sqlite3 python3 xvfb xauth imagemagick ffmpeg espeak-ng
systemd man-db groff-base cage xwayland lintian devscripts"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing
