#!/bin/sh
# The session report with very long answers in scripts of two and three bytes a character:
# every question and the appendix of names are still in it (read back by pdftotext) and each
# answer is whole in the appendix. Each case: the words of one long answer, repeated to the
# question's 2000 characters, and the words that end it (one word of 2000 characters in the
# report's list of frequent words; an answer of over 4 KiB; a two-byte script).
. "$(dirname "$0")/../ui/lib.sh"
. "$(dirname "$0")/trainees.sh"
NL='
'
# long WORD END: WORD repeated to just under 2000 characters, then END, as script lines of
# fewer than 1000 characters each.
long() {
	python3 -c "import sys
w, end = sys.argv[1], sys.argv[2]
text = w * ((2000 - len(end)) // len(w)) + end
print('\ntext '.join(text[i:i + 900] for i in range(0, len(text), 900)))" "$1" "$2"
}
for case in "和解修复|结束了" "和解 修复 |完了" "примирение |КОНЕЦ"; do
	word=${case%|*}
	end=${case#*|}
	rm -rf "$data"
	{
		trainee Ana "Shocked" Yes 4 7 Time "$(long "$word" "$end")"
		trainee Ben "Sad" No 4 5 Time "Listen first"
		trainee Cy "Angry" Yes 2 8 Time "People change"
		printf 'quit\n'
	} >"$work/run.txt"
	"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/run.txt" --size 1024x768 ||
		fail "$end: the trainees' script failed"
	[ "$(sql "select length(text) from responses where step_id = 'reflect-remember'
		and text like '%$end'")" -gt 1900 ] || fail "$end: the long answer was not stored whole"
	"$RJKIOSK" report --data "$data" --session 1 --names --out "$work/report.pdf" \
		>/dev/null 2>"$work/err.txt" || fail "$end: rjkiosk report failed: $(cat "$work/err.txt")"
	pdftotext "$work/report.pdf" - | tr -d '\n' >"$work/report.txt"
	for text in "8. Many police officers" "Appendix: answers by trainee" "People change"; do
		grep -qF "$text" "$work/report.txt" || fail "$end: the report misses '$text'"
	done
	sed 's/.*Appendix: answers by trainee//' "$work/report.txt" | grep -qF "$end" ||
		fail "$end: the long answer is cut in the appendix"
done
echo "PASS: long answers keep the whole report"
