#!/bin/sh
# Quick start 2: installs what is needed, builds, and runs every test suite: the normal build,
# the same suites under AddressSanitizer+UndefinedBehaviorSanitizer, and each fuzz target briefly.
# FUZZ_SECONDS (default 20) sets how long each fuzz target runs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
passed=0
"$root/scripts/setup.sh"

# Runs ctest in a build folder and adds its count of tests to $passed (ctest stops us on failure).
run_ctest() {
  ctest --test-dir "$1" --output-on-failure -j "$jobs" >"$1/ctest.log" 2>&1 || rc=$?
  cat "$1/ctest.log"
  [ "${rc:-0}" -eq 0 ] || exit "$rc"
  n=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$1/ctest.log")
  passed=$((passed + ${n:-0}))
}

echo "== build and test (RelWithDebInfo)"
"$root/scripts/build.sh" "$root/build"
run_ctest "$root/build"

echo "== build and test under ASan+UBSan"
"$root/scripts/build.sh" "$root/build-asan" -DRJK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
run_ctest "$root/build-asan"
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "== fuzz targets"
CC=clang "$root/scripts/build.sh" "$root/build-fuzz" -DRJK_FUZZ=ON -DRJK_TESTS=OFF
"$root/scripts/fuzz.sh" "$root/build-fuzz" "${FUZZ_SECONDS:-20}"
echo "All test stages passed (normal and ASan+UBSan ctest runs, and the fuzz targets)."
echo "tests: $passed passed, 0 failed"
