/* Tests of paging through a long list: which entries a page holds, turning pages at either
 * end, and the page kept when the list shrinks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/pager.h"

/* A page shown (first, per_page) of a list of count entries; what it holds and where each turn
 * and a fit to count lead. */
static const struct {
	size_t first, per_page, count;
	size_t end;
	bool earlier, later;
	size_t after_earlier, after_later, after_fit;
} pages[] = {
	{0, 8, 0, 0, false, false, 0, 0, 0},       /* an empty list: one empty page */
	{0, 8, 5, 5, false, false, 0, 0, 0},       /* shorter than a page */
	{0, 8, 8, 8, false, false, 0, 0, 0},       /* exactly one page */
	{0, 8, 9, 8, false, true, 0, 8, 0},        /* one more: a second page */
	{8, 8, 9, 9, true, false, 0, 8, 8},        /* the second holds the last alone */
	{8, 8, 30, 16, true, true, 0, 16, 8},
	{24, 8, 30, 30, true, false, 16, 24, 24},  /* the last page, partly full */
	{24, 8, 20, 20, true, false, 16, 24, 16},  /* the list shrank under it: to the last page */
	{16, 8, 16, 16, true, false, 8, 16, 8},    /* shrank to just before it */
	{8, 8, 0, 0, true, false, 0, 8, 0},        /* shrank to nothing */
	{3, 8, 30, 11, true, true, 0, 11, 3},      /* not on a page boundary: Earlier goes to 0 */
	{0, 1, 3, 1, false, true, 0, 1, 0},        /* one a page */
	{2, 1, 3, 3, true, false, 1, 2, 2},
};

static void test_pages(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		const struct pager at = {.first = pages[i].first, .per_page = pages[i].per_page};
		struct pager pg = at;

		assert_int_equal(pager_end(&pg, pages[i].count), pages[i].end);
		assert_int_equal(pager_has_earlier(&pg), pages[i].earlier);
		assert_int_equal(pager_has_later(&pg, pages[i].count), pages[i].later);
		pager_earlier(&pg);
		assert_int_equal(pg.first, pages[i].after_earlier);
		pg = at;
		pager_later(&pg, pages[i].count);
		assert_int_equal(pg.first, pages[i].after_later);
		pg = at;
		pager_fit(&pg, pages[i].count);
		assert_int_equal(pg.first, pages[i].after_fit);
		assert_int_equal(pg.per_page, at.per_page);
	}
}

/* A button's place on the page to the list's index: only the entries the page holds. */
static void test_entries(void **state)
{
	const struct pager pg = {.first = 8, .per_page = 8};
	size_t index = 99;

	(void)state;
	assert_true(pager_entry(&pg, 30, 0, &index));
	assert_int_equal(index, 8);
	assert_true(pager_entry(&pg, 30, 7, &index));
	assert_int_equal(index, 15);
	assert_false(pager_entry(&pg, 30, 8, &index));  /* past the page: the next page's */
	assert_true(pager_entry(&pg, 10, 1, &index));
	assert_int_equal(index, 9);
	assert_false(pager_entry(&pg, 10, 2, &index));  /* past the list's end */
	assert_false(pager_entry(&pg, 5, 0, &index));   /* the list shrank under the page */
	assert_int_equal(index, 9);                     /* untouched when false */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_entries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
