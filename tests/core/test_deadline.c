/* Tests for deadlines: the earliest of two, where "none" gives way, and the wait until one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/deadline.h"

struct earliest_case {
	const char *what;
	int64_t a, b, want;
};

static const struct earliest_case earliest_cases[] = {
	{ "both none: none", -1, -1, -1 },
	{ "none gives way to a deadline (first)", -1, 500, 500 },
	{ "none gives way to a deadline (second)", 500, -1, 500 },
	{ "the earlier of two", 700, 300, 300 },
	{ "the earlier of two, either order", 300, 700, 300 },
	{ "equal deadlines", 400, 400, 400 },
	{ "time zero is a deadline, not none", 0, 900, 0 },
	{ "time zero beside none", -1, 0, 0 },
	{ "any negative value is none", -5, 800, 800 },
	{ "two negative values are none", -7, -2, -1 },
	{ "far future", INT64_MAX, 10, 10 },
};

static void test_earliest(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof earliest_cases / sizeof earliest_cases[0]; i++) {
		const struct earliest_case *c = &earliest_cases[i];
		int64_t got = deadline_earliest(c->a, c->b);

		if (got != c->want)
			fail_msg("%s: earliest(%lld, %lld) = %lld, want %lld", c->what,
				 (long long)c->a, (long long)c->b, (long long)got, (long long)c->want);
	}
}

struct wait_case {
	const char *what;
	int64_t due, now;
	int want;
};

static const struct wait_case wait_cases[] = {
	{ "none: wait without limit", -1, 1000, -1 },
	{ "due later", 1500, 1000, 500 },
	{ "due now", 1000, 1000, 0 },
	{ "overdue: at once", 900, 1000, 0 },
	{ "due at time zero, now later: at once", 0, 1000, 0 },
	{ "very far: capped", INT64_MAX, 0, INT32_MAX },
};

static void test_wait(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof wait_cases / sizeof wait_cases[0]; i++) {
		const struct wait_case *c = &wait_cases[i];
		int got = deadline_wait_ms(c->due, c->now);

		if (got != c->want)
			fail_msg("%s: wait(%lld, %lld) = %d, want %d", c->what, (long long)c->due,
				 (long long)c->now, got, c->want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_earliest),
		cmocka_unit_test(test_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
