#!/bin/sh
# Quick start 2: installs what is needed, builds, and runs every test suite: the normal build,
# the same suites under AddressSanitizer+UndefinedBehaviorSanitizer, and each fuzz target briefly.
# FUZZ_SECONDS (default 20) sets how long each fuzz target runs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
"$root/scripts/setup.sh"

echo "== build and test (RelWithDebInfo)"
"$root/scripts/build.sh" "$root/build"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"

echo "== build and test under ASan+UBSan"
"$root/scripts/build.sh" "$root/build-asan" -DRJK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs"

echo "== fuzz targets"
CC=clang "$root/scripts/build.sh" "$root/build-fuzz" -DRJK_FUZZ=ON -DRJK_TESTS=OFF
"$root/scripts/fuzz.sh" "$root/build-fuzz" "${FUZZ_SECONDS:-20}"
echo "All test stages passed."
