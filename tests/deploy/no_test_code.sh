#!/bin/sh
# The program trainees run holds no test driver: rjkiosk as `cmake --install` places it has no
# symbol of the scripted input, its probe, its synthetic input or its fault injection (which
# rjkiosk-scripted does have), rjkiosk-scripted is not installed, and rjkiosk refuses --script
# and --screenshot-dir as unknown options.
# Usage: no_test_code.sh BUILD_DIR RJKIOSK_SCRIPTED_BINARY
set -eu
build=$1
scripted=$2
command -v nm >/dev/null || { echo "SKIP: nm is not installed (binutils)"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
test_symbols='^(script|probe|input|fault)_'

DESTDIR=$tmp/dest cmake --install "$build" --prefix /usr >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; echo "FAIL: cmake --install failed"; exit 1; }
bin=$tmp/dest/usr/bin/rjkiosk
[ -x "$bin" ] || { echo "FAIL: cmake --install placed no usr/bin/rjkiosk"; exit 1; }
if find "$tmp/dest" -name '*scripted*' | grep -q .; then
	fail "a scripted file was installed: $(find "$tmp/dest" -name '*scripted*')"
fi

# Global symbols by name; a stripped program would show none, and prove nothing.
nm -g --defined-only "$bin" | awk '{ print $NF }' >"$tmp/product"
grep -qx cmd_kiosk_run "$tmp/product" || { echo "SKIP: the installed rjkiosk has no symbols to read"; exit 77; }
if grep -E "$test_symbols" "$tmp/product" >"$tmp/found"; then
	fail "the installed rjkiosk holds test code: $(tr '\n' ' ' <"$tmp/found")"
fi
nm -g --defined-only "$scripted" | awk '{ print $NF }' >"$tmp/scripted"
grep -Eq "$test_symbols" "$tmp/scripted" ||
	fail "rjkiosk-scripted shows no script_ symbol either: the check above proves nothing"

: >"$tmp/script.txt"
for option in --script --screenshot-dir; do
	status=0
	"$bin" "$option" "$tmp/script.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
	[ "$status" -eq 2 ] || fail "rjkiosk $option exited $status, want 2 (usage error)"
	grep -q "^rjkiosk: unknown option '$option'" "$tmp/err" ||
		fail "rjkiosk $option: no \"unknown option\" message: $(head -3 "$tmp/err")"
done

[ "$fails" -eq 0 ] || exit 1
echo "no test code in rjkiosk: ok"
