/* Soft wrapping of answers and labels: where lines break, and how clicks and the caret map to
 * positions, with a monospace and a proportional stand-in for the UI's font measurer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unictype.h>
#include <unigbrk.h>

#include "core/grapheme.h"
#include "core/textwrap.h"

#define E_COMBINING "e\xCC\x81"
#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" \
	"\xE2\x80\x8D\xF0\x9F\x91\xA6"
#define FR "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"
#define NIHAO "\xE4\xBD\xA0\xE5\xA5\xBD"
#define SHIJIE "\xE4\xB8\x96\xE7\x95\x8C"
#define NIHONGO "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
#define KUTEN "\xE3\x80\x82"
#define MARHABA "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"

static int measure_calls;

/* Monospace: 10 pixels a code point. */
static int mono(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	measure_calls++;
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n * 10;
}

/* Proportional, with zero-width marks and an "fi" ligature, so nothing may assume that widths
 * add up. */
static int proportional(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	measure_calls++;
	int w = 0;
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += grapheme_decode(s, len, i, &cp);
		if (cp == ' ')
			w += 4;
		else if (cp == 'i' || cp == 'l' || cp == '.')
			w += 3;
		else if (cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W')
			w += 12;
		else if (cp < 0x80)
			w += 8;
		else if (uc_graphemeclusterbreak_property(cp) == GBP_EXTEND || cp == 0x200D)
			w += 0;
		else if (uc_is_property_ideographic(cp))
			w += 16;
		else
			w += 10;
		if (prev == 'f' && cp == 'i')
			w -= 2;
		prev = cp;
	}
	return w;
}

/* What every layout guarantees: lines cover the text in order, break only between clusters,
 * fit unless a single cluster is too wide, and report their width. */
static void check_layout(const struct textwrap *wrap, const char *text, size_t len, int max,
			 textwrap_measure_fn measure)
{
	assert_true(wrap->count >= 1);
	assert_int_equal(wrap->lines[0].start, 0);
	assert_int_equal(wrap->lines[wrap->count - 1].next, len);
	for (size_t i = 0; i < wrap->count; i++) {
		const struct textwrap_line *l = &wrap->lines[i];
		assert_true(l->start <= l->end && l->end <= l->next);
		if (i + 1 < wrap->count) {
			assert_int_equal(l->next, wrap->lines[i + 1].start);
			assert_true(l->next > l->start);
		}
		assert_true(grapheme_is_boundary(text, len, l->start));
		assert_true(grapheme_is_boundary(text, len, l->end));
		assert_true(grapheme_is_boundary(text, len, l->next));
		assert_int_equal(l->width, measure(NULL, text + l->start, l->end - l->start));
		assert_true(l->width <= max || l->end == l->start ||
			    grapheme_next(text, len, l->start) == l->end);
		assert_null(memchr(text + l->start, '\n', l->end - l->start));
	}
}

struct wrap_case {
	const char *name;
	const char *text;
	int max_width;
	/* expected lines as start, end, next triples; -1 ends */
	int lines[3 * 8 + 1];
};

static const struct wrap_case mono_cases[] = {
	{"empty text", "", 100, {0, 0, 0, -1}},
	{"fits", "hello world", 200, {0, 11, 11, -1}},
	{"break at space", "hello world", 60, {0, 5, 6, 6, 11, 11, -1}},
	{"break at the exact width", "hello world", 50, {0, 5, 6, 6, 11, 11, -1}},
	{"several words", "aa bb cc dd", 50, {0, 5, 6, 6, 11, 11, -1}},
	{"break spaces hang", "hi   there", 50, {0, 2, 5, 5, 10, 10, -1}},
	{"leading spaces stay", "  ab cd", 50, {0, 4, 5, 5, 7, 7, -1}},
	{"trailing spaces drawn when they fit", "ab  ", 50, {0, 4, 4, -1}},
	{"trailing spaces hang past the edge", "abcd   ", 50, {0, 4, 7, -1}},
	{"long word broken", "abcdefghij", 50, {0, 5, 5, 5, 10, 10, -1}},
	{"long word after a short one", "ab cdefghijk", 50,
	 {0, 2, 3, 3, 8, 8, 8, 12, 12, -1}},
	{"hard newlines", "a\nb", 100, {0, 1, 2, 2, 3, 3, -1}},
	{"trailing newline gives an empty last line", "a\n", 100, {0, 1, 2, 2, 2, 2, -1}},
	{"only a newline", "\n", 100, {0, 0, 1, 1, 1, 1, -1}},
	{"blank line between", "a\n\nb", 100, {0, 1, 2, 2, 2, 3, 3, 4, 4, -1}},
	{"CR LF ends a line too", "ab\r\ncd", 100, {0, 2, 4, 4, 6, 6, -1}},
	{"wrapped before a newline", "abc def\nx", 40, {0, 3, 4, 4, 7, 8, 8, 9, 9, -1}},
	{"never inside a cluster", E_COMBINING E_COMBINING E_COMBINING, 30,
	 {0, 3, 3, 3, 6, 6, 6, 9, 9, -1}},
	{"cluster wider than the line", "a" FAMILY "b", 30, {0, 1, 1, 1, 26, 26, 26, 27, 27, -1}},
	{"flags stay whole", FR FR, 30, {0, 8, 8, 8, 16, 16, -1}},
	{"hyphen", "well-known", 60, {0, 5, 5, 5, 10, 10, -1}},
	{"ideographs break anywhere", NIHAO SHIJIE NIHAO, 40, {0, 12, 12, 12, 18, 18, -1}},
	{"no break before ideographic full stop", NIHONGO KUTEN, 30, {0, 6, 6, 6, 12, 12, -1}},
	{"right-to-left words", MARHABA " " MARHABA, 60, {0, 10, 11, 11, 21, 21, -1}},
	{"zero width", "ab", 0, {0, 1, 1, 1, 2, 2, -1}},
};

static void run_cases(const struct wrap_case *cases, size_t n, textwrap_measure_fn measure)
{
	struct textwrap wrap = {0};
	for (size_t i = 0; i < n; i++) {
		const struct wrap_case *c = &cases[i];
		size_t len = strlen(c->text);
		print_message("wrap case: %s\n", c->name);
		assert_true(textwrap_layout(&wrap, c->text, len, c->max_width, measure, NULL));
		check_layout(&wrap, c->text, len, c->max_width, measure);
		size_t count = 0;
		for (const int *l = c->lines; *l >= 0; l += 3, count++) {
			assert_true(count < wrap.count);
			assert_int_equal(wrap.lines[count].start, l[0]);
			assert_int_equal(wrap.lines[count].end, l[1]);
			assert_int_equal(wrap.lines[count].next, l[2]);
		}
		assert_int_equal(wrap.count, count);
	}
	textwrap_release(&wrap);
	assert_null(wrap.lines);
	assert_int_equal(wrap.count, 0);
}

static void test_mono(void **state)
{
	(void)state;
	run_cases(mono_cases, sizeof(mono_cases) / sizeof(mono_cases[0]), mono);
}

static const struct wrap_case proportional_cases[] = {
	/* "mmmm" is 48, "iiii" 12: the same number of letters fills lines differently */
	{"wide letters", "mmmm mmmm", 60, {0, 4, 5, 5, 9, 9, -1}},
	{"narrow letters", "iiii iiii iiii", 60, {0, 14, 14, -1}},
	{"ligature makes it fit", "fifi", 28, {0, 4, 4, -1}},
	{"marks take no room", "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 16, {0, 6, 6, 6, 9, 9, -1}},
};

static void test_proportional(void **state)
{
	(void)state;
	run_cases(proportional_cases, sizeof(proportional_cases) / sizeof(proportional_cases[0]),
		  proportional);
}

static const char *const round_trip_texts[] = {
	"The interview made me think about how the officer listened.\nSecond line here.",
	"caf\xC3\xA9 cr" E_COMBINING "me " FAMILY " " FR " well-known " NIHAO SHIJIE "\n\n"
	MARHABA " " MARHABA " end\n",
	"abcdefghijklmnopqrstuvwxyz0123456789",
	"",
	"   \n  x  ",
};

/* Every caret position maps to a pixel and back, on the line line_of says. */
static void test_round_trip(void **state)
{
	(void)state;
	static const textwrap_measure_fn measures[] = {mono, proportional};
	static const int widths[] = {1, 35, 80, 120, 1000};
	struct textwrap wrap = {0};
	for (size_t t = 0; t < sizeof(round_trip_texts) / sizeof(round_trip_texts[0]); t++) {
		const char *text = round_trip_texts[t];
		size_t len = strlen(text);
		for (size_t m = 0; m < 2; m++) {
			for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
				assert_true(textwrap_layout(&wrap, text, len, widths[w], measures[m],
							    NULL));
				check_layout(&wrap, text, len, widths[w], measures[m]);
				for (size_t off = 0;; off = grapheme_next(text, len, off)) {
					size_t line = textwrap_line_of(&wrap, off);
					assert_true(wrap.lines[line].start <= off);
					assert_true(off < wrap.lines[line].next ||
						    line + 1 == wrap.count);
					int x = textwrap_x_of(&wrap, text, off, measures[m], NULL);
					assert_int_equal(textwrap_offset_at_x(&wrap, text, line, x,
									      measures[m], NULL),
							 off);
					if (off >= len)
						break;
				}
			}
		}
	}
	textwrap_release(&wrap);
}

static void test_line_of(void **state)
{
	(void)state;
	struct textwrap wrap = {0};
	const char *text = "hello world abcdefghij\n";
	assert_true(textwrap_layout(&wrap, text, strlen(text), 50, mono, NULL));
	/* hello | world | abcde | fghij | (empty) */
	assert_int_equal(wrap.count, 5);
	assert_int_equal(textwrap_line_of(&wrap, 0), 0);
	assert_int_equal(textwrap_line_of(&wrap, 5), 0);  /* after "hello", before the space */
	assert_int_equal(textwrap_line_of(&wrap, 6), 1);  /* soft break: the next line */
	assert_int_equal(textwrap_line_of(&wrap, 11), 1);
	assert_int_equal(textwrap_line_of(&wrap, 12), 2);
	assert_int_equal(textwrap_line_of(&wrap, 17), 3); /* inside the broken word */
	assert_int_equal(textwrap_line_of(&wrap, 22), 3); /* on the '\n' */
	assert_int_equal(textwrap_line_of(&wrap, 23), 4); /* after the trailing '\n' */
	assert_int_equal(textwrap_line_of(&wrap, 999), 4);
	textwrap_release(&wrap);
	assert_int_equal(textwrap_line_of(&wrap, 3), 0);
}

static void test_offset_at_x(void **state)
{
	(void)state;
	struct textwrap wrap = {0};
	const char *text = "abcdefghij\nxy";
	size_t len = strlen(text);
	assert_true(textwrap_layout(&wrap, text, len, 50, mono, NULL));
	assert_int_equal(wrap.count, 3);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, -5, mono, NULL), 0);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 14, mono, NULL), 1);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 15, mono, NULL), 1);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 16, mono, NULL), 2);
	/* past the end of a line broken inside a word: before its last letter, still on it */
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 999, mono, NULL), 4);
	/* past the end of a line ending in '\n': on the '\n' */
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 1, 999, mono, NULL), 10);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 2, 999, mono, NULL), len);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 7, 0, mono, NULL), 11);
	assert_int_equal(textwrap_x_of(&wrap, text, 12, mono, NULL), 10);
	assert_int_equal(textwrap_x_of(&wrap, text, 5, mono, NULL), 0);
	textwrap_release(&wrap);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 10, mono, NULL), 0);
	assert_int_equal(textwrap_x_of(&wrap, text, 3, mono, NULL), 0);
}

/* Relaying out reuses memory and does not depend on what was laid out before. */
static void test_reuse(void **state)
{
	(void)state;
	struct textwrap wrap = {0};
	const char *long_text = "one two three four five six seven eight nine ten";
	assert_true(textwrap_layout(&wrap, long_text, strlen(long_text), 30, mono, NULL));
	size_t cap = wrap.cap;
	assert_true(textwrap_layout(&wrap, "hi", 2, 30, mono, NULL));
	assert_int_equal(wrap.count, 1);
	assert_int_equal(wrap.cap, cap);
	assert_true(textwrap_layout(&wrap, NULL, 0, 30, mono, NULL));
	assert_int_equal(wrap.count, 1);
	assert_int_equal(wrap.lines[0].next, 0);
	textwrap_release(&wrap);
}

/* A long answer costs a number of measurements that grows with its lines, not its length
 * squared. */
static void test_measure_calls(void **state)
{
	(void)state;
	size_t len = 20000;
	char *text = malloc(len + 1);
	assert_non_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 7 == 6 ? ' ' : 'a' + i % 26;
	text[len] = '\0';
	struct textwrap wrap = {0};
	measure_calls = 0;
	assert_true(textwrap_layout(&wrap, text, len, 800, mono, NULL));
	check_layout(&wrap, text, len, 800, mono);
	assert_true(wrap.count > 200);
	assert_true(measure_calls < (int)wrap.count * 20);
	/* one unbroken word */
	memset(text, 'x', len);
	measure_calls = 0;
	assert_true(textwrap_layout(&wrap, text, len, 800, mono, NULL));
	assert_int_equal(wrap.count, 250);
	assert_true(measure_calls < (int)wrap.count * 20);
	textwrap_release(&wrap);
	free(text);
}

static size_t bytes_measured;

/* Counts the bytes it is asked to measure; every character is 10 pixels wide, or none when
 * ctx is not NULL (zero-width characters: a whole text fits one line). */
static int counting(void *ctx, const char *s, size_t len)
{
	(void)s;
	bytes_measured += len;
	return ctx ? 0 : (int)len * 10;
}

/* Laying out a 1 MiB text, and moving the caret in it, measures a number of bytes in
 * proportion to its length (not its square): prose, one unbroken word, and a line of
 * zero-width characters that fits on one line. */
static void test_long_text_measures_linear(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		bool words;
		bool zero_width;
	} cases[] = {{"prose", true, false}, {"one word", false, false},
		     {"zero width", false, true}};
	size_t len = 1 << 20;
	char *text = malloc(len + 1);
	assert_non_null(text);
	static int zero_width_ctx;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		void *ctx = cases[c].zero_width ? &zero_width_ctx : NULL;
		for (size_t i = 0; i < len; i++)
			text[i] = cases[c].words && i % 7 == 6 ? ' ' : 'a' + i % 26;
		text[len] = '\0';
		struct textwrap wrap = {0};
		bytes_measured = 0;
		assert_true(textwrap_layout(&wrap, text, len, 800, counting, ctx));
		print_message("%s: layout measured %.1f bytes per byte\n", cases[c].name,
			      (double)bytes_measured / len);
		assert_true(bytes_measured < 16 * len);
		size_t line = wrap.count / 2;
		bytes_measured = 0;
		for (int x = 1; x < 1000; x += 97) {
			size_t at = textwrap_offset_at_x(&wrap, text, line, x, counting, ctx);
			(void)textwrap_x_of(&wrap, text, at, counting, ctx);
		}
		print_message("%s: 11 caret moves measured %.1f bytes per byte\n", cases[c].name,
			      (double)bytes_measured / len);
		/* at most a few passes over the line per move */
		assert_true(bytes_measured < 11 * 4 * len);
		textwrap_release(&wrap);
	}
	free(text);
}

/* Pasted oddities lay out whole and fast: a wall of flag letters, one letter carrying
 * thousands of marks. */
static void test_pathological_clusters(void **state)
{
	(void)state;
	enum { N = 4000 };
	char *text = malloc(N * 4 + 1);
	assert_non_null(text);
	struct textwrap wrap = {0};
	for (size_t i = 0; i < N; i++)
		memcpy(text + 4 * i, "\xF0\x9F\x87\xAB", 4);
	assert_true(textwrap_layout(&wrap, text, N * 4, 800, mono, NULL));
	check_layout(&wrap, text, N * 4, 800, mono);

	text[0] = 'a';
	for (size_t i = 0; i < N; i++)
		memcpy(text + 1 + 2 * i, "\xCC\x81", 2);
	size_t len = 1 + 2 * N;
	assert_true(textwrap_layout(&wrap, text, len, 800, mono, NULL));
	check_layout(&wrap, text, len, 800, mono);
	assert_int_equal(wrap.count, 1);
	assert_int_equal(textwrap_offset_at_x(&wrap, text, 0, 99999, mono, NULL), len);
	textwrap_release(&wrap);
	free(text);
}

/* Carets on lines that need reordering (10 pixels a character): where each offset's caret is
 * drawn, from the box's left, and that a click there puts the caret there. A right-to-left paragraph's lines align
 * to the right of the box. */
struct bidi_caret_case {
	const char *name;
	const char *text;
	int width;
	int indent[2];     /* of lines 0 and 1 */
	int x[12];         /* caret x of each character's offset, then of the end */
	size_t offsets[12];
	size_t count;
};

#define ALEF "\xD7\x90"
#define BET "\xD7\x91"
#define GIMEL "\xD7\x92"

static const struct bidi_caret_case bidi_caret_cases[] = {
	/* seen as "def " then gimel bet alef at the right: alef (offset 0) at the right edge */
	{"right-to-left paragraph, Latin word at its end", ALEF BET GIMEL " def", 100, {30, 0},
	 {100, 90, 80, 70, 30, 40, 50, 60}, {0, 2, 4, 6, 7, 8, 9, 10}, 8},
	/* seen as "ab " then gimel bet alef (reversed), then " cd" */
	{"left-to-right paragraph, Hebrew word inside", "ab " ALEF BET GIMEL " cd", 100, {0, 0},
	 {0, 10, 20, 60, 50, 40, 60, 70, 80, 90}, {0, 1, 2, 3, 5, 7, 9, 10, 11, 12}, 10},
	/* a right-to-left paragraph wrapped: each line aligned right on its own */
	{"wrapped right-to-left lines", ALEF BET " " GIMEL ALEF BET, 40, {20, 10},
	 {40, 30, 20, 40, 30, 20, 10}, {0, 2, 4, 5, 7, 9, 11}, 7},
	/* spaces ending a right-to-left line go to its left (rule L1), here hanging (the text
	 * with them does not fit), the last past the box's left edge */
	{"spaces ending a right-to-left line", ALEF BET "   ", 40, {20, 0},
	 {40, 30, 20, 10, 0, -10}, {0, 2, 4, 5, 6, 7}, 6},
	/* meem, Cyrillic be, the prepended number mark U+0605 and an apostrophe: the mark and
	 * the apostrophe are one cluster, the mark in the left-to-right run "be mark" and the
	 * apostrophe seen at the line's left */
	{"a cluster across two runs", "\xD9\x85\xD0\xB1\xD8\x85'", 120, {80, 0},
	 {120, 90, 100, 80}, {0, 2, 4, 7}, 4},
};

static void test_bidi_carets(void **state)
{
	(void)state;
	struct textwrap wrap = {0};
	for (size_t c = 0; c < sizeof bidi_caret_cases / sizeof bidi_caret_cases[0]; c++) {
		const struct bidi_caret_case *bc = &bidi_caret_cases[c];
		size_t len = strlen(bc->text);
		print_message("bidi case: %s\n", bc->name);
		assert_true(textwrap_layout(&wrap, bc->text, len, bc->width, mono, NULL));
		assert_non_null(wrap.bidi);
		for (size_t l = 0; l < wrap.count && l < 2; l++)
			assert_int_equal(textwrap_indent(&wrap, l), bc->indent[l]);
		for (size_t i = 0; i < bc->count; i++) {
			size_t off = bc->offsets[i], line = textwrap_line_of(&wrap, off);
			int x = textwrap_x_of(&wrap, bc->text, off, mono, NULL);
			if (x != bc->x[i])
				fail_msg("offset %zu: caret at %d, want %d", off, x, bc->x[i]);
			/* where directions meet two offsets may share a caret x (after "ab " and
			 * before " cd" below): a click there gives one of them */
			size_t back = textwrap_offset_at_x(&wrap, bc->text, line, x, mono, NULL);
			assert_int_equal(textwrap_line_of(&wrap, back), line);
			assert_int_equal(textwrap_x_of(&wrap, bc->text, back, mono, NULL), x);
		}
	}
	textwrap_release(&wrap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mono),
		cmocka_unit_test(test_proportional),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_line_of),
		cmocka_unit_test(test_offset_at_x),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_measure_calls),
		cmocka_unit_test(test_pathological_clusters),
		cmocka_unit_test(test_long_text_measures_linear),
		cmocka_unit_test(test_bidi_carets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
