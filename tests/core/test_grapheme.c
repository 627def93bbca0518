/* Grapheme cluster boundaries: every byte offset of each sample text is checked against the
 * clusters a reader sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/grapheme.h"

/* A text and the byte offsets of its cluster boundaries (0 and the length included, -1 ends
 * the list). */
struct case_ {
	const char *name;
	const char *text;
	int bounds[16];
};

static const struct case_ cases[] = {
	{"empty", "", {0, -1}},
	{"ascii", "abc", {0, 1, 2, 3, -1}},
	{"precomposed accent", "caf\xC3\xA9", {0, 1, 2, 3, 5, -1}},
	{"combining acute", "e\xCC\x81x", {0, 3, 4, -1}},
	{"two combining marks", "a\xCC\x88\xCC\x81" "b", {0, 5, 6, -1}},
	{"combining extended 1AB0", "a\xE1\xAA\xB0" "b", {0, 4, 5, -1}},
	{"combining supplement 1DC0", "a\xE1\xB7\x80", {0, 4, -1}},
	{"enclosing circle 20DD", "a\xE2\x83\x9D", {0, 4, -1}},
	{"half mark FE20", "a\xEF\xB8\xA0", {0, 4, -1}},
	{"keycap", "1\xEF\xB8\x8F\xE2\x83\xA3" "2", {0, 7, 8, -1}},
	{"variation selector 16", "\xE2\x9D\xA4\xEF\xB8\x8F!", {0, 6, 7, -1}},
	{"ideographic variation selector", "\xE8\x91\x9B\xF3\xA0\x84\x80" "a", {0, 7, 8, -1}},
	{"CR LF", "a\r\nb", {0, 1, 3, 4, -1}},
	{"LF CR", "\n\r", {0, 1, 2, -1}},
	{"mark after newline stands alone", "\n\xCC\x81", {0, 1, 3, -1}},
	{"control then mark", "a\x07\xCC\x81", {0, 1, 2, 4, -1}},
	{"skin tone", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "a", {0, 8, 9, -1}},
	{"ZWJ family",
	 "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D"
	 "\xF0\x9F\x91\xA6" "x", {0, 25, 26, -1}},
	{"ZWJ with skin tone",
	 "\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB", {0, 15, -1}},
	{"ZWJ between letters does not join", "a\xE2\x80\x8D" "b", {0, 4, 5, -1}},
	{"two flags",
	 "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA", {0, 8, 16, -1}},
	{"three regional indicators",
	 "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9", {0, 8, 12, -1}},
	{"tag flag (England)",
	 "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xA5\xF3\xA0\x81\xAE"
	 "\xF3\xA0\x81\xA7\xF3\xA0\x81\xBF", {0, 28, -1}},
	{"Arabic with harakat",
	 "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90", {0, 4, 8, 12, -1}},
	{"Arabic superscript alef", "\xD9\x84\xD9\xB0" "a", {0, 4, 5, -1}},
	{"Arabic number sign prepends", "\xD8\x80\xD9\xA1" "a", {0, 4, 5, -1}},
	{"Hebrew with niqqud",
	 "\xD7\xA9\xD6\xB8\xD7\x81\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D", {0, 6, 8, 12, 14, -1}},
	{"Devanagari vowel signs and virama",
	 "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87",
	 {0, 3, 6, 12, 18, -1}},
	{"Hangul jamo", "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8" "a", {0, 9, 10, -1}},
	{"Hangul syllables", "\xED\x95\x9C\xEA\xB5\xAD", {0, 3, 6, -1}},
	{"CJK", "\xE4\xBD\xA0\xE5\xA5\xBD", {0, 3, 6, -1}},
	{"halfwidth katakana voiced", "\xEF\xBD\xB6\xEF\xBE\x9E", {0, 6, -1}},
	{"malformed byte", "a\xFF" "b", {0, 1, 2, 3, -1}},
	{"truncated sequence", "\xE2\x82", {0, 1, 2, -1}},
	{"stray continuation after a character", "\xC3\xA9\xA9", {0, 2, 3, -1}},
	{"malformed byte then mark", "\xFF\xCC\x81", {0, 3, -1}},
};

static bool listed(const struct case_ *c, size_t offset)
{
	for (const int *b = c->bounds; *b >= 0; b++)
		if ((size_t)*b == offset)
			return true;
	return false;
}

static void test_boundaries(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct case_ *c = &cases[i];
		const char *s = c->text;
		size_t len = strlen(s);
		print_message("case: %s\n", c->name);

		for (size_t off = 0; off <= len; off++)
			assert_int_equal(grapheme_is_boundary(s, len, off), listed(c, off));

		size_t at = 0;
		for (const int *b = c->bounds + 1; *b >= 0; b++) {
			at = grapheme_next(s, len, at);
			assert_int_equal(at, *b);
		}
		assert_int_equal(grapheme_next(s, len, len), len);

		const int *last = c->bounds;
		while (last[1] >= 0)
			last++;
		at = len;
		for (const int *b = last - 1; b >= c->bounds; b--) {
			at = grapheme_prev(s, len, at);
			assert_int_equal(at, *b);
		}
		assert_int_equal(grapheme_prev(s, len, 0), 0);
	}
}

/* From any offset, even inside a UTF-8 sequence, the neighbouring boundaries are found. */
static void test_from_any_offset(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct case_ *c = &cases[i];
		size_t len = strlen(c->text);
		for (size_t off = 0; off <= len; off++) {
			size_t floor = 0, next = len, prev = 0;
			for (const int *b = c->bounds; *b >= 0; b++) {
				if ((size_t)*b <= off)
					floor = *b;
				if ((size_t)*b < off)
					prev = *b;
				if ((size_t)*b > off && (size_t)*b < next)
					next = *b;
			}
			assert_int_equal(grapheme_floor(c->text, len, off), floor);
			assert_int_equal(grapheme_prev(c->text, len, off), prev);
			assert_int_equal(grapheme_next(c->text, len, off), next);
		}
		assert_int_equal(grapheme_floor(c->text, len, len + 5), len);
	}
}

static void test_decode(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(grapheme_decode("\xC3\xA9", 2, 0, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(grapheme_decode("\xFF", 1, 0, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(grapheme_decode("\xE2\x82", 2, 0, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

/* Flags pair up from the start of a run of regional indicators; past 64 flags in a row each
 * indicator stands alone, which keeps pasted walls of them from costing quadratic time. */
static void test_long_regional_run(void **state)
{
	(void)state;
	enum { RUN = 300 };
	char s[RUN * 4 + 1];
	for (size_t i = 0; i < RUN; i++)
		memcpy(s + 4 * i, "\xF0\x9F\x87\xAB", 4);
	s[RUN * 4] = '\0';
	size_t len = RUN * 4, at = 0;
	for (size_t i = 0; i < 64; i++) {
		at = grapheme_next(s, len, at);
		assert_int_equal(at, 8 * (i + 1));
	}
	for (size_t i = 128; i < RUN; i++) {
		at = grapheme_next(s, len, at);
		assert_int_equal(at, 4 * (i + 1));
		assert_int_equal(grapheme_prev(s, len, at), 4 * i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_from_any_offset),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_long_regional_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
