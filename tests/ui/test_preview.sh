#!/bin/sh
# rjkiosk preview: opens at a step, shows the step again after the file changes, shows the
# file's errors until they are fixed, refuses an unknown step, and leaves no data behind.
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/sc" "$work/tmp"
cat > "$work/sc/scenario.yaml" <<'YAML'
rjkiosk: 1
id: preview-test
title: Preview test
steps:
  - id: opening
    kind: discussion
    text: What stood out for you?
  - id: feel
    kind: text
    text: How did the meeting feel?
  - id: rate
    kind: scale
    text: How fair was it?
    min: 1
    max: 5
YAML
sed 's/How did the meeting feel?/What did you notice first?/' "$work/sc/scenario.yaml" > "$work/v2.yaml"
# 'kind' misspelt on line 9, column 5.
sed 's/^    kind: text$/    knd: text/' "$work/sc/scenario.yaml" > "$work/broken.yaml"
expected=$("$RJKIOSK" check --no-media "$work/broken.yaml" 2>&1 | grep -c ':9:5:' || true)
[ "$expected" -ge 1 ] || fail "the broken copy does not have its error at 9:5"

cd "$work"
TMPDIR="$work/tmp" "$RJKIOSK_SCRIPTED" preview --script "$RJK_UI_SCRIPTS/preview.txt" \
	--screenshot-dir "$work" --size 1024x768 --step feel sc ||
	fail "the preview script failed"
[ -s "$work/preview-step.png" ] && [ -s "$work/preview-error.png" ] || fail "no screenshots"
[ -z "$(ls -A "$work/tmp")" ] || fail "the preview left its data folder: $(ls -A "$work/tmp")"

# An unknown step: exit status 2, naming the nearest step and every step.
status=0
TMPDIR="$work/tmp" "$RJKIOSK" preview --step fel sc 2> "$work/err" || status=$?
[ "$status" = 2 ] || fail "--step with an unknown id exited $status, not 2"
grep -q "no step 'fel'" "$work/err" || fail "no 'no step' message: $(cat "$work/err")"
grep -q "did you mean 'feel'" "$work/err" || fail "no suggestion: $(cat "$work/err")"
grep -q "opening, feel, rate" "$work/err" || fail "the steps are not listed: $(cat "$work/err")"
[ -z "$(ls -A "$work/tmp")" ] || fail "a refused preview left a data folder"
echo "preview: ok"
