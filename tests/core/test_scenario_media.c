/* Tests for the checks of a scenario against its media: cues against the video's length, the
 * caption file read strictly, and captions after the end. Each case gives a scenario's cues, its
 * caption file and the video's length, and exactly the errors and warnings expected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/scenario.h"
#include "core/scenario_media.h"

/* The scenario of every case: line 5 names the video, line 6 the captions (or nothing), and
 * the cues' 'at' values are at column 11 of lines 8 and 10. */
static const char scenario_head[] =
	"rjkiosk: 1\n"
	"id: media\n"
	"title: Media\n"
	"video:\n"
	"  file: video.mp4\n"
	"  %s\n"
	"  cues:\n"
	"    - at: \"%s\"\n"
	"      step: a\n"
	"    - at: \"%s\"\n"
	"      step: b\n"
	"steps:\n"
	"  - {id: a, kind: text, text: A?}\n"
	"  - {id: b, kind: text, text: B?}\n";

struct media_case {
	const char *label;
	const char *cue_a, *cue_b;
	const char *captions;      /* the caption file's content; NULL: the scenario names none */
	int64_t length_ms;
	const char *errors[4];     /* up to the first NULL, in this order */
	const char *warnings[4];
};

#define VTT "WEBVTT\n\n"

static const struct media_case cases[] = {
	{"cues well before the end", "0:01", "0:01.5", VTT "00:00.000 --> 00:01.000\nHello\n", 3000,
	 {NULL}, {NULL}},
	{"a cue after the end", "0:01", "0:04", NULL, 3000,
	 {"m/scenario.yaml:10:11: cue at 0:04 (step 'b') is not before the end of the video, "
	  "which is 0:03 long: the video would end and the question never be asked; move the cue "
	  "earlier"}, {NULL}},
	{"a cue at the very end", "0:03", "0:01", NULL, 3000,
	 {"m/scenario.yaml:8:11: cue at 0:03 (step 'a') is not before the end of the video, "
	  "which is 0:03 long: the video would end and the question never be asked; move the cue "
	  "earlier"}, {NULL}},
	{"a cue in the last second", "0:02.5", "0:01", NULL, 3000, {NULL},
	 {"m/scenario.yaml:8:11: warning: cue at 0:02.5 (step 'a') is in the last second of the "
	  "video, which is 0:03 long: the video may end before it pauses there; move the cue a "
	  "second or more earlier"}},
	{"exactly one second before the end", "0:02", "0:01.999", NULL, 3000, {NULL},
	 {"m/scenario.yaml:8:11: warning: cue at 0:02 (step 'a') is in the last second of the "
	  "video, which is 0:03 long: the video may end before it pauses there; move the cue a "
	  "second or more earlier"}},
	{"a length with a fraction", "2:48.59", "0:01", NULL, 168600, {NULL},
	 {"m/scenario.yaml:8:11: warning: cue at 2:48.59 (step 'a') is in the last second of the "
	  "video, which is 2:48.6 long: the video may end before it pauses there; move the cue a "
	  "second or more earlier"}},
	{"length unknown: cues not measured", "9:00", "0:01", NULL, -1, {NULL}, {NULL}},
	{"an empty caption file", "0:01", "0:00.5", "", 3000,
	 {"m/captions.vtt:1:1: the file is empty"}, {NULL}},
	{"a caption file of blank lines", "0:01", "0:00.5", "\n  \n\n", 3000,
	 {"m/captions.vtt:1:1: the file is empty"}, {NULL}},
	{"a header and no captions", "0:01", "0:00.5", VTT, 3000,
	 {"m/captions.vtt:1:1: the file holds no captions"}, {NULL}},
	{"a broken caption file", "0:01", "0:00.5",
	 VTT "00:00 --> 00:01.000\nOne\n\n00:02.000 --> 00:01.000\nTwo\n\nThree\n", 3000,
	 {"m/captions.vtt:3:1: cannot read the times in '00:00 --> 00:01.000' (expected a line "
	  "like '00:01:02.500 --> 00:01:05.000'); cue skipped",
	  "m/captions.vtt:6:1: cue ends before or when it starts (at 0:00:02.000); cue skipped",
	  "m/captions.vtt:9:1: text without a timing line; skipped",
	  "m/captions.vtt:1:1: no captions could be read from this file"}, {NULL}},
	{"problems read anyway are warnings", "0:01", "0:00.5",
	 "00:00.000 --> 00:01.000\nOne\n00:01.000 --> 00:02.000\nTwo\n", 3000, {NULL},
	 {"m/captions.vtt:1:1: warning: the first line is not 'WEBVTT'; read anyway",
	  "m/captions.vtt:3:1: warning: no blank line before this cue"}},
	{"a line that is not UTF-8", "0:01", "0:00.5", VTT "00:00.000 --> 00:01.000\nca\xe7\x61\n",
	 3000, {"m/captions.vtt:4:3: not valid UTF-8 text; line skipped",
		"m/captions.vtt:1:1: no captions could be read from this file"}, {NULL}},
	{"a caption after the end", "0:01", "0:00.5",
	 VTT "00:02.500 --> 00:04.000\nShown\n\n00:03.000 --> 00:04.000\nNever shown\n", 3000,
	 {NULL}, {"m/captions.vtt:6:1: warning: this caption starts at 0:03, not before the end "
		  "of the video, which is 0:03 long: it is never shown"}},
};

static void write_file(const char *dir, const char *name, const char *content)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void assert_messages(const struct rjk_diags *got, const char *const *want)
{
	size_t n = 0;

	while (n < 4 && want[n])
		n++;
	for (size_t i = 0; i < got->count && i < n; i++)
		assert_string_equal(got->items[i], want[i]);
	for (size_t i = n; i < got->count; i++)
		print_error("unexpected: %s\n", got->items[i]);
	assert_int_equal(got->count, n);
}

static void test_cases(void **state)
{
	char dir[] = "/tmp/rjk-media-check-XXXXXX";

	assert_non_null(mkdtemp(dir));
	write_file(dir, "video.mp4", "not read by these tests\n");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct media_case *c = &cases[i];
		struct rjk_diags diags = {0}, errors = {0}, warnings = {0};
		char yaml[2048];
		struct scenario *s;

		print_message("%s\n", c->label);
		snprintf(yaml, sizeof yaml, scenario_head,
			 c->captions ? "captions: captions.vtt" : "skip_ahead: false", c->cue_a,
			 c->cue_b);
		if (c->captions)
			write_file(dir, "captions.vtt", c->captions);
		s = scenario_load_buffer("m/scenario.yaml", dir, yaml, strlen(yaml), &diags);
		for (size_t k = 0; k < diags.count; k++)
			print_error("%s\n", diags.items[k]);
		assert_non_null(s);
		scenario_media_check(s, c->length_ms, &errors, &warnings);
		assert_messages(&errors, c->errors);
		assert_messages(&warnings, c->warnings);
		scenario_free(s);
		rjk_diags_release(&errors);
		rjk_diags_release(&warnings);
	}
	for (const char *const *name = (const char *const[]){"video.mp4", "captions.vtt", NULL};
	     *name; name++) {
		char path[512];

		snprintf(path, sizeof path, "%s/%s", dir, *name);
		unlink(path);
	}
	rmdir(dir);
}

static void test_times(void **state)
{
	static const struct {
		int64_t ms;
		const char *text;
	} times[] = {
		{0, "0:00"}, {3000, "0:03"}, {2500, "0:02.5"}, {168600, "2:48.6"}, {9960, "0:09.96"},
		{1001, "0:01.001"}, {3723004, "1:02:03.004"},
	};
	char out[16];

	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++)
		assert_string_equal(scenario_media_time(times[i].ms, out, sizeof out), times[i].text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
