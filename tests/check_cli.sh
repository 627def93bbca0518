#!/bin/sh
# Runs the built `rjkiosk check` the way an author would and checks exit codes and output:
# 0 all valid (warnings too, on stderr), 1 any invalid (messages on stderr), 2 usage errors.
# Usage: check_cli.sh RJKIOSK TEST_DATA_DIR
set -u
rjkiosk=$1
data=$2/scenarios
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
failures=0

# expect STATUS DESCRIPTION ARGS...: runs rjkiosk with ARGS and checks the exit status
expect() {
  want=$1 what=$2
  shift 2
  "$rjkiosk" "$@" >"$out" 2>"$err"
  got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"
    sed 's/^/  stdout: /' "$out"
    sed 's/^/  stderr: /' "$err"
    failures=$((failures + 1))
  fi
}

# contains FILE TEXT DESCRIPTION: the last command's FILE holds TEXT
contains() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: $3: missing '$2'"
    sed 's/^/  /' "$1"
    failures=$((failures + 1))
  fi
}

# The scenarios in tests/data/scenarios stand for files of every kind with a few bytes of text:
# --no-media leaves them unread (check_media.sh reads real ones).
expect 0 "valid folder" check --no-media "$data/good/full"
contains "$out" "$data/good/full: ok" "ok line"
contains "$out" '"Full example: every key", 6 steps, video video.mp4 with captions (media not checked), 2 cues at 0:45, 2:10' "summary"
[ -s "$err" ] && { echo "FAIL: valid folder wrote to stderr"; failures=$((failures + 1)); }

expect 0 "several valid paths, folder and file" check --no-media "$data/good/minimal" "$data/good/styles/scenario.yaml"
[ "$(wc -l <"$out")" -eq 2 ] || { echo "FAIL: expected two ok lines"; failures=$((failures + 1)); }

expect 1 "invalid folder" check "$data/bad/unknown-keys"
contains "$err" "$data/bad/unknown-keys/scenario.yaml:8:5: unknown key 'minuts' in step 'd1'; did you mean 'minutes'?" "error on stderr"
contains "$err" "$data/bad/unknown-keys: not valid (4 problems)" "summary on stderr"
[ -s "$out" ] && { echo "FAIL: invalid folder wrote to stdout"; failures=$((failures + 1)); }

expect 1 "valid and invalid together" check "$data/good/minimal" "$data/bad/tags"
contains "$out" "$data/good/minimal: ok" "the valid one is still reported"
contains "$err" "$data/bad/tags/scenario.yaml:1:10:" "the invalid one"

expect 0 "valid with warnings" check --no-media "$data/warn/long-title" "$data/warn/long-caption"
contains "$err" "$data/warn/long-title/scenario.yaml:3:8: warning: the title has 51 characters" "title warning on stderr"
contains "$err" "$data/warn/long-caption/captions.vtt:6: warning: a caption of 82 characters" "caption warning on stderr"
contains "$out" "$data/warn/long-title: ok" "a scenario with warnings is still ok"

expect 1 "--strict fails on a warning" check --no-media --strict "$data/warn/key-indented-into-text"
contains "$err" "$data/warn/key-indented-into-text/scenario.yaml:9:7: warning: this line looks like the key 'hint' but is indented into the text above" "indented key warning"
contains "$err" "$data/warn/key-indented-into-text: 3 warnings, which --strict counts as problems" "--strict says why it fails"
contains "$out" "$data/warn/key-indented-into-text: ok" "the scenario itself is still valid"
expect 0 "--strict passes without a warning" check --no-media --strict "$data/good/minimal" "$data/good/full"
[ -s "$err" ] && { echo "FAIL: --strict without warnings wrote to stderr"; failures=$((failures + 1)); }
expect 1 "--strict: one warning among valid scenarios fails the run" check --no-media --strict "$data/good/minimal" "$data/warn/long-title"
expect 0 "warnings without --strict" check --no-media "$data/warn/key-indented-into-text"

# A title of 5,000 characters: the ok line quotes its first 80 and stays one readable line.
long=$(mktemp -d)
sed "s/^title: .*/title: $(printf 'Long title %.0s' $(seq 1 455))/" \
  "$data/good/minimal/scenario.yaml" >"$long/scenario.yaml"
expect 0 "valid with a very long title" check "$long"
contains "$out" '"Long title Long title' "the title is quoted"
contains "$out" 'Long title Long title Lon...", 1 step' "the title is cut at 80 characters"
[ "$(wc -c <"$out")" -lt 200 ] || { echo "FAIL: ok line of $(wc -c <"$out") bytes"; failures=$((failures + 1)); }
rm -rf "$long"

expect 1 "missing path" check "$data/no-such-scenario"
contains "$err" "no such scenario folder or file" "missing path message"

expect 2 "no path" check
contains "$err" "no scenario given" "no path message"
expect 2 "unknown option" check --frobnicate "$data/good/minimal"
contains "$err" "unknown option '--frobnicate'" "unknown option message"
expect 0 "check --help" check --help
contains "$out" "Usage: rjkiosk check [--strict] [--no-media] PATH..." "check help"
contains "$out" "--strict" "check help lists --strict"
expect 0 "-- ends the options" check -- "$data/good/minimal"
expect 0 "--help" --help
expect 0 "--version" --version
contains "$out" "rjkiosk " "version"

# Escape codes written in a scenario never reach the terminal raw: they are refused, and the
# message quoting them shows them escaped.
expect 1 "escape codes" check "$data/bad/escape-codes"
contains "$err" "the text '\x1B[31mRed alert\x1B[0m' holds a control character (\x1B)" "escaped text"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$err"; then
  echo "FAIL: a control character reached the terminal"
  failures=$((failures + 1))
fi

# A named pipe as scenario.yaml (folder or file given) is refused at once, never waited on.
pipes=$(mktemp -d)
mkdir "$pipes/scn"
mkfifo "$pipes/scn/scenario.yaml"
for path in "$pipes/scn" "$pipes/scn/scenario.yaml"; do
  timeout 10 "$rjkiosk" check "$path" >"$out" 2>"$err"
  got=$?
  [ "$got" = 1 ] || { echo "FAIL: named pipe $path: exit $got, expected 1"; failures=$((failures + 1)); }
  contains "$err" "is not a regular file (a named pipe)" "named pipe message"
done
rm -rf "$pipes"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "rjkiosk check: all command-line checks passed"
