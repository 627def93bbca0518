#!/bin/sh
# Quick start 1: installs what is needed, builds, and starts the kiosk windowed on the bundled
# sample scenario with data in the default place. Extra arguments go to rjkiosk.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build"
exec "$root/build/src/rjkiosk" --windowed --scenario "$root/scenarios/sample" "$@"
