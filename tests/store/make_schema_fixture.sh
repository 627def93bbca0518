#!/bin/sh
# Makes a schema fixture folder (see tests/data/schema/README.md): the database, through the
# store API, and its exports, through 'rjkiosk export' on a copy (an export logs an event).
# The JSON export's own time (exported_at) is set to the fixture clock's start.
# Usage: make_schema_fixture.sh BUILD_DIR OUT_DIR   (OUT_DIR must not exist)
set -eu
build=$1 out=$2
[ ! -e "$out" ] || { echo "$out exists; choose a new folder" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/tests/rjk_make_schema_fixture" "$tmp/made"
mkdir -p "$out"
cp "$tmp/made/responses.db" "$out/responses.db"
cp -r "$tmp/made" "$tmp/copy"
rjk=$build/src/rjkiosk
"$rjk" export --data "$tmp/copy" --format csv --out "$out/responses.csv"
"$rjk" export --data "$tmp/copy" --format json --out "$tmp/responses.json"
sed 's/^  "exported_at": ".*",$/  "exported_at": "2026-03-01T09:00:00.000Z",/' \
	"$tmp/responses.json" >"$out/responses.json"
"$rjk" export --data "$tmp/copy" --format xapi --out "$out/statements.json"
chmod 0644 "$out"/*
