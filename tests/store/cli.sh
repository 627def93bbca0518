#!/bin/sh
# Tests the data commands end to end: rjkiosk sessions, export and purge on a seeded folder.
# Usage: cli.sh RJKIOSK SEED_STORE PYTHON CHECK_EXPORTS_PY
set -u
rjk=$1 seed=$2 python=$3 check=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$tmp/data
failed=0

fail() { echo "FAIL: $*"; failed=1; }

# expect STATUS COMMAND...: runs the command (output in $tmp/out, $tmp/err) and checks its exit.
expect() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "exit $got (wanted $want): $* -- $(cat "$tmp/err")"
}

has() { grep -q -- "$1" "$2" || fail "'$1' not in $2: $(cat "$2")"; }

"$seed" "$data" || { echo "FAIL: cannot seed $data"; exit 1; }

expect 0 "$rjk" sessions --data "$data"
has brixton-1993 "$tmp/out"
has "(open)" "$tmp/out"
has "DRAFTS  NAME" "$tmp/out"
has "Group A" "$tmp/out"
has 'x1B]0;x\\x07Group B' "$tmp/out"
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$tmp/out"; then
	fail "the sessions listing printed a control character raw"
fi
# Usage errors of the class and LRS commands say what is missing, not a quoted nothing.
for case in "class|give --session or --code" \
	"class --session 1 --code ABC|give --session or --code, not both" \
	"class --session 1 extra|unexpected argument 'extra'" \
	"import|give the FILE to import" \
	"import a.json b.json|give one FILE; unexpected argument 'b.json'" \
	"lrs|give one of --endpoint ..., --off or --status" \
	"lrs --endpoint https://lrs.example|--password-stdin go together"; do
	# shellcheck disable=SC2086 # the words of the command line
	expect 2 "$rjk" ${case%%|*} --data "$data"
	has "${case#*|}" "$tmp/err"
	! grep -q "''" "$tmp/err" || fail "an empty quote in: $(head -n 1 "$tmp/err")"
done
expect 0 "$rjk" sessions --help
has "Usage: rjkiosk sessions" "$tmp/out"
expect 2 "$rjk" sessions --bogus
expect 1 "$rjk" sessions --data "$tmp/empty"
has "no responses are stored" "$tmp/err"
[ -e "$tmp/empty" ] && fail "listing an empty folder created it"

expect 0 "$rjk" export --data "$data" --format csv
head -c 12 "$tmp/out" | grep -q '"session_id"' || fail "CSV on stdout has no header"
expect 0 "$rjk" export --help
expect 2 "$rjk" export --data "$data"
expect 2 "$rjk" export --data "$data" --format pdf
expect 2 "$rjk" export --data "$data" --format csv --session 1 --all
expect 2 "$rjk" export --data "$data" --format json --excel
expect 2 "$rjk" export --data "$data" --format csv --session abc
expect 1 "$rjk" export --data "$data" --format csv --session 99
has "no session 99" "$tmp/err"
# An xAPI base an LRS would refuse is refused on the command line, before anything is written.
expect 2 "$rjk" export --data "$data" --format xapi --xapi-base ''
has "the xAPI base is empty" "$tmp/err"
expect 2 "$rjk" export --data "$data" --format xapi --xapi-base 'not a url'
has "is not an absolute address" "$tmp/err"
[ -s "$tmp/out" ] && fail "a refused --xapi-base still wrote statements"
expect 0 "$rjk" export --data "$data" --format xapi --xapi-base https://lrs.example.org/rjk/
has '"homePage":"https://lrs.example.org/rjk/"' "$tmp/out"
has '"https://lrs.example.org/rjk/scenarios/' "$tmp/out"

mkdir "$tmp/exports"
# The count is what the file holds: drafts are not xAPI statements.
for f in "csv responses.csv 15" "json responses.json 15" "xapi statements.json 13"; do
	set -- $f
	(umask 0; "$rjk" export --data "$data" --format "$1" --out "$tmp/exports/$2") \
		2>"$tmp/err" || fail "export --format $1 --out failed: $(cat "$tmp/err")"
	has "Wrote $3 responses" "$tmp/err"
	mode=$(stat -c %a "$tmp/exports/$2")
	[ "$mode" = 600 ] || fail "$2 has mode $mode, not 600"
done
"$python" "$check" "$tmp/exports" || fail "the exports written by the command do not parse"
# Counts agree with their nouns.
expect 0 "$rjk" export --data "$data" --format csv --session 2 --out "$tmp/one.csv"
has "Wrote 1 response of 1 participant in 1 session to" "$tmp/err"
expect 0 "$rjk" export --data "$data" --format csv --excel --session 1
head -c 3 "$tmp/out" | od -An -tx1 | grep -q "ef bb bf" || fail "--excel wrote no BOM"

# Every setting the menu keeps is shown, the debrief's anonymity rule among them.
expect 0 "$rjk" settings --data "$data"
has "^debrief shows a question from: 3 answers$" "$tmp/out"
has "^menu stays unlocked after the PIN: 600 s$" "$tmp/out"
has "^on-screen keyboard: auto$" "$tmp/out"
has "^keyboard layout: gb$" "$tmp/out"

expect 0 "$rjk" purge --help
expect 2 "$rjk" purge --data "$data"
expect 2 "$rjk" purge --data "$data" --all --session 1
expect 2 "$rjk" purge --data "$data" --older-than -3 --yes
expect 2 "$rjk" purge --data "$data" --all
has "pass --yes" "$tmp/err"
expect 0 "$rjk" sessions --data "$data"
[ "$(grep -c brixton-1993 "$tmp/out")" = 2 ] || fail "a refused purge deleted something"
expect 1 "$rjk" purge --data "$data" --session 7 --yes
expect 0 "$rjk" purge --data "$data" --session 2 --yes
has "Deleted 1 session (1 participant, 1 response)." "$tmp/out"
expect 0 "$rjk" purge --data "$data" --older-than 36500 --yes
has "Nothing to delete" "$tmp/out"
expect 0 "$rjk" purge --data "$data" --older-than 30 --yes
has "Deleted 1 session (3 participants, 14 responses)" "$tmp/out"
expect 0 "$rjk" sessions --data "$data"
has "No sessions are stored" "$tmp/out"
expect 0 "$rjk" export --data "$data" --format json
has '"sessions": \[\]' "$tmp/out"

# --out replaces only a regular file: a FIFO (never waited on) or a link is refused as it is.
mkdir "$tmp/odd"
mkfifo "$tmp/odd/fifo.csv"
ln -s "$tmp/odd/elsewhere.csv" "$tmp/odd/link.csv"
expect 1 timeout 10 "$rjk" export --data "$data" --format csv --out "$tmp/odd/fifo.csv"
has "is not an ordinary file (it is a FIFO)" "$tmp/err"
[ -p "$tmp/odd/fifo.csv" ] || fail "export replaced a FIFO"
expect 1 "$rjk" export --data "$data" --format csv --out "$tmp/odd/link.csv"
has "is not an ordinary file (it is a symbolic link)" "$tmp/err"
[ -L "$tmp/odd/link.csv" ] && [ ! -e "$tmp/odd/elsewhere.csv" ] || fail "export replaced a link"
# Partial exports a killed export left are removed by the next export to that folder; other
# hidden files stay.
echo answers >"$tmp/odd/.old.csv.AbC123"
echo answers >"$tmp/odd/.new.csv.rjkiosk-part.x1Y2z3"
echo mine >"$tmp/odd/.notes.txt.AbC123"
expect 0 "$rjk" export --data "$data" --format csv --out "$tmp/odd/new.csv"
[ -e "$tmp/odd/.old.csv.AbC123" ] && fail "a partial export from an earlier release was left"
[ -e "$tmp/odd/.new.csv.rjkiosk-part.x1Y2z3" ] && fail "a partial export was left"
[ -e "$tmp/odd/.notes.txt.AbC123" ] || fail "export removed a file that was not its own"
[ -z "$(ls -A "$tmp/odd" | grep rjkiosk-part)" ] || fail "export left its partial file"

[ "$failed" = 0 ] && echo "ok: data commands"
exit "$failed"
