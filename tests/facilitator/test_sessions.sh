#!/bin/sh
# Sessions that belong to a class, scripted and headless: naming a session (keys, clicks, taps),
# a power cut mid-session and the restart that resumes it by name with its answers, renaming
# (the running session from the menu, a past one from its page),
# the picker (order, counts, open or ended, a page at a time), exporting a past session alone, deleting with
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
csv=$(ls -t "$data"/exports/rjkiosk-*.csv 2>/dev/null | head -1)
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
[ "$(sql "select detail from events where kind = 'session-rename' and session = 1")" = "$past (pilot)" ] ||
	fail "the past session's rename was not logged: $(sql "select * from events where kind = 'session-rename'")"
[ "$(sql "select count(*) from sessions")" = 0 ] ||
	fail "the deleted sessions are still stored: $(sql 'select id, label from sessions')"
[ "$(sql "select count(*) from events where kind = 'purge'")" = 2 ] ||
	fail "the two deletions were not logged"
# RJK_SCREENSHOTS=DIR keeps the pages the docs show.
if [ -n "${RJK_SCREENSHOTS:-}" ]; then
	cp "$work/name-session.png" "$RJK_SCREENSHOTS/session-name.png"
	cp "$work/picker.png" "$RJK_SCREENSHOTS/sessions-picker.png"
fi

# The open session on a scenario chosen from the menu: a restart with the service's scenario
# resumes it on its own scenario; once that scenario is gone, it is ended and the menu says so.
rm -rf "$data"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
scen="$work/scenarios"
two_scenarios "$scen"
run() {
	"$RJKIOSK_SCRIPTED" --no-video --data "$data" --scenarios "$scen" --scenario "$scen/sample" \
		--script "$RJK_UI_SCRIPTS/$1" --screenshot-dir "$work" --size 1280x800
}
run switch-scenario.txt || fail "choosing the second scenario failed"
run resumed-second.txt || fail "the session on the second scenario was not resumed"
[ "$(sql "select count(*) from sessions where ended_ms is null and scenario_id = 'second-scenario'")" = 1 ] ||
	fail "the second scenario's session is not the open one"
[ "$(sql "select count(*) from sessions")" = 2 ] || fail "the restart opened a new session"
mv "$scen/second" "$work/gone"
# A name holding a terminal's control sequence reaches the log (standard error) escaped.
sql "update sessions set label = 'Group' || char(27) || ']0;title' || char(7) || ' B'
	where ended_ms is null"
run not-resumed.txt 2>"$work/stderr" || fail "the menu did not say the session could not be resumed"
grep -qi 'Group\\x1b\]0;title\\x07 B' "$work/stderr" ||
	fail "the log does not show the session's name escaped: $(cat "$work/stderr")"
! grep -q "$(printf '\033')" "$work/stderr" || fail "the log holds a raw escape character"
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 1 ] ||
	fail "not one open session"
[ "$(sql "select scenario_id from sessions where ended_ms is null")" = sample-brixton-1993 ] ||
	fail "the new session is not on the sample: $(sql 'select * from sessions')"
[ "$(sql "select count(*) from responses r join participants p on p.id = r.participant
	join sessions s on s.id = p.session where s.scenario_id = 'second-scenario'")" = 1 ] ||
	fail "the ended session lost its answer"
[ -z "${RJK_SCREENSHOTS:-}" ] || cp "$work/not-resumed.png" "$RJK_SCREENSHOTS/session-not-resumed.png"

# After "End this session": Escape, the arrows, Tab and Enter on the result page and the menu.
rm -rf "$data"
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"
kiosk end-keys.txt --size 1024x768 || fail "the keys after End this session failed"
[ "$(sql "select count(*) from sessions where ended_ms is null")" = 0 ] ||
	fail "End this session left the session open"
# The picker a page at a time: 11 sessions, eight a page, Older and Newer sessions by clicks,
# taps and keys; a session on the second page picked, and Back returns to that page.
rm -rf "$data"
setpin
{
	unlock
	printf 'expect-screen facilitator:menu\n'
	for n in 01 02 03 04 05 06 07 08 09 10; do
		printf 'click-button Start a new session\nexpect-screen facilitator:name-session\n'
		# The default name emptied word by word (more presses than it has words).
		for w in $(seq 16); do printf 'key ctrl+Backspace\n'; done
		printf 'text Group %s\nkey Return\nexpect-screen facilitator:result\n' "$n"
		printf 'click-button Back to the menu\n'
	done
	cat "$RJK_UI_SCRIPTS/picker-pages.txt"
} >"$work/picker-pages.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/picker-pages.txt" --size 1280x800 ||
	fail "the picker's pages failed"
[ "$(sql "select count(*) from sessions")" = 11 ] || fail "not 11 sessions"
echo "sessions: ok"
