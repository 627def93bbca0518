#!/bin/sh
# Round-trips the CSV export's golden file (commas, quotes, new lines, emoji, right-to-left text,
# guarded formula starts) through LibreOffice Calc: CSV -> ODS -> CSV, then compares every cell.
# Installs libreoffice-calc-nogui when missing (large, so it is not part of the test suite).
# Usage: scripts/check-libreoffice.sh [CSV_FILE]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
csv=${1:-"$root/tests/data/export/responses.csv"}
if ! command -v soffice >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$csv" "$work/in.csv"
# Import: comma, double quote, UTF-8, quoted fields as text, no number or date detection.
(cd "$work" && soffice --headless -env:UserInstallation=file://"$work/profile" \
  --infilter="CSV:44,34,76,1,,0,true,false,false,false,false" --convert-to ods in.csv) >/dev/null
(cd "$work" && soffice --headless -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true' --outdir out in.ods) \
  >/dev/null
python3 - "$work/in.csv" "$work/out/in.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
same = differ = 0
for i, (ra, rb) in enumerate(zip(a, b)):
    for j, (x, y) in enumerate(zip(ra, rb)):
        if x == y:
            same += 1
        else:
            differ += 1
            print(f"row {i + 1}, column {a[0][j]}: {x!r} came back as {y!r}")
print(f"{len(a)} rows; {same} cells identical, {differ} changed by LibreOffice")
sys.exit(1 if len(a) != len(b) else 0)
PY
