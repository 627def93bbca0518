#!/bin/sh
# Runs every fuzz target in BUILD_DIR/fuzz for SECONDS each, seeded from fuzz/corpus/NAME.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
seconds=${2:-20}
for fuzzer in "$build"/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  work=$(mktemp -d)
  seeds="$root/fuzz/corpus/$name"
  [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/
  echo "fuzzing $name for ${seconds}s"
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$work" 2>"$work.log" || { tail -50 "$work.log"; rm -rf "$work"; exit 1; }
  grep -E "stat::number_of_executed_units|Done" "$work.log" | tail -2
  rm -rf "$work" "$work.log"
done
