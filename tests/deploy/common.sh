# What the deployment test scripts share, sourced after 'set -eu': a scratch folder $tmp removed
# at exit, fail() to count a failure, need_tools() to skip, finish() to end.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# need_tools TOOL...: exits 77 (skipped) unless every one is installed.
need_tools() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
	done
}

# finish MESSAGE: exits 1 after any failure, else prints MESSAGE.
finish() {
	[ "$fails" -eq 0 ] || exit 1
	echo "$1"
}
