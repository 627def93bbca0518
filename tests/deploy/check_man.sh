#!/bin/sh
# The man page renders without a single warning, and documents every command.
set -eu
page=$1/docs/rjkiosk.1
command -v groff >/dev/null || { echo "SKIP: groff is not installed"; exit 77; }
out=$(groff -ww -man -z -Tutf8 "$page" 2>&1)
[ -z "$out" ] || { echo "FAIL: groff warns:"; echo "$out"; exit 1; }
if command -v man >/dev/null; then
	out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	[ -z "$out" ] || { echo "FAIL: man warns:"; echo "$out"; exit 1; }
fi
text=$(groff -man -Tascii -P-cbou "$page" 2>/dev/null)
for word in check sessions export purge set-pin --scenario --data --windowed --size --kiosk \
	--format --excel --out --older-than --stdin "EXIT STATUS" FILES /var/lib/rjkiosk; do
	printf '%s' "$text" | grep -q -- "$word" || { echo "FAIL: the man page never mentions $word"; exit 1; }
done
echo "man page ok"
