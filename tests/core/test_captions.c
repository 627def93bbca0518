/* Tests for the caption reader: every file in the table gives exactly these cues and warnings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/captions.h"
#include "core/utf8.h"

#define DATA RJK_TEST_DATA "/captions/"
#define BYTES(s) s, sizeof(s) - 1
#define LIKE "(expected a line like '00:01:02.500 --> 00:01:05.000'); cue skipped"

struct expect_cue {
	int64_t start, end;
	const char *text;
};

struct file_case {
	const char *name;  /* a file in tests/data/captions, or the name given to data */
	const char *data;  /* bytes parsed from memory instead of a file, when not NULL */
	size_t len;
	struct expect_cue cues[6];  /* up to the first with text NULL */
	const char *warnings[8];    /* up to the first NULL, in this order */
};

static const struct file_case cases[] = {
	{"basic.srt", NULL, 0, {
		{1000, 4000, "Two constables stopped two men."},
		{4500, 7250, "The bullet passed close to\nthe officer's spine."},
		{62000, 65000, "A dot before the milliseconds works too."},
	}, {NULL}},
	{"basic.vtt", NULL, 0, {
		{1000, 4000, "Hours may be left out."},
		{5000, 6500, "A speaker tag\nsecond line"},
		{3723004, 3725000, "Hours can be written too."},
	}, {NULL}},
	{"tags.vtt", NULL, 0, {
		{1000, 2000, "Bold, italic and underlined\nclasses and karaoke"},
		{2000, 3000, "Fish & chips <3 > a\u00a0b\nit's \u263a &copy; &amp a < b > c"},
		{3000, 4000, "spaced   out\n\u6f22kan"},
	}, {NULL}},
	{"crlf_bom.srt", NULL, 0, {
		{1000, 2000, "Windows line ends\nand a byte order mark"},
		{2000, 3000, "Top"},
	}, {NULL}},
	{"broken.srt", NULL, 0, {
		{1000, 2000, "Good first cue"},
		{7000, 8000, "Good cue with no blank line after it"},
		{8000, 9000, "Good cue after the missing blank line\nstill this cue"},
	}, {
		"broken.srt:6:1: cannot read the times in '00:00:03 --> 00:00:04,000' " LIKE,
		"broken.srt:10:1: cue ends before or when it starts (at 0:00:06.000); cue skipped",
		"broken.srt:13:1: text without a timing line; skipped",
		"broken.srt:19:1: no blank line before this cue",
		"broken.srt:21:1: not valid UTF-8 text; line skipped",
		"broken.srt:25:1: cannot read the times in '00:00:61,000 --> 00:01:02,000' " LIKE,
	}},
	{"no_header.vtt", NULL, 0, {
		{1000, 2000, "No header"},
	}, {"no_header.vtt:1:1: the first line is not 'WEBVTT'; read anyway"}},
	{"cr_only.vtt", BYTES("WEBVTT\r\r00:01.000 --> 00:02.000\rOld Mac line ends\r"), {
		{1000, 2000, "Old Mac line ends"},
	}, {NULL}},
	{"empty.srt", BYTES(""), {{0}}, {"empty.srt:1:1: the file is empty"}},
	{"nul.srt", BYTES("1\n00:00:01,000 --> 00:00:02,000\nbad\0line\nkept\n"), {
		{1000, 2000, "kept"},
	}, {"nul.srt:3:4: not valid UTF-8 text; line skipped"}},
	{"no_gap.vtt", BYTES("WEBVTT\n00:00.000 --> 00:01.000\nright after the header\n"), {
		{0, 1000, "right after the header"},
	}, {NULL}},
	{"empty_cue.vtt", BYTES("WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\nx"), {
		{2000, 3000, "x"},
	}, {NULL}},
	{"unsorted.srt", BYTES("1\n00:00:05,000 --> 00:00:06,000\nsecond\n\n"
			       "2\n00:00:01,000 --> 00:00:02,000\nfirst\n"), {
		{1000, 2000, "first"},
		{5000, 6000, "second"},
	}, {NULL}},
	{"long_hours.srt", BYTES("1\n1234567:00:00,000 --> 1234567:00:01,000\ntoo long\n\n"
				 "2\n999999:00:00,000 --> 999999:00:01,000\nlongest\n"), {
		{3599996400000, 3599996401000, "longest"},
	}, {"long_hours.srt:2:1: cannot read the times in '1234567:00:00,000 --> 1234567:00:01,000' "
	    LIKE}},
	/* Control characters and separators, written or as references, are never drawn as
	 * boxes; a timing line quoted in a warning shows them escaped, never raw. */
	{"controls.vtt", BYTES("WEBVTT\n\n00:01.000 --> 00:02.000\n"
			       "a\x1b[31mb\xc2\x85" "c\xc2\x9b" "d&#x85;&#127;&#x9B;\n"
			       "line\xe2\x80\xa8" "separator&#x2029;end\n\n"
			       "00:03.000 --> 00:0\x1b]0;x\x07" "4.000\nskipped\n"), {
		{1000, 2000, "a[31mbcd&#x85;&#127;&#x9B;\nline separator end"},
	}, {"controls.vtt:7:1: cannot read the times in '00:03.000 --> 00:0\\x1B]0;x\\x074.000' "
	    LIKE}},
	{"binary.vtt", BYTES("\x7f" "ELF\x02\x01\x01\0\0\0\n\xff\xff\n\x89PNG\r\n"), {{0}}, {
		"binary.vtt:1:1: the first line is not 'WEBVTT'; read anyway",
		"binary.vtt:1:8: not valid UTF-8 text; line skipped",
		"binary.vtt:2:1: not valid UTF-8 text; line skipped",
		"binary.vtt:3:1: not valid UTF-8 text; line skipped",
		"binary.vtt:1:1: no captions could be read from this file",
	}},
};

/* Warnings carry the path as given; compare them without the data folder. */
static const char *short_name(const char *msg)
{
	return strncmp(msg, DATA, strlen(DATA)) ? msg : msg + strlen(DATA);
}

static void test_files(void **state)
{
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct file_case *fc = &cases[c];
		struct rjk_diags warnings = {0};
		struct rjk_error err = {{0}};
		struct captions *captions;
		if (fc->data) {
			captions = captions_parse(fc->name, fc->data, fc->len, &warnings);
		} else {
			char path[512];
			snprintf(path, sizeof path, DATA "%s", fc->name);
			captions = captions_load(path, &warnings, &err);
		}
		print_message("%s\n", fc->name);
		assert_non_null(captions);
		size_t n = 0;
		while (n < 6 && fc->cues[n].text)
			n++;
		for (size_t i = 0; i < captions->count && i < n; i++) {
			assert_int_equal(captions->cues[i].start_ms, fc->cues[i].start);
			assert_int_equal(captions->cues[i].end_ms, fc->cues[i].end);
			assert_string_equal(captions->cues[i].text, fc->cues[i].text);
		}
		assert_int_equal(captions->count, n);
		size_t w = 0;
		while (w < 8 && fc->warnings[w])
			w++;
		for (size_t i = 0; i < warnings.count && i < w; i++)
			assert_string_equal(short_name(warnings.items[i]), fc->warnings[i]);
		assert_int_equal(warnings.count, w);
		captions_free(captions);
		rjk_diags_release(&warnings);
	}
}

struct lookup {
	int64_t ms;
	const char *showing[4]; /* texts of the cues shown, in start order */
	int64_t next_change;
};

static const struct lookup lookups[] = {
	{-5, {NULL}, 0},
	{0, {"Long cue"}, 2000},
	{1000, {"Long cue"}, 2000},
	{2000, {"Long cue", "Short cue inside"}, 3000},
	{3500, {"Long cue", "Short cue inside", "Third overlapping"}, 4000},
	{4000, {"Long cue", "Third overlapping"}, 5000},
	{5000, {"Long cue"}, 10000},
	{10000, {NULL}, 20000},
	{15000, {NULL}, 20000},
	{20000, {"Later"}, 21000},
	{21000, {NULL}, -1},
};

static void test_overlapping_lookup(void **state)
{
	struct captions *captions = captions_load(DATA "overlap.vtt", NULL, NULL);
	assert_non_null(captions);
	for (size_t l = 0; l < sizeof lookups / sizeof lookups[0]; l++) {
		const struct lookup *lk = &lookups[l];
		const struct caption_cue *out[4];
		size_t want = 0;
		while (want < 4 && lk->showing[want])
			want++;
		print_message("at %lld\n", (long long)lk->ms);
		assert_int_equal(captions_at(captions, lk->ms, out, 4), want);
		for (size_t i = 0; i < want; i++)
			assert_string_equal(out[i]->text, lk->showing[i]);
		assert_int_equal(captions_next_change(captions, lk->ms), lk->next_change);
	}
	/* A short out array still gets the true count. */
	const struct caption_cue *one[1];
	assert_int_equal(captions_at(captions, 3500, one, 1), 3);
	assert_string_equal(one[0]->text, "Long cue");
	captions_free(captions);
	assert_int_equal(captions_at(NULL, 0, one, 1), 0);
	assert_int_equal(captions_next_change(NULL, 0), -1);
}

/* Binary search against a plain scan, over many random overlapping cues. */
static void test_lookup_matches_scan(void **state)
{
	enum { CUES = 2000 };
	char *text = malloc(CUES * 64 + 16);
	assert_non_null(text);
	size_t len = (size_t)sprintf(text, "WEBVTT\n");
	srand(7);
	for (int i = 0; i < CUES; i++) {
		int start = rand() % 600000, dur = 1 + rand() % (i % 10 ? 4000 : 60000);
		len += (size_t)sprintf(text + len, "\n%02d:%02d.%03d --> %02d:%02d.%03d\n%d\n",
				       start / 60000, start / 1000 % 60, start % 1000,
				       (start + dur) / 60000, (start + dur) / 1000 % 60,
				       (start + dur) % 1000, i);
	}
	struct rjk_diags warnings = {0};
	struct captions *captions = captions_parse("random.vtt", text, len, &warnings);
	assert_non_null(captions);
	assert_int_equal(warnings.count, 0);
	assert_int_equal(captions->count, CUES);
	for (int t = 0; t < 3000; t++) {
		int64_t ms = rand() % 700000 - 1000;
		const struct caption_cue *out[64];
		size_t found = captions_at(captions, ms, out, 64), want = 0;
		int64_t next = -1;
		for (size_t i = 0; i < captions->count; i++) {
			const struct caption_cue *cue = &captions->cues[i];
			if (cue->start_ms <= ms && ms < cue->end_ms) {
				if (want < 64)
					assert_ptr_equal(out[want], cue);
				want++;
			}
			int64_t edge = cue->start_ms > ms ? cue->start_ms
				     : cue->end_ms > ms ? cue->end_ms : -1;
			if (edge >= 0 && (next < 0 || edge < next))
				next = edge;
		}
		assert_int_equal(found, want);
		assert_int_equal(captions_next_change(captions, ms), next);
	}
	captions_free(captions);
	rjk_diags_release(&warnings);
	free(text);
}

/* A file that is wrong on every line lists the first problems and counts the rest. */
static void test_warnings_are_capped(void **state)
{
	char text[200 * 16];
	size_t len = 0;
	for (int i = 0; i < 200; i++)
		len += (size_t)sprintf(text + len, "junk %d\n\n", i);
	struct rjk_diags warnings = {0};
	struct captions *captions = captions_parse("junk.srt", text, len, &warnings);
	assert_non_null(captions);
	assert_int_equal(captions->count, 0);
	assert_int_equal(warnings.count, 51);
	assert_string_equal(warnings.items[0], "junk.srt:1:1: text without a timing line; skipped");
	assert_string_equal(warnings.items[50], "junk.srt: 151 more problems not listed");
	captions_free(captions);
	rjk_diags_release(&warnings);
}

/* Unclosed '<' and '{\' are kept as text, and a long line of them reads in linear time. */
static void test_unclosed_tags_are_text(void **state)
{
	enum { PAIRS = 1000000 };
	const char head[] = "1\n00:00:01,000 --> 00:00:02,000\n";
	size_t len = sizeof head - 1 + 2 * PAIRS;
	char *text = malloc(len);
	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	for (size_t i = 0; i < PAIRS; i++)
		memcpy(text + sizeof head - 1 + 2 * i, i % 2 ? "{\\" : "<a", 2);
	struct captions *captions = captions_parse("unclosed.srt", text, len, NULL);
	assert_non_null(captions);
	assert_int_equal(captions->count, 1);
	assert_int_equal(strlen(captions->cues[0].text), 2 * PAIRS);
	assert_memory_equal(captions->cues[0].text, "<a{\\<a", 5);
	captions_free(captions);
	free(text);
}

static void test_load_errors(void **state)
{
	struct rjk_error err = {{0}};
	assert_null(captions_load(DATA "missing.vtt", NULL, &err));
	assert_string_equal(err.message, DATA "missing.vtt: cannot open the caption file: "
			    "No such file or directory");
	assert_null(captions_load(DATA, NULL, &err));
	assert_string_equal(err.message, DATA ": not a caption file (not a regular file)");

	/* A named pipe is refused at once rather than waited on; the alarm fails a hang. */
	char pipe[] = "/tmp/rjk-captions-pipe-XXXXXX";
	assert_non_null(mkdtemp(pipe));
	char fifo[sizeof pipe + 16];
	snprintf(fifo, sizeof fifo, "%s/c.vtt", pipe);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(10);
	assert_null(captions_load(fifo, NULL, &err));
	alarm(0);
	char want_pipe[sizeof fifo + 64];
	snprintf(want_pipe, sizeof want_pipe, "%s: not a caption file (not a regular file)", fifo);
	assert_string_equal(err.message, want_pipe);
	unlink(fifo);
	rmdir(pipe);

	char path[] = "/tmp/rjk-captions-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, CAPTIONS_MAX_FILE_BYTES + 1), 0);
	close(fd);
	assert_null(captions_load(path, NULL, &err));
	char want[256];
	snprintf(want, sizeof want, "%s: caption file too large (5242881 bytes; the limit is "
		 "5 MiB)", path);
	assert_string_equal(err.message, want);
	unlink(path);

	char byte = 0;
	assert_null(captions_parse("big.vtt", &byte, CAPTIONS_MAX_FILE_BYTES + 1, NULL));
	captions_free(NULL);
}

/* The bundled sample's captions read cleanly and stay short enough to read in time. */
static void test_sample_captions(void **state)
{
	struct rjk_diags warnings = {0};
	struct rjk_error err = {{0}};
	struct captions *captions = captions_load(RJK_SCENARIOS "/sample/sample.vtt", &warnings,
						  &err);
	assert_non_null(captions);
	assert_int_equal(warnings.count, 0);
	assert_true(captions->count >= 20);
	for (size_t i = 0; i < captions->count; i++) {
		const struct caption_cue *cue = &captions->cues[i];
		if (i)
			assert_true(cue->start_ms >= captions->cues[i - 1].end_ms);
		assert_true(cue->end_ms <= 3 * 60 * 1000);
		int lines = 0;
		for (const char *line = cue->text; line; lines++) {
			const char *nl = strchr(line, '\n');
			size_t n = nl ? (size_t)(nl - line) : strlen(line);
			assert_true(utf8_count(line, n) <= 42);
			line = nl ? nl + 1 : NULL;
		}
		assert_true(lines <= 2);
	}
	captions_free(captions);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_overlapping_lookup),
		cmocka_unit_test(test_lookup_matches_scan),
		cmocka_unit_test(test_warnings_are_capped),
		cmocka_unit_test(test_unclosed_tags_are_text),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_sample_captions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
