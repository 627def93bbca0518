/* The debrief's numbers: counts and shares per bar, the median, the anonymity rule, the wall's
 * order, and the word view's counts with the stop words left out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/debrief.h"
#include "core/store.h"
#include "core/wordfreq.h"

static struct debrief_question scale_question(int min, int max)
{
	struct debrief_question q = {.kind = STEP_SCALE};

	q.bar_count = (size_t)(max - min + 1);
	q.bars = calloc(q.bar_count, sizeof *q.bars);
	for (size_t i = 0; i < q.bar_count; i++) {
		q.bars[i].value = min + (int)i;
		q.bars[i].label = strdup("x");
	}
	return q;
}

static void add_scale(struct debrief_question *q, int64_t who, int value)
{
	struct stored_response r = {.status = RESPONSE_ANSWERED, .has_scale = true, .scale = value};

	debrief_add_response(q, who, 7, &r);
}

/* Each case: the values answered, the median expected. */
static const struct {
	int values[8];
	size_t n;
	double median;
} median_cases[] = {
	{{3}, 1, 3},
	{{1, 5}, 2, 3},
	{{2, 4, 4, 5}, 4, 4},
	{{1, 1, 2, 5}, 4, 1.5},
	{{5, 1, 3}, 3, 3},
	{{0, 10, 10, 10, 0}, 5, 10},
};

static void test_median(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof median_cases / sizeof median_cases[0]; c++) {
		struct debrief_question q = scale_question(0, 10);

		for (size_t i = 0; i < median_cases[c].n; i++)
			add_scale(&q, (int64_t)i, median_cases[c].values[i]);
		debrief_finish(&q);
		assert_true(q.has_median);
		assert_true(q.median == median_cases[c].median);
		assert_int_equal(q.answered, median_cases[c].n);
		debrief_question_release(&q);
	}
}

static void test_counts_and_shares(void **state)
{
	struct debrief_question q = scale_question(1, 5);
	struct stored_response pass = {.status = RESPONSE_PASSED};
	struct stored_response draft = {.status = RESPONSE_DRAFT, .has_scale = true, .scale = 1};

	(void)state;
	add_scale(&q, 1, 4);
	add_scale(&q, 2, 4);
	add_scale(&q, 3, 2);
	debrief_add_response(&q, 4, 7, &pass);
	debrief_add_response(&q, 5, 7, &draft);
	debrief_finish(&q);
	assert_int_equal(q.answered, 3);
	assert_int_equal(q.passed, 1);
	assert_int_equal(q.bars[0].count, 0); /* the draft is not counted */
	assert_int_equal(q.bars[3].count, 2);
	assert_int_equal(debrief_share(&q, &q.bars[3]), 67);
	assert_int_equal(debrief_share(&q, &q.bars[1]), 33);
	assert_int_equal(debrief_max_count(&q), 2);
	debrief_question_release(&q);
}

static void test_multiple_choice_shares(void **state)
{
	struct debrief_question q = {.kind = STEP_CHOICE, .multiple = true, .bar_count = 2};
	char *both[] = {"Time", "Family"}, *one[] = {"Time"};
	struct stored_response a = {.status = RESPONSE_ANSWERED, .choices = both, .choice_count = 2};
	struct stored_response b = {.status = RESPONSE_ANSWERED, .choices = one, .choice_count = 1};

	(void)state;
	q.bars = calloc(2, sizeof *q.bars);
	q.bars[0].label = strdup("Family");
	q.bars[1].label = strdup("Time");
	debrief_add_response(&q, 1, 7, &a);
	debrief_add_response(&q, 2, 7, &b);
	debrief_finish(&q);
	/* Shares are of the people who answered: 50% and 100%, more than 100% in all. */
	assert_int_equal(debrief_share(&q, &q.bars[0]), 50);
	assert_int_equal(debrief_share(&q, &q.bars[1]), 100);
	debrief_question_release(&q);
}

static void add_text(struct debrief_question *q, int64_t who, const char *text)
{
	struct stored_response r = {.status = RESPONSE_ANSWERED, .text = (char *)text};

	debrief_add_response(q, who, 99, &r);
}

static void test_anonymity_and_moderation(void **state)
{
	struct debrief_question q = {.kind = STEP_TEXT};
	const char *texts[4];

	(void)state;
	add_text(&q, 1, "one");
	add_text(&q, 2, "two");
	assert_false(debrief_shown(&q, 3));
	add_text(&q, 3, "three");
	debrief_finish(&q);
	assert_true(debrief_shown(&q, 3));
	/* Hiding one answer takes the question below the rule again, and out of the wall. */
	for (size_t i = 0; i < q.answer_count; i++)
		q.answers[i].hidden = !strcmp(q.answers[i].text, "two");
	assert_false(debrief_shown(&q, 3));
	assert_true(debrief_shown(&q, 2));
	assert_int_equal(debrief_shown_texts(&q, texts, 4), 2);
	assert_true(strcmp(texts[0], "two") && strcmp(texts[1], "two"));
	debrief_question_release(&q);
}

static void test_wall_order_is_not_arrival_order(void **state)
{
	struct debrief_question q = {.kind = STEP_TEXT}, again = {.kind = STEP_TEXT};
	char text[16];
	bool same_as_arrival = true;

	(void)state;
	for (int i = 0; i < 20; i++) {
		snprintf(text, sizeof text, "answer %02d", i);
		add_text(&q, i + 1, text);
		add_text(&again, 20 - i, ""); /* empty texts are no answers */
	}
	debrief_finish(&q);
	assert_int_equal(again.answer_count, 0);
	for (int i = 0; i < 20; i++) {
		snprintf(text, sizeof text, "answer %02d", i);
		same_as_arrival &= !strcmp(q.answers[i].text, text);
	}
	assert_false(same_as_arrival);
	/* Steady: the same people give the same order when loaded again. */
	struct debrief_question r = {.kind = STEP_TEXT};
	for (int i = 19; i >= 0; i--) {
		snprintf(text, sizeof text, "answer %02d", i);
		add_text(&r, i + 1, text);
	}
	debrief_finish(&r);
	for (int i = 0; i < 20; i++)
		assert_string_equal(q.answers[i].text, r.answers[i].text);
	debrief_question_release(&q);
	debrief_question_release(&r);
	debrief_question_release(&again);
}

static void test_word_counts(void **state)
{
	const char *texts[] = {
		"Listen before judging. LISTEN first!",
		"I don\xe2\x80\x99t know; people can change, people listen",
		"The the the and a",
		"Caf\xc3\xa9 caf\xc3\xa9 well-being",
	};
	struct word_count *w;
	size_t n;

	(void)state;
	wordfreq_count(texts, 4, 50, &w, &n);
	assert_true(n >= 4);
	assert_string_equal(w[0].word, "listen");
	assert_int_equal(w[0].count, 3);
	/* Ties in alphabetical order: café (2) and people (2). */
	assert_string_equal(w[1].word, "caf\xc3\xa9");
	assert_int_equal(w[1].count, 2);
	assert_string_equal(w[2].word, "people");
	for (size_t i = 0; i < n; i++) {
		assert_false(wordfreq_is_stop_word(w[i].word));
		assert_string_not_equal(w[i].word, "don't");
	}
	bool hyphen = false;
	for (size_t i = 0; i < n; i++)
		hyphen |= !strcmp(w[i].word, "well-being");
	assert_true(hyphen);
	wordfreq_free(w, n);
	wordfreq_count(texts, 4, 1, &w, &n);
	assert_int_equal(n, 1);
	wordfreq_free(w, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_counts_and_shares),
		cmocka_unit_test(test_multiple_choice_shares),
		cmocka_unit_test(test_anonymity_and_moderation),
		cmocka_unit_test(test_wall_order_is_not_arrival_order),
		cmocka_unit_test(test_word_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
