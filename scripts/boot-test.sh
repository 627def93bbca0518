#!/bin/sh
# Builds rjkiosk and runs the boot test: the .deb installed with install.sh in a Debian 12
# container booted with systemd-nspawn (see "Boot test" in docs/deployment.md). Run as root.
# Usage: scripts/boot-test.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$root/build"}
"$root/scripts/build.sh" "$dir"
exec sh "$root/tests/deploy/boot_test.sh" "$root" "$dir"
