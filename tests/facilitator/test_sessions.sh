#!/bin/sh
# Sessions that belong to a class, scripted and headless: naming a session (keys, clicks, taps),
# a power cut mid-session and the restart that resumes it by name with its answers, renaming,
# the picker (order, counts, open or ended), exporting a past session alone, deleting with
# confirmation and Cancel, and every key on the pages after "End this session".
. "$(dirname "$0")/../ui/lib.sh"
RJK_UI_SCRIPTS=$(dirname "$0")/scripts
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"

# A first start opens a session with the default name; Alex answers in it; a named session
# replaces it, Sam answers there, and the power goes.
status=0
kiosk name-session.txt --size 1280x800 || status=$?
[ "$status" -eq 137 ] || fail "naming a session failed (status $status)"
[ "$(sql "select count(*) from sessions")" = 2 ] || fail "not two sessions: $(sql 'select * from sessions')"
past=$(sql "select label from sessions where id = 1")
case $past in
*", "[0-2][0-9]:[0-5][0-9]" · Harm, forgiveness and a shared purpose") ;;
*) fail "the first session's default name is '$past'" ;;
esac
[ "$(sql "select label from sessions where ended_ms is null")" = "Intake 24-07, group B" ] ||
	fail "the named session is not the open one"

# The restart: the same session, Sam back on her step, her answer there; renamed by taps.
kiosk resume.txt --size 1280x800 || fail "the restart did not resume the session"
[ "$(sql "select count(*) from sessions")" = 2 ] || fail "the restart opened a new session"
[ "$(sql "select label from sessions where ended_ms is null")" = "Intake 24-07, group C" ] ||
	fail "the session was not renamed"
[ "$(sql "select r.text from responses r join participants p on p.id = r.participant
	where p.session = 2 and p.name = 'Sam'")" = "Before the power cut" ] ||
	fail "Sam's answer is not in the resumed session"
# A clean quit leaves it open too; the next start resumes it once more.
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 1 ] ||
	fail "quitting ended the session"

# The picker, exporting the past session alone, deleting with confirmation.
esc=$(printf '%s' "$past" | sed 's/[&|\\]/\\&/g')
sed -e "s|EXPORTS_FOLDER|$data/exports|" -e "s|PAST_NAME|$esc|" "$RJK_UI_SCRIPTS/picker.txt" \
	>"$work/picker.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/picker.txt" \
	--screenshot-dir "$work" --size 1280x800 || fail "the picker script failed"
csv=$(ls "$data"/exports/rjkiosk-session-1-*.csv 2>/dev/null | head -1)
[ -n "$csv" ] || fail "the past session was not exported on its own: $(ls "$data/exports")"
python3 - "$csv" <<'PY' || fail "the past session's export holds other rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows, "no rows"
assert {r["session_id"] for r in rows} == {"1"}, {r["session_id"] for r in rows}
assert {r["participant"] for r in rows} == {"Alex"}, {r["participant"] for r in rows}
texts = sorted(r["text"] for r in rows if r["text"])
assert texts == ["Alex on the pause"], texts
assert len(rows) == 2, len(rows)  # the answer and the question passed
PY
[ "$(sql "select count(*) from sessions")" = 0 ] ||
	fail "the deleted sessions are still stored: $(sql 'select id, label from sessions')"
[ "$(sql "select count(*) from events where kind = 'purge'")" = 2 ] ||
	fail "the two deletions were not logged"
if [ -n "${RJK_SCREENSHOTS:-}" ]; then
	cp "$work/picker.png" "$RJK_SCREENSHOTS/sessions-picker.png"
fi

# After "End this session": Escape, the arrows, Tab and Enter on the result page and the menu.
rm -rf "$data"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk end-keys.txt --size 1024x768 || fail "the keys after End this session failed"
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 0 ] ||
	fail "End this session left the session open"
echo "sessions: ok"
