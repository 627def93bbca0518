#!/bin/sh
# The debrief and the session report, end to end: four trainees answer the sample scenario in
# the scripted kiosk; then the facilitator's debrief (results hidden until revealed, bars read
# back from the frame in value order and proportion, the anonymity rule, moderation by key,
# click and tap, every state at 1024x768, 3840x2160 and 200% text), the room view's text and
# the PDF report read by poppler's tools (every question and shown answer, no hidden one,
# fonts embedded, A4, every page renders), and presenter mode on two Xvfb heads.
. "$(dirname "$0")/../ui/lib.sh"
. "$(dirname "$0")/trainees.sh"
here=$(cd "$(dirname "$0")" && pwd)
trap '[ -n "${RJK_KEEP:-}" ] || rm -rf "$work"' EXIT
BAR=1d4e7a          # the normal theme's bar colour (theme.primary)
HIDDEN="Listen first, judge later"

unlock() {
	printf 'key ctrl+alt+F\nkey 2\nkey 4\nkey 6\nkey 8\nkey Return\nexpect-screen facilitator:menu\n'
}
bars() {
	python3 "$here/bars.py" "$@" | tr '\n' ' '
}
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"

# Questions in the debrief of the sample (discussion prompts without notes are left out):
# 1 first reaction (text), 2 meeting (choice), 3 understanding (scale 1-5), 4 openness
# (scale 0-10), 5 stays with you (all passed), 6 support (multiple), 7 remember (text),
# 8 offered (all passed).
four() {
	trainee Ana "Shocked and angry" "Yes" 4 7 "Time" "Listen before judging anyone"
	trainee Ben "Sad for the officers" "No" 4 5 "Family and friends" "$HIDDEN"
	trainee Cy "I felt angry" "Yes" 2 8 "Time" "People can change"
	trainee Di "Numb" "Perhaps, in time" 5 5 "Time" "Forgiveness takes time"
}
{
	four
	unlock
	printf 'click-button Debrief\nexpect-screen facilitator:debrief\nscreenshot hidden.png\n'
	# The meeting question: revealed by key, its bars in option order.
	printf 'key Right\nscreenshot meeting-hidden.png\nkey r\nscreenshot meeting.png\n'
	# Understanding: revealed by a click on Reveal, hidden again by a tap, revealed by key.
	printf 'key Right\nclick 300 726\nscreenshot understanding.png\ntap 300 726\n'
	printf 'screenshot understanding-hidden.png\nkey Return\n'
	# A swipe to the right goes back to the meeting question.
	printf 'swipe 300 400 700 400\nscreenshot swiped.png\n'
	# Stays with you: everyone passed, so nothing is shown even when revealed.
	printf 'key Right\nkey Right\nkey Right\nkey r\nscreenshot min-n.png\n'
	# Remember: one answer hidden on the private page before the room sees it.
	printf 'key Right\nkey Right\nkey Escape\nexpect-screen facilitator:debrief-private\n'
	printf 'screenshot private.png\nclick-button %s\nexpect-screen facilitator:debrief-private\n' "$HIDDEN"
	printf 'screenshot private-hidden.png\nclick-button Show the room view\n'
	printf 'expect-screen facilitator:debrief\nkey r\nscreenshot wall.png\nkey w\nscreenshot words.png\n'
	printf 'quit\n'
} >"$work/run.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/run.txt" --size 1024x768 \
	--screenshot-dir "$work" || fail "the debrief script failed"
# The trainees gave the values they meant (the bars below show only their shape).
[ "$(sql "select group_concat(scale) from (select scale from responses
	where step_id = 'reflect-understanding' order by id)")" = "4,4,2,5" ] ||
	fail "the understanding answers are not 4, 4, 2, 5"

# Hidden until revealed: no bar on screen before, bars after.
[ -z "$(bars "$work/meeting-hidden.png" $BAR)" ] || fail "results showed before the reveal"
b=$(bars "$work/meeting.png" $BAR)
set -- $b
# Yes 2, Perhaps 1, No 1, I don't know 0: bars in that order, the first twice the others.
[ $# = 3 ] && [ "$2" = "$3" ] && [ $(($1 * 10 / $2)) -ge 19 ] && [ $(($1 * 10 / $2)) -le 21 ] ||
	fail "the meeting question's bars read back as '$b', not 2:1:1"
# Understanding: 4, 4, 2, 5 gives values 2, 4, 5 bars of 1, 2, 1.
b=$(bars "$work/understanding.png" $BAR)
set -- $b
[ $# = 3 ] && [ "$1" = "$3" ] && [ $(($2 * 10 / $1)) -ge 19 ] && [ $(($2 * 10 / $1)) -le 21 ] ||
	fail "the understanding scale's bars read back as '$b', not 1:2:1 (click on Reveal)"
[ -z "$(bars "$work/understanding-hidden.png" $BAR)" ] || fail "a tap on Hide left the bars"
[ "$(bars "$work/swiped.png" $BAR)" = "$(bars "$work/meeting.png" $BAR)" ] ||
	fail "a swipe did not go back to the previous question"
[ -z "$(bars "$work/min-n.png" $BAR)" ] || fail "a question with no answers showed bars"

# Moderation is in the store, and the room view of every question never shows the hidden
# answer (drawn by the kiosk's own code into a PDF and read back by pdftotext).
[ "$(sql "select count(*) from debrief_hidden")" = 1 ] || fail "the hidden answer was not stored"
"$RJK_ROOM_PDF" "$data" 1 3 "$work/room.pdf" || fail "the room view could not be drawn"
pdftotext "$work/room.pdf" - | tr '\n' ' ' >"$work/room.txt"
grep -q "Listen before judging anyone" "$work/room.txt" || fail "a shown answer is not on the wall"
! grep -q "$HIDDEN" "$work/room.txt" || fail "the hidden answer reached the room view"
grep -q "Not shown: fewer than 3 answers" "$work/room.txt" || fail "the anonymity rule is not said"
! grep -qE "Ana|Ben|Cy|Di\b" "$work/room.txt" || fail "a name reached the room view"
grep -q "listen" "$work/room.txt" || fail "the word view has no 'listen'"

# The report, read by poppler's tools.
"$RJKIOSK" report --data "$data" --session 1 --out "$work/report.pdf" >/dev/null ||
	fail "rjkiosk report failed"
[ "$(stat -c %a "$work/report.pdf")" = 600 ] || fail "the report is not private"
pdftotext "$work/report.pdf" - | tr '\n' ' ' >"$work/report.txt"
for text in "what happened to the two" "could you imagine asking to meet" \
	"How well do you now understand" "how open do you think" "stays with you most" \
	"what do you think would help you" "want to remember in your work" \
	"What would you want to be offered" \
	"Shocked and angry" "Sad for the officers" "I felt angry" "Numb" \
	"Listen before judging anyone" "People can change" "Forgiveness takes time"; do
	grep -q "$text" "$work/report.txt" || fail "the report misses '$text'"
done
! grep -q "$HIDDEN" "$work/report.txt" || fail "the hidden answer reached the report"
! grep -qE "\bAna\b" "$work/report.txt" || fail "a name is in the report without --names"
pdfinfo "$work/report.pdf" | grep -q "Page size:.*(A4)" || fail "the report is not A4"
pages=$(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p')
pdffonts "$work/report.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
	fail "a font is not embedded"
[ "$(pdffonts "$work/report.pdf" | tail -n +3 | wc -l)" -gt 0 ] || fail "the report has no fonts"
pdftoppm -r 30 -png "$work/report.pdf" "$work/page" || fail "pdftoppm cannot render the report"
[ "$(ls "$work"/page-*.png | wc -l)" = "$pages" ] || fail "not every page rendered"
# With --names: the appendix names the trainees, still without the hidden answer; by name.
sql "update sessions set label = 'Group B' where id = 1"
"$RJKIOSK" report --data "$data" --name "Group B" --names --out "$work/names.pdf" >/dev/null ||
	fail "rjkiosk report --name --names failed"
pdftotext "$work/names.pdf" - | tr '\n' ' ' >"$work/names.txt"
grep -q "Appendix" "$work/names.txt" && grep -q "Ana" "$work/names.txt" ||
	fail "the appendix does not name the trainees"
! grep -q "$HIDDEN" "$work/names.txt" || fail "the hidden answer reached the appendix"
"$RJKIOSK" report --data "$data" --name "Nobody" --out "$work/x.pdf" 2>/dev/null &&
	fail "an unknown session name was accepted"
# --min-answers out of its range is refused with the range it takes.
for bad in 0 51 x 3x; do
	"$RJKIOSK" report --data "$data" --session 1 --min-answers "$bad" --out "$work/x.pdf" \
		2>"$work/err.txt" && fail "--min-answers $bad was accepted"
	grep -q "from 1 to 50, not '$bad'" "$work/err.txt" ||
		fail "--min-answers $bad: $(head -n 1 "$work/err.txt")"
done

# Answers with no words to count (emoji only): the word view and the report both say so, not
# that there is nothing yet.
smile=$(printf '\360\237\231\202') thumbs=$(printf '\360\237\221\215')
sql "update responses set text = '$smile' where step_id = 'reflect-remember'"
sql "update responses set text = '$thumbs $thumbs!' where step_id = 'reflect-remember'
	and id = (select min(id) from responses where step_id = 'reflect-remember')"
"$RJK_ROOM_PDF" "$data" 1 3 "$work/emoji.pdf" || fail "the room view could not be drawn"
pdftotext "$work/emoji.pdf" - | tr '\n' ' ' >"$work/emoji.txt"
"$RJKIOSK" report --data "$data" --session 1 --out "$work/emoji-report.pdf" >/dev/null ||
	fail "rjkiosk report failed on emoji answers"
pdftotext "$work/emoji-report.pdf" - | tr '\n' ' ' >"$work/emoji-report.txt"
NO_WORDS="These answers have no words to count"
grep -q "$NO_WORDS" "$work/emoji.txt" || fail "the word view does not say the answers have no words"
! grep -q "No words to show yet" "$work/emoji.txt" || fail "the word view says 'No words to show yet'"
grep -q "$NO_WORDS" "$work/emoji-report.txt" || fail "the report does not say the answers have no words"

# Every state at 1024x768, 3840x2160 and 200% text, each a new session the four answer.
states() {
	four
	unlock
	printf 'click-button Debrief\nscreenshot %s-hidden.png\nkey Right\nkey r\n' "$1"
	printf 'screenshot %s-choice.png\nkey Right\nkey r\nscreenshot %s-scale.png\n' "$1" "$1"
	printf 'key Right\nkey Right\nkey r\nscreenshot %s-min-n.png\nkey Right\nkey r\n' "$1"
	printf 'screenshot %s-multiple.png\nkey Right\nkey r\nscreenshot %s-wall.png\n' "$1" "$1"
	printf 'key w\nscreenshot %s-words.png\nkey Escape\nscreenshot %s-private.png\nquit\n' "$1" "$1"
}
for run in "small 1024x768" "large 3840x2160" "text200 1024x768 --text-size 200"; do
	set -- $run
	name=$1 size=$2
	shift 2
	states "$name" >"$work/$name.txt"
	"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/$name.txt" --size "$size" \
		--screenshot-dir "$work" "$@" || fail "the debrief at $size $* failed"
	set -- $(bars "$work/$name-choice.png" $BAR)
	[ $# = 3 ] && [ "$2" = "$3" ] || fail "the bars at $size $* read back wrong"
done
if [ -n "${RJK_SCREENSHOTS:-}" ]; then
	cp "$work"/small-*.png "$work"/large-scale.png "$work"/text200-*.png "$work/page-2.png" \
		"$work/page-3.png" "$RJK_SCREENSHOTS/"
fi

# Presenter mode: two Xinerama heads; the room view goes to the second, the private page
# stays on the first.
if command -v Xvfb >/dev/null && [ -z "${RJK_NO_XVFB:-}" ]; then
	# A free display number, which Xvfb picks and writes once it is ready (another X server,
	# another run of this test, may hold any fixed one).
	Xvfb -displayfd 3 +xinerama -screen 0 1280x800x24 -screen 1 1920x1080x24 -nolisten tcp \
		3>"$work/display" >/dev/null 2>&1 &
	xvfb=$!
	trap 'kill $xvfb 2>/dev/null || :; [ -n "${RJK_KEEP:-}" ] || rm -rf "$work"' EXIT
	i=0
	until grep -q . "$work/display" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "Xvfb did not start"
		sleep 0.1
	done
	disp=:$(cat "$work/display")
	touch "$work/empty"
	{
		four
		unlock
		printf 'click-button Debrief\nexpect-screen facilitator:debrief-private\n'
		printf 'click-button Next question \342\200\272\nclick-button Reveal the results\n'
		printf 'wait 1000\ncopy-file %s %s\nwait 4000\nscreenshot presenter-private.png\nquit\n' \
			"$work/empty" "$work/ready"
	} >"$work/presenter.txt"
	SDL_VIDEODRIVER=x11 DISPLAY=$disp "$RJKIOSK_SCRIPTED" --no-video --data "$data" \
		--script "$work/presenter.txt" --screenshot-dir "$work" &
	kiosk_pid=$!
	i=0
	while [ ! -e "$work/ready" ] && [ $i -lt 100 ]; do sleep 0.2; i=$((i + 1)); done
	xwininfo -display "$disp" -name "rjkiosk: debrief" >"$work/xwininfo.txt" 2>&1 || true
	geometry=$(awk '/Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
		/^ *Width/ { w = $NF } /^ *Height/ { h = $NF } END { print w "x" h "+" x "+" y }' \
		"$work/xwininfo.txt")
	# Xvfb puts every Xinerama head at 0,0; the window must cover head #1 exactly.
	head1=$(xdpyinfo -display "$disp" -ext XINERAMA 2>/dev/null |
		sed -n 's/.*head #1: \([0-9]*x[0-9]*\) @ \([0-9]*\),\([0-9]*\).*/\1+\2+\3/p')
	import -display "$disp" -window "rjkiosk: debrief" "$work/presenter.png" 2>/dev/null
	wait $kiosk_pid || fail "the presenter-mode script failed"
	kill $xvfb 2>/dev/null || :
	# The room's window fills the second head and shows the meeting question's bars; the
	# kiosk's own window (the private page) shows none.
	[ "$geometry" = "${head1:-none}" ] || fail "the room window is at '$geometry', not '$head1'"
	set -- $(bars "$work/presenter.png" $BAR)
	[ $# = 3 ] && [ "$2" = "$3" ] || fail "the second head does not show the room view's bars"
	[ -z "$(bars "$work/presenter-private.png" $BAR)" ] || fail "bars on the facilitator's head"
	if [ -n "${RJK_SCREENSHOTS:-}" ]; then cp "$work/presenter.png" "$RJK_SCREENSHOTS/debrief-presenter.png"; fi
fi
echo "debrief: all checks passed"
