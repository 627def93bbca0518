/* Tests for the log limit: a failure repeated hundreds of times a second leaves a line a
 * minute in the journal, not megabytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "core/log_limit.h"

#define START_MS 1000

/* What libvlc printed without a sound card, 345 times a second for ten minutes. */
static void test_repeated_line_once_a_minute(void **state)
{
	(void)state;
	struct log_limit limit;
	unsigned passed = 0, held = 0, second_held = 0;

	log_limit_init(&limit);
	for (int64_t t = START_MS; t < START_MS + 600000; t += 3)
		if (log_limit_pass(&limit, "audio output failed", t, &held) && ++passed == 2)
			second_held = held;
	assert_int_equal(passed, 10);
	/* The line a minute later says how many were held back before it: a minute's worth. */
	assert_int_equal(second_held, LOG_LIMIT_PERIOD_MS / 3 - 1);
}

static void test_distinct_lines_each_once(void **state)
{
	(void)state;
	struct log_limit limit;
	const char *lines[] = { "first", "second", "third" };
	unsigned passed[3] = { 0 };

	log_limit_init(&limit);
	/* Three different failures taking turns for five minutes: each once a minute. */
	for (int64_t t = START_MS, i = 0; t < START_MS + 300000; t += 10, i++)
		passed[i % 3] += log_limit_pass(&limit, lines[i % 3], t, NULL);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(passed[i], 5);
}

static void test_many_distinct_lines_capped(void **state)
{
	(void)state;
	struct log_limit limit;
	char line[32];
	unsigned passed = 0, held = 0;

	log_limit_init(&limit);
	/* Lines that all differ (a changing number in them) still stop at the cap. */
	for (int i = 0; i < 1000; i++) {
		snprintf(line, sizeof line, "late by %d ms", i);
		passed += log_limit_pass(&limit, line, START_MS + i, NULL);
	}
	assert_int_equal(passed, LOG_LIMIT_PER_PERIOD);
	/* A minute later a line goes through again and tells how many were held back. */
	assert_true(log_limit_pass(&limit, "later", START_MS + LOG_LIMIT_PERIOD_MS + 1000, &held));
	assert_int_equal(held, 1000 - LOG_LIMIT_PER_PERIOD);
}

static void test_new_line_after_repeats_passes(void **state)
{
	(void)state;
	struct log_limit limit;
	unsigned held = 99;

	log_limit_init(&limit);
	assert_true(log_limit_pass(&limit, "a", START_MS, &held));
	assert_int_equal(held, 0);
	assert_false(log_limit_pass(&limit, "a", START_MS + 1, &held));
	assert_false(log_limit_pass(&limit, "a", START_MS + 2, &held));
	/* A different message is not held back by the repeats of another. */
	assert_true(log_limit_pass(&limit, "b", START_MS + 3, &held));
	assert_int_equal(held, 2);
	assert_false(log_limit_pass(&limit, "a", START_MS + LOG_LIMIT_PERIOD_MS - 1, NULL));
	assert_true(log_limit_pass(&limit, "a", START_MS + LOG_LIMIT_PERIOD_MS, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repeated_line_once_a_minute),
		cmocka_unit_test(test_distinct_lines_each_once),
		cmocka_unit_test(test_many_distinct_lines_capped),
		cmocka_unit_test(test_new_line_after_repeats_passes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
