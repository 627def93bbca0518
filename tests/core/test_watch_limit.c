/* Tests for the skip-ahead rule: a trainee cannot move past the furthest point watched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/watch_limit.h"

struct step {
	int64_t shown, clock; /* an observation; shown < 0 ends the list */
};

struct watch_case {
	const char *what;
	struct step steps[12];
	int64_t furthest;
};

static const struct watch_case cases[] = {
	{ "playing from the start grows the watched part",
	  { { 0, 1000 }, { 500, 1500 }, { 1000, 2000 }, { 4000, 5000 }, { -1, 0 } }, 4000 },
	{ "a seek far ahead does not count as watched",
	  { { 0, 0 }, { 2000, 2000 }, { 60000, 2100 }, { 60500, 2600 }, { -1, 0 } }, 2000 },
	{ "starting in the middle does not count",
	  { { 30000, 0 }, { 31000, 1000 }, { -1, 0 } }, 0 },
	{ "going back and playing again keeps the furthest point",
	  { { 0, 0 }, { 5000, 5000 }, { 1000, 5100 }, { 3000, 7100 }, { -1, 0 } }, 5000 },
	{ "playing on from behind the furthest point extends it",
	  { { 0, 0 }, { 5000, 5000 }, { 4000, 5100 }, { 6000, 7100 }, { -1, 0 } }, 6000 },
	{ "a stalled main loop catches up with the clock",
	  { { 0, 0 }, { 1000, 1000 }, { 9000, 9000 }, { -1, 0 } }, 9000 },
	{ "time running faster than the clock is refused",
	  { { 0, 0 }, { 1000, 1000 }, { 20000, 2000 }, { -1, 0 } }, 1000 },
	{ "a clock going backwards never grows the part",
	  { { 0, 5000 }, { 3000, 4000 }, { -1, 0 } }, 0 },
};

static void test_observations(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct watch_limit w;
		watch_limit_init(&w, false);
		for (const struct step *s = cases[i].steps; s->shown >= 0; s++)
			watch_limit_observe(&w, s->shown, s->clock);
		if (w.furthest_ms != cases[i].furthest)
			fail_msg("%s: furthest %lld, expected %lld", cases[i].what,
				 (long long)w.furthest_ms, (long long)cases[i].furthest);
	}
}

static void test_seeks_refused_past_watched(void **state)
{
	struct watch_limit w;
	watch_limit_init(&w, false);
	for (int64_t t = 0; t <= 20000; t += 40)
		watch_limit_observe(&w, t, 1000 + t);
	assert_true(watch_limit_allows(&w, 0));     /* restart */
	assert_true(watch_limit_allows(&w, 10000)); /* back 10 s */
	assert_true(watch_limit_allows(&w, 20000));
	assert_false(watch_limit_allows(&w, 30000));
	assert_int_equal(watch_limit_clamp(&w, 30000), 20000);
	assert_int_equal(watch_limit_clamp(&w, -10000), 0);
	assert_int_equal(watch_limit_clamp(&w, 12000), 12000);
}

static void test_skip_ahead_allows_everything(void **state)
{
	struct watch_limit w;
	watch_limit_init(&w, true);
	assert_true(watch_limit_allows(&w, 600000));
	assert_int_equal(watch_limit_clamp(&w, 600000), 600000);
}

static void test_finished_video_is_all_watched(void **state)
{
	struct watch_limit w;
	watch_limit_init(&w, false);
	watch_limit_observe(&w, 0, 0);
	watch_limit_finish(&w, 90000);
	assert_true(watch_limit_allows(&w, 90000));
	watch_limit_finish(&w, 1000); /* never shrinks */
	assert_int_equal(w.furthest_ms, 90000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_observations),
		cmocka_unit_test(test_seeks_refused_past_watched),
		cmocka_unit_test(test_skip_ahead_allows_everything),
		cmocka_unit_test(test_finished_video_is_all_watched),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
