/* Tests for the progress bar's mapping: a click on the bar means the time under the pointer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/seekbar.h"

struct time_case {
	const char *what;
	int x, bar_x, bar_w;
	int64_t length, want;
};

static const struct time_case time_cases[] = {
	{ "the left edge is the start", 100, 100, 1000, 180000, 0 },
	{ "a quarter of the way along", 350, 100, 1000, 180000, 45000 },
	{ "the middle", 600, 100, 1000, 180000, 90000 },
	{ "ninety per cent", 1000, 100, 1000, 180000, 162000 },
	{ "the right edge is the end", 1100, 100, 1000, 180000, 180000 },
	{ "left of the bar (a finger's slop) is the start", 60, 100, 1000, 180000, 0 },
	{ "right of the bar is the end", 1150, 100, 1000, 180000, 180000 },
	{ "rounded to the nearest ms", 101, 100, 3, 1000, 333 },
	{ "a 3 s clip on a 1176-pixel bar", 346, 52, 1176, 3000, 750 },
	{ "no length yet: the start", 600, 100, 1000, 0, 0 },
	{ "a bar with no width: the start", 600, 100, 0, 180000, 0 },
	{ "a damaged file's absurd length does not overflow", 600, 100, 1000, INT64_MAX / 2,
	  INT64_MAX / 4 },
};

static void test_time_at(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof time_cases / sizeof time_cases[0]; i++) {
		const struct time_case *c = &time_cases[i];
		int64_t got = seekbar_time_at(c->x, c->bar_x, c->bar_w, c->length);
		int64_t tolerance = c->length > 1000000000 ? c->length / 1000000 : 0;

		if (got < c->want - tolerance || got > c->want + tolerance)
			fail_msg("%s: %lld ms, expected %lld", c->what, (long long)got,
				 (long long)c->want);
	}
}

struct fill_case {
	const char *what;
	int64_t time;
	int bar_w;
	int64_t length;
	int want;
};

static const struct fill_case fill_cases[] = {
	{ "nothing played", 0, 1000, 180000, 0 },
	{ "half played", 90000, 1000, 180000, 500 },
	{ "played to the end", 180000, 1000, 180000, 1000 },
	{ "a time past the end (the clock ran on) stays on the bar", 200000, 1000, 180000, 1000 },
	{ "a negative time stays on the bar", -5, 1000, 180000, 0 },
	{ "no length yet", 5000, 1000, 0, 0 },
};

static void test_fill(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fill_cases / sizeof fill_cases[0]; i++) {
		const struct fill_case *c = &fill_cases[i];
		int got = seekbar_fill(c->time, c->bar_w, c->length);

		if (got != c->want)
			fail_msg("%s: %d px, expected %d", c->what, got, c->want);
	}
}

/* Where a time is drawn and where a click lands agree: clicking the end of the played part
 * seeks to (within one pixel's worth of) the time played. */
static void test_round_trip(void **state)
{
	(void)state;
	for (int64_t t = 0; t <= 180000; t += 1234) {
		int x = 40 + seekbar_fill(t, 1700, 180000);
		int64_t back = seekbar_time_at(x, 40, 1700, 180000);

		if (back > t || t - back > 180000 / 1700 + 1)
			fail_msg("%lld ms is drawn at x %d, which seeks to %lld ms", (long long)t,
				 x, (long long)back);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_at),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
