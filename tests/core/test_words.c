/* Counts in words: the plural and the verb agree with the number, as a reader expects. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/words.h"

static const struct {
	long long n;
	int zero_as_no;
	const char *want;
} count_cases[] = {
	{0, 0, "0 answers"},
	{0, 1, "no answers"},
	{1, 0, "1 answer"},
	{1, 1, "1 answer"},
	{2, 0, "2 answers"},
	{999, 0, "999 answers"},
	{1000, 0, "1000 answers"},
	{12345, 0, "12,345 answers"},
	{100000, 0, "100,000 answers"},
	{1234567, 0, "1,234,567 answers"},
	{-1, 0, "-1 answers"},
};

static void test_counts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof count_cases / sizeof count_cases[0]; i++) {
		char out[64];
		words_count(out, sizeof out, count_cases[i].n, "answer", "answers",
			    count_cases[i].zero_as_no);
		assert_string_equal(out, count_cases[i].want);
	}
}

static void test_verb_agrees(void **state)
{
	(void)state;
	assert_string_equal(words_verb(1, "was", "were"), "was");
	assert_string_equal(words_verb(0, "was", "were"), "were");
	assert_string_equal(words_verb(2, "was", "were"), "were");
}

static void test_small_buffer_is_cut_not_overflowed(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'x', sizeof out);
	words_count(out, 6, 12345, "session", "sessions", 0);
	assert_string_equal(out, "12,34");
	assert_int_equal(out[7], 'x');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_verb_agrees),
		cmocka_unit_test(test_small_buffer_is_cut_not_overflowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
