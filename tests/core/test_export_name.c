/* One session's export as the facilitator sees it: the session's name, a clearly named file
 * that never replaces an earlier one, and what was written in words that agree. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/export_name.h"

/* 2026-12-05 09:30 UTC. */
#define STARTED 1796463000000LL

static void test_names(void **state)
{
	static const struct {
		const char *label;
		int64_t id, started;
		const char *ending;
		unsigned n;
		const char *session, *file;
	} cases[] = {
		{"Intake 24-07, group B", 7, STARTED, "csv", 1, "Intake 24-07, group B",
		 "rjkiosk-Intake-24-07-group-B-2026-12-05.csv"},
		{"Intake 24-07, group B", 7, STARTED, "json", 2, "Intake 24-07, group B",
		 "rjkiosk-Intake-24-07-group-B-2026-12-05-2.json"},
		{"Intake 24-07, group B", 7, STARTED, "xapi.json", 1, "Intake 24-07, group B",
		 "rjkiosk-Intake-24-07-group-B-2026-12-05.xapi.json"},
		{"Intake 24-07, group B", 7, STARTED, "pdf", 1, "Intake 24-07, group B",
		 "rjkiosk-Intake-24-07-group-B-2026-12-05.pdf"},
		{NULL, 12, STARTED, "csv", 1, "Session 12", "rjkiosk-Session-12-2026-12-05.csv"},
		{"", 3, STARTED, "csv", 1, "Session 3", "rjkiosk-Session-3-2026-12-05.csv"},
		/* nothing safe in the label: the session's number */
		{"«»…", 4, STARTED, "csv", 1, "«»…", "rjkiosk-Session-4-2026-12-05.csv"},
		/* a path, quotes and letters a stick may garble are never in the name */
		{"../../etc/passwd", 5, STARTED, "csv", 1, "../../etc/passwd",
		 "rjkiosk-etc-passwd-2026-12-05.csv"},
		{"Café \"B\"; rm -rf /", 6, STARTED, "csv", 1, "Café \"B\"; rm -rf /",
		 "rjkiosk-Caf-B-rm-rf-2026-12-05.csv"},
		{"  --a  --  b--  ", 8, STARTED, "csv", 1, "  --a  --  b--  ",
		 "rjkiosk-a-b-2026-12-05.csv"},
		/* a long name is cut after its last whole word within 48 characters */
		{"abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij", 9, STARTED, "csv",
		 1, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij",
		 "rjkiosk-abcdefghij-abcdefghij-abcdefghij-abcdefghij-2026-12-05.csv"},
		{"Intake 24-07 group B, second week, afternoon discussion", 11, STARTED, "csv", 1,
		 "Intake 24-07 group B, second week, afternoon discussion",
		 "rjkiosk-Intake-24-07-group-B-second-week-afternoon-2026-12-05.csv"},
		/* a word ending just at 48 is kept whole, with no '-' after it */
		{"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv 123456", 13, STARTED, "csv",
		 1, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv 123456",
		 "rjkiosk-abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv-2026-12-05.csv"},
		/* one word longer than that is cut where the room ends */
		{"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", 14, STARTED, "csv", 1,
		 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
		 "rjkiosk-abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv-2026-12-05.csv"},
		/* a short first word and a very long second: not cut back to one short word */
		{"Group abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", 15, STARTED, "csv",
		 1, "Group abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
		 "rjkiosk-Group-abcdefghijklmnopqrstuvwxyzabcdefghijklmnop-2026-12-05.csv"},
		{NULL, 10, 0, "csv", 1, "Session 10", "rjkiosk-Session-10-undated.csv"},
	};

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct store_session_info s = {.id = cases[i].id, .started = cases[i].started,
					       .label = (char *)cases[i].label};
		char got[EXPORT_NAME_MAX];

		export_name_session(&s, got, sizeof got);
		assert_string_equal(got, cases[i].session);
		export_name_file(&s, cases[i].ending, cases[i].n, got, sizeof got);
		assert_string_equal(got, cases[i].file);
	}
	/* The data exports' endings. */
	assert_string_equal(export_name_ending(EXPORT_CSV), "csv");
	assert_string_equal(export_name_ending(EXPORT_JSON), "json");
	assert_string_equal(export_name_ending(EXPORT_XAPI), "xapi.json");
}

/* A second export of the same session the same day gets "-2", then "-3": none is replaced. */
static void test_pick_never_replaces(void **state)
{
	struct store_session_info s = {.id = 7, .started = STARTED, .label = "Group B"};
	struct rjk_error err = {{0}};
	char dir[64] = "/tmp/rjk-names-XXXXXX", name[EXPORT_NAME_MAX], path[256], cmd[128];

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	assert_non_null(mkdtemp(dir));
	for (int i = 1; i <= 3; i++) {
		char want[EXPORT_NAME_MAX];
		FILE *f;

		assert_true(export_name_pick(dir, &s, "csv", name, sizeof name, &err));
		export_name_file(&s, "csv", (unsigned)i, want, sizeof want);
		assert_string_equal(name, want);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		f = fopen(path, "w");
		assert_non_null(f);
		fclose(f);
	}
	assert_string_equal(name, "rjkiosk-Group-B-2026-12-05-3.csv");
	/* Another format has its own numbering. */
	assert_true(export_name_pick(dir, &s, "json", name, sizeof name, &err));
	assert_string_equal(name, "rjkiosk-Group-B-2026-12-05.json");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* What the facilitator reads after an export: counts and verbs agree. */
static void test_messages(void **state)
{
	static const struct {
		size_t responses, participants;
		const char *want;
	} cases[] = {
		{140, 12, "140 answers from 12 participants were written to \"KINGSTON\" as f.csv."},
		{1, 1, "1 answer from 1 participant was written to \"KINGSTON\" as f.csv."},
		{2, 1, "2 answers from 1 participant were written to \"KINGSTON\" as f.csv."},
		{0, 0, "Nobody has answered yet: the file written to \"KINGSTON\" as f.csv holds no "
		       "answers."},
		{0, 1, "No answers from 1 participant were written to \"KINGSTON\" as f.csv."},
		{12345, 250, "12,345 answers from 250 participants were written to \"KINGSTON\" "
			     "as f.csv."},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct export_summary sum = {.sessions = 1, .responses = cases[i].responses,
					     .participants = cases[i].participants};
		char got[256];

		export_name_message(&sum, "\"KINGSTON\"", "f.csv", got, sizeof got);
		assert_string_equal(got, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_pick_never_replaces),
		cmocka_unit_test(test_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
