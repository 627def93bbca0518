/* The answer editor's text model: typing, pasting, the character limit, caret moves and
 * deletions over every kind of character trainees may type. Texts are written with '|' where
 * the caret is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/grapheme.h"
#include "core/textedit.h"
#include "core/utf8.h"

#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" \
	"\xE2\x80\x8D\xF0\x9F\x91\xA6"
#define THUMB_TONE "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
#define FR "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"
#define DE "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
#define SMILE "\xF0\x9F\x98\x80"
#define E_ACUTE "\xC3\xA9"
#define E_COMBINING "e\xCC\x81"
#define ACUTE "\xCC\x81"
#define MARHABA "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"
#define BIL_ALAM "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"
#define BA_KASRA "\xD8\xA8\xD9\x90"
#define SIN_SUKUN "\xD8\xB3\xD9\x92"
#define MIM_KASRA "\xD9\x85\xD9\x90"
#define SHIN "\xD7\xA9\xD6\xB8\xD7\x81"
#define LAMED "\xD7\x9C"
#define VAV_HOLAM "\xD7\x95\xD6\xB9"
#define FINAL_MEM "\xD7\x9D"
#define NIHAO "\xE4\xBD\xA0\xE5\xA5\xBD"
#define SHIJIE "\xE4\xB8\x96\xE7\x95\x8C"
#define NIHONGO "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
#define TOUTEN "\xE3\x80\x81"
#define TESUTO "\xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88"

/* Builds an editor holding `marked` (text with one '|' for the caret). */
static struct textedit *editor(const char *marked, size_t max_chars)
{
	struct textedit *edit = textedit_new(max_chars);
	assert_non_null(edit);
	const char *bar = strchr(marked, '|');
	assert_non_null(bar);
	char *plain = malloc(strlen(marked));
	assert_non_null(plain);
	size_t caret = (size_t)(bar - marked);
	memcpy(plain, marked, caret);
	strcpy(plain + caret, bar + 1);
	assert_true(textedit_set(edit, plain));
	free(plain);
	textedit_set_caret(edit, caret);
	assert_int_equal(textedit_caret(edit), caret);
	return edit;
}

/* The editor's text with '|' at the caret. */
static char *marked(const struct textedit *edit)
{
	size_t len = textedit_len(edit), caret = textedit_caret(edit);
	char *out = malloc(len + 2);
	assert_non_null(out);
	memcpy(out, textedit_text(edit), caret);
	out[caret] = '|';
	memcpy(out + caret + 1, textedit_text(edit) + caret, len - caret + 1);
	return out;
}

/* The invariants every operation keeps. */
static void check_invariants(const struct textedit *edit)
{
	const char *t = textedit_text(edit);
	size_t len = textedit_len(edit);
	assert_int_equal(strlen(t), len);
	assert_true(utf8_valid(t, len, NULL));
	assert_int_equal(textedit_chars(edit), utf8_count(t, len));
	assert_true(textedit_chars(edit) <= textedit_max_chars(edit));
	assert_true(textedit_caret(edit) <= len);
	assert_true(grapheme_is_boundary(t, len, textedit_caret(edit)));
	for (size_t i = 0; i < len; i++)
		assert_true((unsigned char)t[i] >= 0x20 || t[i] == '\n' || t[i] == '\t');
}

static void expect(const struct textedit *edit, const char *want)
{
	check_invariants(edit);
	char *got = marked(edit);
	assert_string_equal(got, want);
	free(got);
}

struct move_case {
	const char *before;
	enum textedit_move move;
	const char *after;
};

static const struct move_case move_cases[] = {
	/* ASCII */
	{"ab|c", TEXTEDIT_CHAR_LEFT, "a|bc"},
	{"|abc", TEXTEDIT_CHAR_LEFT, "|abc"},
	{"a|bc", TEXTEDIT_CHAR_RIGHT, "ab|c"},
	{"abc|", TEXTEDIT_CHAR_RIGHT, "abc|"},
	{"hello world|", TEXTEDIT_WORD_LEFT, "hello |world"},
	{"hello |world", TEXTEDIT_WORD_LEFT, "|hello world"},
	{"hello wo|rld", TEXTEDIT_WORD_LEFT, "hello |world"},
	{"hello   |world", TEXTEDIT_WORD_LEFT, "|hello   world"},
	{"foo, bar|", TEXTEDIT_WORD_LEFT, "foo, |bar"},
	{"foo, |bar", TEXTEDIT_WORD_LEFT, "foo|, bar"},
	{"see... |", TEXTEDIT_WORD_LEFT, "see|... "},
	{"I don't|", TEXTEDIT_WORD_LEFT, "I |don't"},
	{"'quoted'|", TEXTEDIT_WORD_LEFT, "'quoted|'"},
	{"one\n|two", TEXTEDIT_WORD_LEFT, "|one\ntwo"},
	{"tab\t|x", TEXTEDIT_WORD_LEFT, "|tab\tx"},
	{"room 101|", TEXTEDIT_WORD_LEFT, "room |101"},
	{"|   ", TEXTEDIT_WORD_LEFT, "|   "},
	{"   |", TEXTEDIT_WORD_LEFT, "|   "},
	{"|hello world", TEXTEDIT_WORD_RIGHT, "hello| world"},
	{"hello| world", TEXTEDIT_WORD_RIGHT, "hello world|"},
	{"he|llo, world", TEXTEDIT_WORD_RIGHT, "hello|, world"},
	{"hello|, world", TEXTEDIT_WORD_RIGHT, "hello,| world"},
	{"|don't stop", TEXTEDIT_WORD_RIGHT, "don't| stop"},
	{"end|  ", TEXTEDIT_WORD_RIGHT, "end  |"},
	{"ab\ncd|ef", TEXTEDIT_LINE_START, "ab\n|cdef"},
	{"ab|", TEXTEDIT_LINE_START, "|ab"},
	{"ab\n|", TEXTEDIT_LINE_START, "ab\n|"},
	{"ab|c\nd", TEXTEDIT_LINE_END, "abc|\nd"},
	{"ab\nc|d", TEXTEDIT_LINE_END, "ab\ncd|"},
	{"a|b\n\ncd", TEXTEDIT_DOC_START, "|ab\n\ncd"},
	{"a|b\n\ncd", TEXTEDIT_DOC_END, "ab\n\ncd|"},
	/* accented, precomposed and combining */
	{"caf|" E_ACUTE, TEXTEDIT_CHAR_RIGHT, "caf" E_ACUTE "|"},
	{"caf" E_ACUTE "|", TEXTEDIT_CHAR_LEFT, "caf|" E_ACUTE},
	{"caf" E_COMBINING "|", TEXTEDIT_CHAR_LEFT, "caf|" E_COMBINING},
	{"caf|" E_COMBINING "!", TEXTEDIT_CHAR_RIGHT, "caf" E_COMBINING "|!"},
	{"un caf" E_ACUTE " cr" E_COMBINING "me|", TEXTEDIT_WORD_LEFT,
	 "un caf" E_ACUTE " |cr" E_COMBINING "me"},
	{"|" E_COMBINING "t" E_ACUTE " x", TEXTEDIT_WORD_RIGHT, E_COMBINING "t" E_ACUTE "| x"},
	/* emoji */
	{"a" THUMB_TONE "|b", TEXTEDIT_CHAR_LEFT, "a|" THUMB_TONE "b"},
	{"a|" THUMB_TONE "b", TEXTEDIT_CHAR_RIGHT, "a" THUMB_TONE "|b"},
	{"x" FAMILY "|", TEXTEDIT_CHAR_LEFT, "x|" FAMILY},
	{"|" FAMILY "x", TEXTEDIT_CHAR_RIGHT, FAMILY "|x"},
	{FR DE "|", TEXTEDIT_CHAR_LEFT, FR "|" DE},
	{"|" FR DE, TEXTEDIT_CHAR_RIGHT, FR "|" DE},
	{"hi " SMILE SMILE "|", TEXTEDIT_WORD_LEFT, "hi |" SMILE SMILE},
	{"hi" SMILE "|", TEXTEDIT_WORD_LEFT, "hi|" SMILE},
	/* Arabic and Hebrew: stored and moved through in logical order */
	{MARHABA " " BIL_ALAM "|", TEXTEDIT_WORD_LEFT, MARHABA " |" BIL_ALAM},
	{"|" MARHABA " " BIL_ALAM, TEXTEDIT_WORD_RIGHT, MARHABA "| " BIL_ALAM},
	{BA_KASRA SIN_SUKUN MIM_KASRA "|", TEXTEDIT_CHAR_LEFT, BA_KASRA SIN_SUKUN "|" MIM_KASRA},
	{BA_KASRA "|" SIN_SUKUN MIM_KASRA, TEXTEDIT_CHAR_RIGHT, BA_KASRA SIN_SUKUN "|" MIM_KASRA},
	{SHIN LAMED VAV_HOLAM FINAL_MEM "|", TEXTEDIT_CHAR_LEFT, SHIN LAMED VAV_HOLAM "|" FINAL_MEM},
	{SHIN "|" LAMED, TEXTEDIT_CHAR_LEFT, "|" SHIN LAMED},
	{"shalom " SHIN LAMED VAV_HOLAM FINAL_MEM "|", TEXTEDIT_WORD_LEFT,
	 "shalom |" SHIN LAMED VAV_HOLAM FINAL_MEM},
	/* CJK */
	{NIHAO SHIJIE "|", TEXTEDIT_CHAR_LEFT, NIHAO "\xE4\xB8\x96|\xE7\x95\x8C"},
	{NIHAO " " SHIJIE "|", TEXTEDIT_WORD_LEFT, NIHAO " |" SHIJIE},
	{NIHONGO TOUTEN TESUTO "|", TEXTEDIT_WORD_LEFT, NIHONGO TOUTEN "|" TESUTO},
	{NIHONGO TOUTEN "|" TESUTO, TEXTEDIT_WORD_LEFT, NIHONGO "|" TOUTEN TESUTO},
};

static void test_moves(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(move_cases) / sizeof(move_cases[0]); i++) {
		const struct move_case *c = &move_cases[i];
		print_message("move case %zu: %s\n", i, c->before);
		struct textedit *edit = editor(c->before, 1000);
		unsigned long rev = textedit_revision(edit);
		assert_int_equal(textedit_target(edit, c->move), strchr(c->after, '|') - c->after);
		textedit_move(edit, c->move);
		expect(edit, c->after);
		assert_int_equal(textedit_revision(edit), rev);
		textedit_free(edit);
	}
}

struct delete_case {
	const char *before;
	enum textedit_delete what;
	const char *after; /* NULL: nothing deleted */
};

static const struct delete_case delete_cases[] = {
	{"ab|c", TEXTEDIT_DELETE_BACK, "a|c"},
	{"|abc", TEXTEDIT_DELETE_BACK, NULL},
	{"a|bc", TEXTEDIT_DELETE_FORWARD, "a|c"},
	{"abc|", TEXTEDIT_DELETE_FORWARD, NULL},
	{"ab\n|cd", TEXTEDIT_DELETE_BACK, "ab|cd"},
	{"caf" E_ACUTE "|", TEXTEDIT_DELETE_BACK, "caf|"},
	{"caf" E_COMBINING "|", TEXTEDIT_DELETE_BACK, "caf|"},
	{"caf|" E_COMBINING "s", TEXTEDIT_DELETE_FORWARD, "caf|s"},
	{"a" FAMILY "|", TEXTEDIT_DELETE_BACK, "a|"},
	{"|" FAMILY "a", TEXTEDIT_DELETE_FORWARD, "|a"},
	{"x" THUMB_TONE "|", TEXTEDIT_DELETE_BACK, "x|"},
	{"|" THUMB_TONE "x", TEXTEDIT_DELETE_FORWARD, "|x"},
	{FR DE "|", TEXTEDIT_DELETE_BACK, FR "|"},
	{"|" FR DE, TEXTEDIT_DELETE_FORWARD, "|" DE},
	{BA_KASRA SIN_SUKUN "|" MIM_KASRA, TEXTEDIT_DELETE_BACK, BA_KASRA "|" MIM_KASRA},
	{SHIN "|" LAMED, TEXTEDIT_DELETE_BACK, "|" LAMED},
	{NIHAO "|", TEXTEDIT_DELETE_BACK, "\xE4\xBD\xA0|"},
	/* a mark left after a line break joins the letter before once the break goes */
	{"a\n|" ACUTE "b", TEXTEDIT_DELETE_BACK, "|a" ACUTE "b"},
	{"hello world|", TEXTEDIT_DELETE_WORD_BACK, "hello |"},
	{"hello world  |", TEXTEDIT_DELETE_WORD_BACK, "hello |"},
	{"hello wo|rld", TEXTEDIT_DELETE_WORD_BACK, "hello |rld"},
	{"one, two|", TEXTEDIT_DELETE_WORD_BACK, "one, |"},
	{"one, |", TEXTEDIT_DELETE_WORD_BACK, "one|"},
	{"I don't|", TEXTEDIT_DELETE_WORD_BACK, "I |"},
	{"caf" E_COMBINING "|", TEXTEDIT_DELETE_WORD_BACK, "|"},
	{"ok " FAMILY FAMILY "|", TEXTEDIT_DELETE_WORD_BACK, "ok |"},
	{MARHABA " " BIL_ALAM "|", TEXTEDIT_DELETE_WORD_BACK, MARHABA " |"},
	{NIHONGO " " TESUTO "|", TEXTEDIT_DELETE_WORD_BACK, NIHONGO " |"},
	{"|", TEXTEDIT_DELETE_WORD_BACK, NULL},
	{"|hello world", TEXTEDIT_DELETE_WORD_FORWARD, "| world"},
	{"hello| world", TEXTEDIT_DELETE_WORD_FORWARD, "hello|"},
	{"|" SHIN LAMED " x", TEXTEDIT_DELETE_WORD_FORWARD, "| x"},
	{"x|", TEXTEDIT_DELETE_WORD_FORWARD, NULL},
};

static void test_deletes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(delete_cases) / sizeof(delete_cases[0]); i++) {
		const struct delete_case *c = &delete_cases[i];
		print_message("delete case %zu: %s\n", i, c->before);
		struct textedit *edit = editor(c->before, 1000);
		unsigned long rev = textedit_revision(edit);
		assert_int_equal(textedit_delete(edit, c->what), c->after != NULL);
		expect(edit, c->after ? c->after : c->before);
		assert_int_equal(textedit_revision(edit), rev + (c->after != NULL));
		textedit_free(edit);
	}
}

struct insert_case {
	const char *before;
	size_t max_chars;
	const char *insert;
	const char *after;
	size_t inserted; /* characters (code points) */
};

static const struct insert_case insert_cases[] = {
	{"|", 100, "hello", "hello|", 5},
	{"a|c", 100, "b", "ab|c", 1},
	{"abc|", 5, "defg", "abcde|", 2},
	{"abcde|", 5, "f", "abcde|", 0},
	{"|", 0, "a", "|", 0},
	{"|", 3, E_ACUTE "t" E_ACUTE "s", E_ACUTE "t" E_ACUTE "|", 3},
	/* whole clusters only: a letter with its combining mark is two characters */
	{"abc|", 4, E_COMBINING, "abc|", 0},
	{"abc|", 5, E_COMBINING, "abc" E_COMBINING "|", 2},
	{"|", 3, "ab" E_COMBINING, "ab|", 2},
	{"|", 6, FAMILY, "|", 0},
	{"|", 7, FAMILY "x", FAMILY "|", 7},
	{"|", 3, FR DE, FR "|", 2},
	{"|", 2, THUMB_TONE THUMB_TONE, THUMB_TONE "|", 2},
	/* line breaks and control characters */
	{"|", 100, "a\r\nb\rc", "a\nb\nc|", 5},
	{"|", 100, "a\r\n\r\nb", "a\n\nb|", 4},
	{"|", 100, "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "a\nb\nc|", 5},
	{"|", 100, "a\x01" "b\x1B[2J\x7F" "c\xC2\x85\td\n", "ab[2Jc\td\n|", 9},
	{"|", 100, "\x08\x08", "|", 0},
	/* invalid UTF-8 is refused whole */
	{"ok|", 100, "\xFF", "ok|", 0},
	{"ok|", 100, "fine\xC3", "ok|", 0},
	{"ok|", 100, "\xC0\xAF", "ok|", 0},
	{"ok|", 100, "\xED\xA0\x80", "ok|", 0},
	{"ok|", 100, "\xF4\x90\x80\x80", "ok|", 0},
	/* text that joins the cluster after the caret: the caret goes after the whole cluster */
	{"|" ACUTE "x", 100, "e", E_COMBINING "|x", 1},
	{"|\xF0\x9F\x87\xB7", 100, "\xF0\x9F\x87\xAB", FR "|", 1},
	{"e|", 100, ACUTE, E_COMBINING "|", 1},
	/* right-to-left and CJK */
	{MARHABA "|", 100, " " BIL_ALAM, MARHABA " " BIL_ALAM "|", 8},
	{"|", 2, NIHAO SHIJIE, NIHAO "|", 2},
};

static void test_inserts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(insert_cases) / sizeof(insert_cases[0]); i++) {
		const struct insert_case *c = &insert_cases[i];
		print_message("insert case %zu: %s\n", i, c->insert);
		struct textedit *edit = editor(c->before, c->max_chars);
		unsigned long rev = textedit_revision(edit);
		size_t chars = textedit_chars(edit);
		assert_int_equal(textedit_insert(edit, c->insert), c->inserted);
		expect(edit, c->after);
		assert_int_equal(textedit_chars(edit), chars + c->inserted);
		assert_int_equal(textedit_revision(edit), rev + (c->inserted > 0));
		textedit_free(edit);
	}
}

static void test_counts_are_code_points(void **state)
{
	(void)state;
	struct textedit *edit = textedit_new(20000);
	assert_non_null(edit);
	assert_true(textedit_set(edit, E_ACUTE E_COMBINING FAMILY FR NIHAO));
	assert_int_equal(textedit_chars(edit), 1 + 2 + 7 + 2 + 2);
	assert_int_equal(textedit_len(edit), strlen(E_ACUTE E_COMBINING FAMILY FR NIHAO));
	assert_int_equal(textedit_max_chars(edit), 20000);
	textedit_free(edit);
}

static void test_set(void **state)
{
	(void)state;
	struct textedit *edit = textedit_new(5);
	assert_non_null(edit);
	assert_string_equal(textedit_text(edit), "");
	assert_int_equal(textedit_len(edit), 0);

	assert_true(textedit_set(edit, "ab" E_ACUTE "de"));
	expect(edit, "ab" E_ACUTE "de|");
	unsigned long rev = textedit_revision(edit);

	/* refused: too long, invalid; the text stays as it was */
	assert_false(textedit_set(edit, "abcdef"));
	assert_false(textedit_set(edit, "ab\xFF"));
	expect(edit, "ab" E_ACUTE "de|");
	assert_int_equal(textedit_revision(edit), rev);

	/* cleaned the same way as typed text, then measured */
	assert_true(textedit_set(edit, "a\r\nb\x01" "cd"));
	expect(edit, "a\nbcd|");
	assert_true(textedit_set(edit, NULL));
	expect(edit, "|");
	assert_true(textedit_revision(edit) > rev);
	textedit_free(edit);
	textedit_free(NULL);
}

static void test_set_caret_snaps(void **state)
{
	(void)state;
	struct textedit *edit = textedit_new(100);
	assert_non_null(edit);
	assert_true(textedit_set(edit, "x" E_COMBINING THUMB_TONE));
	static const size_t want[] = {0, 1, 1, 1, 4, 4, 4, 4, 4, 4, 4, 4, 12, 12};
	for (size_t off = 0; off < sizeof(want) / sizeof(want[0]); off++) {
		textedit_set_caret(edit, off);
		assert_int_equal(textedit_caret(edit), want[off]);
	}
	textedit_set_caret(edit, 5000);
	assert_int_equal(textedit_caret(edit), 12);
	textedit_free(edit);
}

static void test_composition(void **state)
{
	(void)state;
	struct textedit *edit = editor("ab|", 3);
	unsigned long rev = textedit_revision(edit);
	assert_string_equal(textedit_composition(edit), "");
	textedit_set_composition(edit, "\xE3\x81\x8B\xE3\x81\xAA");
	assert_string_equal(textedit_composition(edit), "\xE3\x81\x8B\xE3\x81\xAA");
	/* pre-edit text is not part of the answer: no count, no revision */
	assert_int_equal(textedit_chars(edit), 2);
	assert_int_equal(textedit_revision(edit), rev);
	textedit_set_composition(edit, "\xFF");
	assert_string_equal(textedit_composition(edit), "");
	textedit_set_composition(edit, "k");
	textedit_set_composition(edit, NULL);
	assert_string_equal(textedit_composition(edit), "");
	textedit_set_composition(edit, "k");
	textedit_set_composition(edit, "");
	assert_string_equal(textedit_composition(edit), "");
	/* committing goes through insert and meets the limit like typing */
	textedit_set_composition(edit, "\xE3\x81\x8B\xE3\x81\xAA");
	assert_int_equal(textedit_insert(edit, "\xE3\x81\x8B\xE3\x81\xAA"), 1);
	expect(edit, "ab\xE3\x81\x8B|");
	textedit_free(edit);
}

/* A long answer typed one character at a time, edited in the middle, stays consistent. */
static void test_long_typing(void **state)
{
	(void)state;
	struct textedit *edit = textedit_new(20000);
	assert_non_null(edit);
	static const char *const pieces[] = {"word ", E_COMBINING, FAMILY, "\n", BIL_ALAM, " "};
	size_t typed = 0;
	for (size_t i = 0; typed < 20000; i++) {
		size_t n = textedit_insert(edit, pieces[i % 6]);
		if (n == 0)
			break;
		typed += n;
	}
	assert_int_equal(textedit_chars(edit), typed);
	assert_true(typed > 19990);
	assert_int_equal(textedit_insert(edit, "x"), 20000 - typed > 0 ? 1 : 0);
	textedit_set_caret(edit, textedit_len(edit) / 2);
	for (int i = 0; i < 200; i++)
		textedit_delete(edit, i % 2 ? TEXTEDIT_DELETE_WORD_BACK : TEXTEDIT_DELETE_FORWARD);
	check_invariants(edit);
	textedit_free(edit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_deletes),
		cmocka_unit_test(test_inserts),
		cmocka_unit_test(test_counts_are_code_points),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_caret_snaps),
		cmocka_unit_test(test_composition),
		cmocka_unit_test(test_long_typing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
