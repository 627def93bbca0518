#!/bin/sh
# The include-cycle check on tiny examples: a cycle between two modules (through their .c files),
# one through a third module, and a graph without cycles (with an X_impl.h header).
set -eu
check=$1
data=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fail() {
	echo "FAIL: $*" >&2
	cat "$out" >&2
	exit 1
}

# expect_cycle FOLDER CYCLE: the check fails and names the cycle.
expect_cycle() {
	if python3 "$check" "$data/$1" x 2>"$out"; then
		fail "$1: no cycle found"
	fi
	grep -qF "include cycle: $2" "$out" || fail "$1: expected the cycle $2"
}

expect_cycle two_way "a -> b -> a"
grep -qF "b.c includes x/a.h" "$out" || fail "two_way: the closing include is not named"
expect_cycle three_way "a -> b -> c -> a"
python3 "$check" "$data/tree" x 2>"$out" || fail "tree: a cycle was reported"
[ ! -s "$out" ] || fail "tree: the check printed something"
# The folder's name is the default prefix: nothing of "tree/..." is included, so no cycle.
python3 "$check" "$data/two_way" 2>"$out" || fail "two_way without prefix x: a cycle was reported"
echo "include tree check: ok"
