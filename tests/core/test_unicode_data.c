/* Unicode's own conformance data against the kiosk's text segmentation: every line of
 * GraphemeBreakTest.txt against core/grapheme, every line of LineBreakTest.txt against
 * core/linebreak (Debian's unicode-data package; the versions are printed). Where
 * libunistring's line breaking knowingly differs from the test file, the difference is listed
 * below with its reason; any other difference fails, and so does a listed one that no line
 * shows any more (the list is then out of date). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistring/version.h>

#include "core/grapheme.h"
#include "core/linebreak.h"
#include "core/utf8.h"

#define MAX_CPS 256

/* One test line: code points, whether a boundary lies before each (breaks[n] is the end), and
 * from the comment the rule cited at each position and each character's class. */
struct test_line {
	int number;
	size_t n;
	uint32_t cps[MAX_CPS];
	bool breaks[MAX_CPS + 1];
	char rules[MAX_CPS + 1][12];
	char classes[MAX_CPS][24];
	char utf8[MAX_CPS * 4];
	size_t offsets[MAX_CPS + 1]; /* byte offset of each code point, and of the end */
};

/* The Unicode version the library's tables and rules follow, for the report. */
static const char *library_unicode_version(void)
{
	switch (_libunistring_version) {
	case 0x010000:
		return "14.0.0";
	default:
		return "(not known to this test)";
	}
}

/* Reads the "# GraphemeBreakTest-15.0.0.txt" first line into version. */
static FILE *open_data(const char *name, char *version, size_t size)
{
	char path[512], first[256];
	snprintf(path, sizeof path, "%s/%s", RJK_UNICODE_DATA, name);
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("%s: cannot open (scripts/setup.sh installs unicode-data)", path);
	assert_non_null(fgets(first, sizeof first, f));
	const char *dash = strchr(first, '-');
	const char *dot = strstr(first, ".txt");
	assert_true(dash && dot && dot > dash && (size_t)(dot - dash) < size);
	memcpy(version, dash + 1, (size_t)(dot - dash - 1));
	version[dot - dash - 1] = '\0';
	return f;
}

/* The class written in the last "(...)" of s[0..len). */
static void last_class(const char *s, size_t len, char *out, size_t size)
{
	out[0] = '\0';
	const char *open = NULL;
	for (const char *p = s; p < s + len; p++)
		if (*p == '(')
			open = p;
	if (!open)
		return;
	const char *close = memchr(open, ')', (size_t)(s + len - open));
	if (close && (size_t)(close - open) < size) {
		memcpy(out, open + 1, (size_t)(close - open - 1));
		out[close - open - 1] = '\0';
	}
}

/* Parses "÷ 0020 × 0308 ÷ # ÷ [0.2] SPACE (Other) × [9.0] ..." into line; false for a blank
 * or comment line. */
static bool parse_line(char *text, struct test_line *line)
{
	char *comment = strchr(text, '#');
	if (comment)
		*comment++ = '\0';
	line->n = 0;
	char *p = text;
	for (;;) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0')
			break;
		if (!strncmp(p, "\xC3\xB7", 2) || !strncmp(p, "\xC3\x97", 2)) {
			assert_true(line->n <= MAX_CPS);
			line->breaks[line->n] = p[1] == '\xB7';
			p += 2;
			continue;
		}
		char *end;
		unsigned long cp = strtoul(p, &end, 16);
		assert_true(end > p && line->n < MAX_CPS);
		line->cps[line->n++] = (uint32_t)cp;
		p = end;
	}
	if (line->n == 0)
		return false;
	size_t len = 0;
	for (size_t i = 0; i < line->n; i++) {
		line->offsets[i] = len;
		len += utf8_encode(line->cps[i], line->utf8 + len);
	}
	line->offsets[line->n] = len;
	/* The comment cites a rule at each of the n + 1 positions; a class follows each of the
	 * first n. */
	size_t k = 0;
	for (char *q = comment ? strchr(comment, '[') : NULL; q && k <= line->n; k++) {
		char *close = strchr(q, ']');
		assert_non_null(close);
		snprintf(line->rules[k], sizeof line->rules[k], "%.*s", (int)(close - q - 1), q + 1);
		char *next = strchr(close, '[');
		if (k < line->n)
			last_class(close, next ? (size_t)(next - close) : strlen(close),
				   line->classes[k], sizeof line->classes[k]);
		q = next;
	}
	assert_int_equal(k, line->n + 1);
	return true;
}

static void print_line(const struct test_line *line, const char *name, size_t at,
		       bool got)
{
	char text[MAX_CPS * 8 + 16] = "";
	size_t used = 0;
	for (size_t i = 0; i < line->n; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%04X",
					 i ? " " : "", (unsigned)line->cps[i]);
	print_message("%s:%d: %s: %s before code point %zu (rule %s), expected %s\n", name,
		      line->number, text, got ? "break" : "no break", at, line->rules[at],
		      line->breaks[at] ? "break" : "no break");
}

/* Every offset of the line's UTF-8 text through the grapheme API: 0 when all agree, else 2
 * (and a report of the first disagreement). */
static int check_grapheme_line(const struct test_line *line, char *scratch)
{
	(void)scratch;
	const char *s = line->utf8;
	size_t len = line->offsets[line->n];
	size_t i = 0, floor = 0;
	for (size_t off = 0; off <= len; off++) {
		bool at_cp = off == line->offsets[i];
		bool expected = at_cp && (off == 0 || off == len || line->breaks[i]);
		if (expected)
			floor = off;
		if (grapheme_is_boundary(s, len, off) != expected ||
		    grapheme_floor(s, len, off) != floor) {
			print_line(line, "GraphemeBreakTest.txt", i, !expected);
			return 2;
		}
		if (at_cp)
			i++;
	}
	/* next and prev walk the same boundaries */
	size_t at = 0, b = 0;
	while (at < len) {
		do
			b++;
		while (b < line->n && !line->breaks[b]);
		at = grapheme_next(s, len, at);
		if (at != line->offsets[b]) {
			print_line(line, "GraphemeBreakTest.txt (grapheme_next)", b, false);
			return 2;
		}
	}
	b = line->n;
	while (at > 0) {
		do
			b--;
		while (b > 0 && !line->breaks[b]);
		at = grapheme_prev(s, len, at);
		if (at != line->offsets[b]) {
			print_line(line, "GraphemeBreakTest.txt (grapheme_prev)", b, false);
			return 2;
		}
	}
	return 0;
}

/* Checks every line of auxiliary/NAME.txt in RJK_UNICODE_DATA with check (0: the line
 * agrees, 1: it differs only as listed, 2: otherwise), which gets a scratch buffer for a
 * line's UTF-8; counts[r] receives the number of lines for each result. Prints them with the
 * file's and the library's versions, and returns the number of lines. */
static int check_file(const char *name, int (*check)(const struct test_line *line,
						     char *scratch), int counts[3])
{
	char text[8192], path[64], version[32];
	snprintf(path, sizeof path, "auxiliary/%s.txt", name);
	FILE *f = open_data(path, version, sizeof version);
	struct test_line *line = malloc(sizeof *line);
	char *scratch = malloc(sizeof line->utf8);
	assert_true(line && scratch);
	int number = 1, lines = 0; /* open_data read line 1 */
	while (fgets(text, sizeof text, f)) {
		line->number = ++number;
		if (!parse_line(text, line))
			continue;
		lines++;
		counts[check(line, scratch)]++;
	}
	fclose(f);
	free(line);
	free(scratch);
	print_message("%s-%s.txt: %d lines, %d match, %d differ as listed, %d otherwise "
		      "(libunistring %d.%d, which implements Unicode %s)\n", name, version, lines,
		      counts[0], counts[1], counts[2], _libunistring_version >> 16,
		      (_libunistring_version >> 8) & 0xFF, library_unicode_version());
	return lines;
}

static void test_grapheme_break_test(void **state)
{
	(void)state;
	int counts[3] = {0};
	assert_true(check_file("GraphemeBreakTest", check_grapheme_line, counts) > 500);
	assert_int_equal(counts[2], 0);
}

/* True when c starts with cls followed by nothing, digits or '_'. */
static bool names_class(const char *c, const char *cls)
{
	size_t n = strlen(cls);
	if (strncmp(c, cls, n) != 0)
		return false;
	c += n;
	while (*c >= '0' && *c <= '9')
		c++;
	return *c == '\0' || *c == '_';
}

/* The class of a line's code point as the test file writes it, or as it resolves it ("CJ_NS"
 * is NS, "OP_OP30" is OP, "CM1_CM" is CM). */
static bool class_is(const struct test_line *line, size_t i, const char *cls)
{
	const char *c = line->classes[i];
	const char *resolved = strrchr(c, '_');
	return names_class(c, cls) || (resolved && names_class(resolved + 1, cls));
}

static bool is_mark(const struct test_line *line, size_t i)
{
	return class_is(line, i, "CM") || class_is(line, i, "ZWJ");
}

/* The character LB9 attaches the marks before position at to (the last one that is not a
 * combining mark or ZWJ), or at itself when there is none. */
static size_t base_before(const struct test_line *line, size_t at)
{
	size_t i = at - 1;
	while (i > 0 && is_mark(line, i))
		i--;
	return i;
}

static bool any_position(const struct test_line *line, size_t at)
{
	(void)line, (void)at;
	return true;
}

/* Only spaces since the start of the text or a mandatory break. */
static bool after_leading_spaces(const struct test_line *line, size_t at)
{
	size_t i = at;
	while (i > 0 && line->cps[i - 1] == ' ')
		i--;
	if (i == at)
		return false;
	if (i == 0)
		return true;
	uint32_t c = line->cps[i - 1];
	return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static bool next_to_object_replacement(const struct test_line *line, size_t at)
{
	return line->cps[at] == 0xFFFC || line->cps[base_before(line, at)] == 0xFFFC;
}

/* A pair that UAX #14's default LB25 keeps together. */
static bool default_lb25_pair(const struct test_line *line, size_t at)
{
	static const char *const pairs[][2] = {
		{"CL", "PO"}, {"CP", "PO"}, {"CL", "PR"}, {"CP", "PR"}, {"NU", "PO"},
		{"NU", "PR"}, {"PO", "OP"}, {"PO", "NU"}, {"PR", "OP"}, {"PR", "NU"},
		{"HY", "NU"}, {"IS", "NU"}, {"NU", "NU"}, {"SY", "NU"},
	};
	size_t b = base_before(line, at);
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
		if (class_is(line, b, pairs[k][0]) && class_is(line, at, pairs[k][1]))
			return true;
	return false;
}

static bool mark_after_spaces(const struct test_line *line, size_t at)
{
	return is_mark(line, at) && line->cps[at - 1] == ' ';
}

/* ')' or ']' (CP), spaces, and a nonstarter. */
static bool close_paren_spaces_nonstarter(const struct test_line *line, size_t at)
{
	size_t i = at;
	while (i > 0 && line->cps[i - 1] == ' ')
		i--;
	return i > 0 && class_is(line, base_before(line, i), "CP") && class_is(line, at, "NS");
}

static bool regional_with_mark(const struct test_line *line, size_t at)
{
	return class_is(line, at, "RI") && is_mark(line, at - 1) &&
	       class_is(line, base_before(line, at), "RI");
}

/* Where Debian 12's libunistring (1.0) and LineBreakTest.txt (15.0.0) part. None comes from a
 * rule Unicode changed between 14.0 (the library's) and 15.0 (the test file's): each is a
 * choice or a bug of the library, or a tailoring of the test file. */
static struct known_difference {
	const char *rule;  /* the rule LineBreakTest.txt cites at the position */
	bool test_breaks;  /* the test file's answer (the library gives the other) */
	bool (*holds)(const struct test_line *line, size_t at);
	const char *reason;
	int count;
} known[] = {
	{"18.0", true, after_leading_spaces,
	 "libunistring takes the start of the text for the start of a line after a mandatory "
	 "break, and no break follows spaces there (LB4 to LB6 come before LB18); its own "
	 "conformance test skips these positions. textwrap.c relies on it: leading spaces stay "
	 "with the word after them.", 0},
	{"20.01", true, next_to_object_replacement,
	 "U+FFFC (CB) is resolved outside the algorithm (LB1): libunistring resolves it rather "
	 "than break around it by LB20, and its own conformance test skips these positions.", 0},
	{"20.02", true, next_to_object_replacement, "as for rule 20.01", 0},
	{"999.0", true, default_lb25_pair,
	 "the test file tailors LB25 as UAX #14's Example 7 (its header says so); libunistring "
	 "1.0 implements LB25's default pairs, which keep ')' '%' or '$' '(' together without a "
	 "digit after them.", 0},
	{"29.0", false, any_position,
	 "libunistring 1.0 leaves out LB29 (no break between IS and AL or HL) on purpose, to "
	 "break before the '</P>' of '<P>Sentence.</P>'; gnulib enabled it on 2024-09-15.", 0},
	{"14.0", false, mark_after_spaces,
	 "libunistring 1.0 breaks before a combining mark or ZWJ after '(' and spaces, which LB10 "
	 "makes AL and LB14 keeps with the '('; gnulib reworked LB9 and LB14 on 2024-09-15.", 0},
	{"16.0", false, close_paren_spaces_nonstarter,
	 "libunistring 1.0's LB16 table entry reads CL x CP where the rule says CP x NS (fixed in "
	 "gnulib on 2024-09-15), so it breaks between ')' and spaces and a nonstarter.", 0},
	{"30.11", false, regional_with_mark,
	 "libunistring 1.0 does not count a regional indicator carrying a combining mark (LB9) "
	 "towards LB30a's pairs; its own conformance test calls such text nonsense and skips "
	 "it.", 0},
};

static struct known_difference *explain(const struct test_line *line, size_t at)
{
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
		if (!strcmp(known[k].rule, line->rules[at]) &&
		    known[k].test_breaks == line->breaks[at] && known[k].holds(line, at))
			return &known[k];
	return NULL;
}

/* Compares one line; returns 1 when it differs only as listed, 2 when otherwise, 0 when it
 * matches. */
static int check_line_breaks(const struct test_line *line, char *out)
{
	size_t len = line->offsets[line->n];
	linebreak_find(line->utf8, len, out);
	int result = 0;
	size_t i = 0;
	for (size_t off = 1; off < len; off++) {
		if (off != line->offsets[i + 1]) {
			if (out[off] != LINEBREAK_NONE) {
				print_message("LineBreakTest.txt:%d: break inside a character\n",
					      line->number);
				return 2;
			}
			continue;
		}
		i++;
		bool got = out[off] != LINEBREAK_NONE;
		if (got == line->breaks[i])
			continue;
		struct known_difference *why = explain(line, i);
		if (!why) {
			print_line(line, "LineBreakTest.txt", i, got);
			return 2;
		}
		why->count++;
		result = 1;
	}
	return result;
}

static void test_line_break_test(void **state)
{
	(void)state;
	int counts[3] = {0};
	assert_true(check_file("LineBreakTest", check_line_breaks, counts) > 7000);
	int stale = 0;
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
		print_message("  rule %s: %d positions: %s\n", known[k].rule, known[k].count,
			      known[k].reason);
		stale += known[k].count == 0;
	}
	assert_int_equal(counts[2], 0);
	assert_int_equal(stale, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grapheme_break_test),
		cmocka_unit_test(test_line_break_test),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
