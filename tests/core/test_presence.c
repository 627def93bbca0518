/* Tests for the facilitator's presence: the PIN starts it, actions keep it, Lock and time end
 * it, and a span of 0 never lets the menu open without the PIN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/deadline.h"
#include "core/presence.h"

#define MIN 60000

/* One step of a story: at `at`, do `what`, then expect present or not and the time left. */
enum act { NOTHING, PIN, TOUCH, LOCK, SPAN };
struct step {
	int64_t at;
	enum act what;
	int64_t span;   /* for SPAN */
	int present;
	int64_t left;
};

struct story {
	const char *name;
	int64_t span;
	struct step steps[8];
};

static const struct story stories[] = {
	{"off: the PIN never makes the facilitator present", 0, {
		{0, PIN, 0, 0, 0}, {1, NOTHING, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"not present before the PIN, whatever is touched", 10 * MIN, {
		{0, NOTHING, 0, 0, 0}, {5, TOUCH, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"present for the span after the PIN, then not", 10 * MIN, {
		{1000, PIN, 0, 1, 10 * MIN}, {1000 + 10 * MIN - 1, NOTHING, 0, 1, 1},
		{1000 + 10 * MIN, NOTHING, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"each action starts the span again", 2 * MIN, {
		{0, PIN, 0, 1, 2 * MIN}, {MIN, TOUCH, 0, 1, 2 * MIN},
		{3 * MIN - 1, NOTHING, 0, 1, 1}, {3 * MIN, NOTHING, 0, 0, 0},
		{3 * MIN + 1, TOUCH, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"Lock ends it at once", 10 * MIN, {
		{0, PIN, 0, 1, 10 * MIN}, {5, LOCK, 0, 0, 0}, {6, TOUCH, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"a shorter span counts from the change", 10 * MIN, {
		{0, PIN, 0, 1, 10 * MIN}, {MIN, SPAN, 2 * MIN, 1, 2 * MIN},
		{3 * MIN, NOTHING, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"turning it off while present ends it", 10 * MIN, {
		{0, PIN, 0, 1, 10 * MIN}, {MIN, SPAN, 0, 0, 0}, {MIN + 1, PIN, 0, 0, 0}, {-1, NOTHING, 0, 0, 0}}},
	{"turning it on does not make anyone present", 0, {
		{0, SPAN, 5 * MIN, 0, 0}, {1, PIN, 0, 1, 5 * MIN}, {-1, NOTHING, 0, 0, 0}}},
};

static void test_stories(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof stories / sizeof stories[0]; i++) {
		const struct story *s = &stories[i];
		struct presence p;

		presence_init(&p, s->span);
		for (const struct step *t = s->steps; t->at >= 0; t++) {
			switch (t->what) {
			case PIN: presence_start(&p, t->at); break;
			case TOUCH: presence_touch(&p, t->at); break;
			case LOCK: presence_lock(&p); break;
			case SPAN: presence_set_span(&p, t->span, t->at); break;
			case NOTHING: break;
			}
			if (presence_active(&p, t->at) != (t->present != 0) ||
			    presence_left_ms(&p, t->at) != t->left)
				fail_msg("%s: at %lld present %d left %lld, want %d and %lld", s->name,
					 (long long)t->at, presence_active(&p, t->at),
					 (long long)presence_left_ms(&p, t->at), t->present,
					 (long long)t->left);
		}
	}
}

/* The loop sleeps until presence runs out, and not at all for it when nobody is present. */
static void test_deadline(void **state)
{
	struct presence p;

	(void)state;
	presence_init(&p, 5 * MIN);
	assert_int_equal(presence_deadline(&p, 0), DEADLINE_NONE);
	presence_start(&p, 100);
	assert_int_equal(presence_deadline(&p, 200), 100 + 5 * MIN);
	assert_int_equal(deadline_wait_ms(presence_deadline(&p, 200), 200), 5 * MIN - 100);
	assert_int_equal(presence_deadline(&p, 100 + 5 * MIN), DEADLINE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stories),
		cmocka_unit_test(test_deadline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
