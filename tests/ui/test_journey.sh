#!/bin/sh
# The whole journey through the sample scenario (keyboard, mouse and touch), then the answers
# checked in the database by an independent reader.
. "$(dirname "$0")/lib.sh"

kiosk journey.txt --size 1024x768 || fail "the journey script failed"
[ "$(sql "select count(*) from participants where submitted_ms is not null")" = 1 ] ||
	fail "the trainee was not marked submitted"
[ "$(sql "select name from participants")" = "Sam Okafor" ] || fail "name not stored"
[ "$(sql "select count(*) from responses where status = 'draft'")" = 0 ] ||
	fail "drafts left after submitting"
[ "$(sql "select text from responses where step_id = 'reflect-remember'")" = \
  "Listen before judging. Café, naïve, 🙂 and עברית stay intact." ] ||
	fail "UTF-8 answer changed on its way to the database"
[ "$(sql "select scale from responses where step_id = 'reflect-understanding'")" = 4 ] ||
	fail "the answer edited from the review was not stored"
[ "$(sql "select status from responses where step_id = 'reflect-stays-with-you'")" = passed ] ||
	fail "a pass was not stored as a pass"
[ "$(sql "select group_concat(c.text, '|') from response_choices c join responses r on
          r.id = c.response where r.step_id = 'reflect-support' order by c.position")" = \
  "Family and friends|Time" ] || fail "the options chosen were not stored in option order"
perm=$(stat -c %a "$data/responses.db")
[ "$perm" = 600 ] || fail "database is readable by others ($perm)"
echo "journey: ok"
