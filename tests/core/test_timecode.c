/* Video times as authors write them in cues and as the UI shows them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <string.h>

#include "core/timecode.h"

static const struct {
	const char *text;
	int64_t ms;     /* -1: refused */
} parse_cases[] = {
	{"0:00", 0},
	{"0:45", 45000},
	{"1:30", 90000},
	{"12:05", 725000},
	{"75:00", 4500000},
	{"999:59", 59999000},
	{"1:02:03", 3723000},
	{"0:01:30", 90000},
	{"99:59:59.999", 100LL * 3600000 - 1},
	{"1:30.5", 90500},
	{"1:30.05", 90050},
	{"1:30.250", 90250},
	{"0:00:10.1", 10100},
	{"", -1},
	{"90", -1},          /* seconds alone are ambiguous */
	{"1:5", -1},         /* seconds need two digits */
	{"1:60", -1},
	{"1:00:60", -1},
	{"1:60:00", -1},
	{"1:2:03", -1},
	{"100:00:00", -1},
	{"1000:00", -1},
	{"1:30.", -1},
	{"1:30.1234", -1},
	{"-0:10", -1},
	{"+0:10", -1},
	{" 1:30", -1},
	{"1:30 ", -1},
	{"1:30:00:00", -1},
	{"ten", -1},
	{"1:3O", -1},
	{":30", -1},
};

static void parse_table(void **state)
{
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		int64_t ms = -7;
		bool ok = timecode_parse(parse_cases[i].text, &ms);
		if (ok != (parse_cases[i].ms >= 0) || (ok && ms != parse_cases[i].ms))
			fail_msg("'%s': got %d / %lld", parse_cases[i].text, ok, (long long)ms);
	}
}

/* Each time as the screens and check show it (m:ss, rounded down) and as exports and caption
 * messages write it (exact). */
static const struct {
	int64_t ms;
	const char *shown, *exact;
} format_cases[] = {
	{0, "0:00", "0:00:00.000"},
	{999, "0:00", "0:00:00.999"},
	{59999, "0:59", "0:00:59.999"},
	{60000, "1:00", "0:01:00.000"},
	{151000, "2:31", "0:02:31.000"},
	{3599999, "59:59", "0:59:59.999"},
	{3600000, "1:00:00", "1:00:00.000"},
	{3723000, "1:02:03", "1:02:03.000"},
	{3723045, "1:02:03", "1:02:03.045"},
	{-5000, "0:00", "0:00:00.000"},
	/* one rounding everywhere: down to the second, never to the nearest */
	{113000, "1:53", "0:01:53.000"},
	{113499, "1:53", "0:01:53.499"},
	{113500, "1:53", "0:01:53.500"},
	{113999, "1:53", "0:01:53.999"},
	{114000, "1:54", "0:01:54.000"},
	{3599500, "59:59", "0:59:59.500"},
	{TIMECODE_MAX_MS, "99:59:59", "99:59:59.999"},
};

static void format_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
		char out[24];
		assert_string_equal(timecode_format(format_cases[i].ms, out, sizeof out),
				    format_cases[i].shown);
		assert_string_equal(timecode_format_ms(format_cases[i].ms, out, sizeof out),
				    format_cases[i].exact);
	}
	/* what is shown parses back to the same second */
	char out[16];
	int64_t ms;
	assert_true(timecode_parse(timecode_format(3723456, out, sizeof out), &ms));
	assert_int_equal(ms, 3723000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_table),
		cmocka_unit_test(format_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
