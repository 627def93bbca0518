/* Tests of session names: the default name from the time and the scenario's title (cut
 * between characters to the limit), and a typed name made tidy. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/session_naming.h"
#include "core/utf8.h"

/* Saturday 5 December 2026, 14:05:09 UTC. */
#define AT 1796479509000LL

static int utc(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void test_default_names(void **state)
{
	static const struct {
		int64_t ms;
		const char *title;
		size_t max_chars, size;
		const char *want;
	} cases[] = {
		{AT, "Harm and repair", 100, 128, "Sat 5 Dec, 14:05 \xc2\xb7 Harm and repair"},
		{AT, NULL, 100, 128, "Sat 5 Dec, 14:05"},
		{AT, "", 100, 128, "Sat 5 Dec, 14:05"},
		{0, "Epoch", 100, 128, "Thu 1 Jan, 00:00 \xc2\xb7 Epoch"},
		/* cut to 25 characters: 19 of date and separator, 6 of the title */
		{AT, "Harm and repair", 25, 128, "Sat 5 Dec, 14:05 \xc2\xb7 Harm a"},
		/* the cut falls after a space: no space left at the end */
		{AT, "Harm and repair", 24, 128, "Sat 5 Dec, 14:05 \xc2\xb7 Harm"},
		/* never half a character: by characters, then by bytes */
		{AT, "\xc3\xa9t\xc3\xa9", 21, 128, "Sat 5 Dec, 14:05 \xc2\xb7 \xc3\xa9t"},
		{AT, "\xc3\xa9t\xc3\xa9", 100, 23, "Sat 5 Dec, 14:05 \xc2\xb7 \xc3\xa9"},
		/* no room for the title at all */
		{AT, "Harm", 19, 128, "Sat 5 Dec, 14:05"},
		{AT, "Harm", 100, 10, "Sat 5 Dec"},
		{AT, "Harm", 100, 21, "Sat 5 Dec, 14:05"},
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(out, 'x', sizeof out);
		session_naming_default(out, cases[i].size, cases[i].ms, cases[i].title,
				       cases[i].max_chars);
		if (strcmp(out, cases[i].want))
			fail_msg("case %zu: \"%s\", want \"%s\"", i, out, cases[i].want);
		assert_true(utf8_valid(out, strlen(out), NULL));
		assert_true(utf8_count(out, strlen(out)) <= cases[i].max_chars);
	}
}

static void test_tidy_names(void **state)
{
	static const struct {
		const char *typed;
		size_t size;
		const char *want; /* NULL: refused */
	} cases[] = {
		{"Intake 24-07, group B", 64, "Intake 24-07, group B"},
		{"  Group  B \t", 64, "Group  B"},
		{"", 64, NULL},
		{"   ", 64, NULL},
		{NULL, 64, NULL},
		{"Group B", 8, "Group B"},
		{"Group B", 7, NULL},
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool ok = session_naming_tidy(cases[i].typed, out, cases[i].size);

		if (ok != (cases[i].want != NULL))
			fail_msg("case %zu: %s", i, ok ? "accepted" : "refused");
		if (ok)
			assert_string_equal(out, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_default_names, utc),
		cmocka_unit_test_setup(test_tidy_names, utc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
