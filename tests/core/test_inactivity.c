/* Tests of the inactivity timer on a made-up clock: when the warning comes, how long it lasts
 * (at least 20 s, WCAG 2.2.1), what input does, and the timeout turned off. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/inactivity.h"

static void test_warns_then_expires(void **state)
{
	struct inactivity in;

	(void)state;
	inactivity_init(&in, 60000);
	assert_int_equal(inactivity_state(&in, 0), INACTIVITY_OFF);
	inactivity_watch(&in, true, 1000);
	assert_int_equal(inactivity_state(&in, 60999), INACTIVITY_ACTIVE);
	assert_int_equal(inactivity_deadline(&in, 2000), 61000);
	assert_int_equal(inactivity_state(&in, 61000), INACTIVITY_WARNING);
	assert_int_equal(inactivity_warning_left(&in, 61000), INACTIVITY_WARN_MS);
	assert_true(INACTIVITY_WARN_MS >= 20000);
	assert_int_equal(inactivity_warning_left(&in, 61500), INACTIVITY_WARN_MS - 500);
	/* During the warning the loop wakes for each second of the countdown. */
	assert_int_equal(inactivity_deadline(&in, 61500), 62000);
	assert_int_equal(inactivity_state(&in, 61000 + INACTIVITY_WARN_MS), INACTIVITY_EXPIRED);
	assert_int_equal(inactivity_warning_left(&in, 99999999), 0);
}

static void test_input_starts_the_quiet_time_again(void **state)
{
	struct inactivity in;

	(void)state;
	inactivity_init(&in, 10000);
	inactivity_watch(&in, true, 0);
	assert_int_equal(inactivity_state(&in, 15000), INACTIVITY_WARNING);
	inactivity_touch(&in, 15000);
	assert_int_equal(inactivity_state(&in, 15000), INACTIVITY_ACTIVE);
	assert_int_equal(inactivity_state(&in, 24999), INACTIVITY_ACTIVE);
	/* Watching again (back from the facilitator's menu) counts from then, not before. */
	inactivity_watch(&in, false, 30000);
	assert_int_equal(inactivity_state(&in, 90000), INACTIVITY_OFF);
	assert_int_equal(inactivity_deadline(&in, 90000), -1);
	inactivity_watch(&in, true, 90000);
	assert_int_equal(inactivity_state(&in, 95000), INACTIVITY_ACTIVE);
}

static void test_zero_turns_it_off(void **state)
{
	struct inactivity in;

	(void)state;
	inactivity_init(&in, 0);
	inactivity_watch(&in, true, 0);
	assert_int_equal(inactivity_state(&in, 100000000), INACTIVITY_OFF);
	assert_int_equal(inactivity_deadline(&in, 5), -1);
	inactivity_set_quiet(&in, 5000, 100);
	assert_int_equal(inactivity_state(&in, 5099), INACTIVITY_ACTIVE);
	assert_int_equal(inactivity_state(&in, 5100), INACTIVITY_WARNING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warns_then_expires),
		cmocka_unit_test(test_input_starts_the_quiet_time_again),
		cmocka_unit_test(test_zero_turns_it_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
