/* The kiosk's bidirectional text (core/bidi) against Unicode's own BidiCharacterTest.txt
 * (Debian's unicode-data package): every test line's paragraph level and visual order; and
 * lines broken out of a paragraph, reordered line by line as the screens draw them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/bidi.h"
#include "core/grapheme.h"
#include "core/utf8.h"

#define MAX_CPS 256

/* The visual order of s[start..end) as drawn: each run's code points, reversed in a
 * right-to-left run, as byte offsets into s. */
static size_t visual_offsets(const struct bidi *b, const char *s, size_t start, size_t end,
			     size_t *out, size_t cap)
{
	struct bidi_line line = {0};
	size_t n = 0;

	assert_true(bidi_line_runs(b, start, end, &line));
	for (size_t r = 0; r < line.count; r++) {
		const struct bidi_run *run = &line.runs[r];
		size_t first = n;
		uint32_t cp;

		assert_true(run->start < run->end);
		for (size_t i = run->start; i < run->end; i += grapheme_decode(s, run->end, i, &cp)) {
			assert_true(n < cap);
			out[n++] = i;
		}
		for (size_t i = first, j = n; run->rtl && i + 1 < j; i++, j--) {
			size_t t = out[i];

			out[i] = out[j - 1];
			out[j - 1] = t;
		}
	}
	bidi_line_release(&line);
	return n;
}

/* One line of BidiCharacterTest.txt: false when it does not hold as expected. */
static bool check_line(struct bidi *b, char *fields[5], int number)
{
	uint32_t cps[MAX_CPS];
	char utf8[MAX_CPS * 4];
	size_t offsets[MAX_CPS + 1], n = 0, len = 0, want[MAX_CPS], want_n = 0, got[MAX_CPS];
	bool removed[MAX_CPS];
	static const enum bidi_dir dirs[] = {BIDI_LTR, BIDI_RTL, BIDI_AUTO};
	int dir = atoi(fields[1]), level = atoi(fields[2]);
	char *p, *end;

	for (p = fields[0]; n < MAX_CPS && (cps[n] = (uint32_t)strtoul(p, &end, 16), end > p);
	     p = end) {
		offsets[n] = len;
		len += utf8_encode(cps[n++], utf8 + len);
	}
	offsets[n] = len;
	p = fields[3];
	for (size_t i = 0; i < n; i++) {
		p += strspn(p, " ");
		removed[i] = *p == 'x';
		p += strcspn(p, " ");
	}
	for (p = fields[4]; want_n < MAX_CPS; p = end) {
		unsigned long k = strtoul(p, &end, 10);

		if (end == p)
			break;
		assert_true(k < n);
		want[want_n++] = offsets[k];
	}
	assert_true(dir >= 0 && dir <= 2);
	assert_true(bidi_analyze(b, utf8, len, dirs[dir]));
	if (bidi_rtl(b, 0) != (level == 1)) {
		print_message("line %d: paragraph level %d, got %d\n", number, level,
			      bidi_rtl(b, 0));
		return false;
	}
	/* Characters removed by rule X9 are drawn as nothing: the test file leaves them out. */
	size_t got_all = visual_offsets(b, utf8, 0, len, got, MAX_CPS), got_n = 0;
	for (size_t i = 0; i < got_all; i++) {
		size_t k = 0;

		while (offsets[k] != got[i])
			k++;
		if (!removed[k])
			got[got_n++] = got[i];
	}
	if (got_n != want_n || memcmp(got, want, want_n * sizeof *got)) {
		print_message("line %d: %s: visual order differs\n", number, fields[0]);
		return false;
	}
	return true;
}

static void test_bidi_character_test(void **state)
{
	char path[512], text[8192], version[64] = "?";
	struct bidi *b = bidi_new();
	int number = 0, checked = 0, failed = 0;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/BidiCharacterTest.txt", RJK_UNICODE_DATA);
	f = fopen(path, "r");
	if (!f)
		fail_msg("%s: cannot open (scripts/setup.sh installs unicode-data)", path);
	assert_non_null(b);
	while (fgets(text, sizeof text, f)) {
		char *fields[5], *p = text;

		number++;
		if (number == 1)
			sscanf(text, "# BidiCharacterTest-%63[0-9.]", version);
		if (number == 1 && strlen(version) > 1 && version[strlen(version) - 1] == '.')
			version[strlen(version) - 1] = '\0'; /* the dot before "txt" */
		if (text[0] == '#' || text[0] == '\n')
			continue;
		for (int i = 0; i < 5; i++) {
			fields[i] = p;
			p += strcspn(p, ";\n");
			assert_true(i == 4 || *p == ';');
			*p++ = '\0';
		}
		checked++;
		if (!check_line(b, fields, number) && ++failed >= 20)
			break;
	}
	fclose(f);
	bidi_free(b);
	print_message("BidiCharacterTest %s: %d lines checked, %d failed\n", version, checked,
		      failed);
	assert_int_equal(failed, 0);
	assert_true(checked > 90000);
}

/* A paragraph broken into lines in logical order, each line then reordered: hebrew letters
 * (א, ב, ג, ד) stand for right-to-left text. */
struct line_case {
	const char *text;    /* the paragraph */
	size_t breaks[4];    /* where its lines start after the first (0 ends the list) */
	const char *want[5]; /* each line as seen, left to right */
	bool rtl;            /* the paragraph's direction */
};

static const struct line_case line_cases[] = {
	{"\xd7\x90\xd7\x91 \xd7\x92\xd7\x93", {0}, {"\xd7\x93\xd7\x92 \xd7\x91\xd7\x90"}, true},
	{"\xd7\x90\xd7\x91 \xd7\x92\xd7\x93", {5}, {" \xd7\x91\xd7\x90", "\xd7\x93\xd7\x92"},
	 true},
	/* a Latin word and the number after it in a right-to-left line keep their own order */
	{"\xd7\x90 abc 12 \xd7\x91", {0}, {"\xd7\x91 abc 12 \xd7\x90"}, true},
	{"\xd7\x90 12 abc \xd7\x91", {0}, {"\xd7\x91 abc 12 \xd7\x90"}, true},
	{"\xd7\x90 abc 12 \xd7\x91", {7}, {" abc \xd7\x90", "\xd7\x91 12"}, true},
	/* a right-to-left word in a left-to-right line */
	{"say \xd7\x90\xd7\x91 now", {0}, {"say \xd7\x91\xd7\x90 now"}, false},
	{"say \xd7\x90\xd7\x91\xd7\x92 now", {6}, {"say \xd7\x90", "\xd7\x92\xd7\x91 now"}, false},
	/* whitespace ending a line takes the paragraph's direction (rule L1) */
	{"abc \xd7\x90\xd7\x91 ", {0}, {"abc \xd7\x91\xd7\x90 "}, false},
	/* each paragraph has its own direction */
	{"abc \xd7\x90\n\xd7\x91 abc", {7}, {"abc \xd7\x90", "abc \xd7\x91"}, false},
	/* a range across paragraphs: each one's runs in turn, without the '\n' */
	{"abc \xd7\x90\n\xd7\x91 abc", {0}, {"abc \xd7\x90" "abc \xd7\x91"}, false},
	/* Arabic letters and Arabic-Indic digits */
	{"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd9\xa1\xd9\xa2", {0},
	 {"\xd9\xa1\xd9\xa2 \xd9\x85\xd8\xa7\xd9\x84\xd8\xb3"}, true},
	/* text without a right-to-left character is left as it is */
	{"plain text", {0}, {"plain text"}, false},
	{"", {0}, {""}, false},
};

static void test_lines(void **state)
{
	struct bidi *b = bidi_new();

	(void)state;
	assert_non_null(b);
	for (size_t c = 0; c < sizeof line_cases / sizeof line_cases[0]; c++) {
		const struct line_case *lc = &line_cases[c];
		size_t len = strlen(lc->text), start = 0;

		assert_true(bidi_analyze(b, lc->text, len, BIDI_AUTO));
		assert_int_equal(bidi_rtl(b, 0), lc->rtl);
		for (size_t i = 0; lc->want[i]; i++) {
			size_t end = lc->breaks[i] ? lc->breaks[i] : len, order[64], n;
			char seen[256];
			size_t used = 0;

			/* a line ends before its paragraph's '\n' */
			size_t stop = end > start && lc->text[end - 1] == '\n' ? end - 1 : end;
			n = visual_offsets(b, lc->text, start, stop, order, 64);
			for (size_t k = 0; k < n; k++) {
				size_t cl = grapheme_next(lc->text, len, order[k]) - order[k];

				memcpy(seen + used, lc->text + order[k], cl);
				used += cl;
			}
			seen[used] = '\0';
			if (strcmp(seen, lc->want[i]))
				fail_msg("case %zu line %zu: got \"%s\", want \"%s\"", c, i, seen,
					 lc->want[i]);
			start = end;
			if (!lc->breaks[i])
				break;
		}
	}
	bidi_free(b);
}

/* Any bytes are accepted: malformed ones count as one character each. */
static void test_malformed(void **state)
{
	static const char text[] = "\xd7\x90\xff\xd7 a\x80\xd7\x91";
	struct bidi *b = bidi_new();
	struct bidi_line line = {0};
	size_t covered = 0;

	(void)state;
	assert_non_null(b);
	assert_true(bidi_needed(text, sizeof text - 1));
	assert_true(bidi_analyze(b, text, sizeof text - 1, BIDI_AUTO));
	assert_true(bidi_line_runs(b, 0, sizeof text - 1, &line));
	for (size_t r = 0; r < line.count; r++)
		covered += line.runs[r].end - line.runs[r].start;
	assert_int_equal(covered, sizeof text - 1);
	bidi_line_release(&line);
	bidi_free(b);
}

/* Where Arabic letters join across a point, as Unicode's joining types say: a dual-joining
 * letter before a letter joins it, alef (right-joining) joins nothing after it, a space
 * joins nothing, and a vowel mark between two letters is passed over. */
static void test_joins_at(void **state)
{
	static const struct {
		const char *text;
		size_t at;
		bool joins;
	} cases[] = {
		{"\xd8\xa8\xdb\x81", 2, true},          /* beh | heh goal */
		{"\xdb\x81\xdb\x92", 2, true},          /* heh goal | yeh barree */
		{"\xd8\xa7\xdb\x81", 2, false},         /* alef | heh goal */
		{"\xdb\x92\xd8\xa8", 2, false},         /* yeh barree | beh */
		{"\xd8\xa8 \xdb\x81", 2, false},        /* beh | space heh goal */
		{"\xd8\xa8\xd9\x8e\xdb\x81", 4, true},  /* beh fatha | heh goal */
		{"\xd8\xa8\xd9\x8e\xdb\x81", 2, true},  /* beh | fatha heh goal */
		{"ab", 1, false},
		{"\xd8\xa8", 0, false},
		{"\xd8\xa8", 2, false},
	};

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
		if (bidi_joins_at(cases[c].text, strlen(cases[c].text), cases[c].at) !=
		    cases[c].joins)
			fail_msg("case %zu: joins is not %d", c, cases[c].joins);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bidi_character_test),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_joins_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
