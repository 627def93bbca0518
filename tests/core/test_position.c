/* Tests of the stored position: every kind written and read back, and the texts earlier
 * releases wrote (tests/data/schema) read as they were meant. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/position.h"

static const char long_id[] =
	"a-step-id-of-the-longest-length-a-scenario-allows-sixty-four-cha";

/* Every kind: the struct, its stored text, and back. */
static void test_every_kind_is_written_and_read_back(void **state)
{
	static const struct {
		struct position pos;
		const char *text;
	} rows[] = {
		{{POSITION_NOTE, 0, NULL}, "note"},
		{{POSITION_VIDEO, 0, NULL}, "video:0"},
		{{POSITION_VIDEO, 56020, NULL}, "video:56020"},
		{{POSITION_VIDEO, INT64_C(359999999), NULL}, "video:359999999"},
		{{POSITION_STEP, 0, "q3"}, "step:q3"},
		{{POSITION_STEP, 0, long_id}, "step:" "a-step-id-of-the-longest-length-a-scenario-"
						 "allows-sixty-four-cha"},
		{{POSITION_REVIEW, 0, NULL}, "review"},
		{{POSITION_EDIT, 0, "q3"}, "edit:q3"},
		{{POSITION_EDIT, 0, long_id}, "edit:" "a-step-id-of-the-longest-length-a-scenario-"
						 "allows-sixty-four-cha"},
		{{POSITION_TIMED_OUT, 0, NULL}, "timed-out"},
		{{POSITION_UNKNOWN, 0, NULL}, ""},
	};

	(void)state;
	assert_int_equal(strlen(long_id), SCENARIO_ID_MAX);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char text[POSITION_MAX];
		struct position back;

		position_format(&rows[i].pos, text, sizeof text);
		assert_string_equal(text, rows[i].text);
		back = position_parse(text);
		assert_int_equal(back.kind, rows[i].pos.kind);
		assert_int_equal(back.video_ms, rows[i].pos.video_ms);
		if (rows[i].pos.kind == POSITION_STEP || rows[i].pos.kind == POSITION_EDIT)
			assert_string_equal(back.step_id, rows[i].pos.step_id);
		else
			assert_null(back.step_id);
	}
}

/* Texts as found in stored databases, including ones no release wrote. */
static void test_stored_texts_are_read_as_meant(void **state)
{
	static const struct {
		const char *text;
		enum position_kind kind;
		int64_t video_ms;
		const char *step_id;
	} rows[] = {
		/* as in tests/data/schema/v1/responses.db */
		{"review", POSITION_REVIEW, 0, NULL},
		{"", POSITION_UNKNOWN, 0, NULL},
		{"step:watch-1", POSITION_STEP, 0, "watch-1"},
		/* the video's start, and times no release wrote */
		{"video", POSITION_VIDEO, 0, NULL},
		{"video:-5", POSITION_VIDEO, 0, NULL},
		{"video:12abc", POSITION_VIDEO, 12, NULL},
		{"video:", POSITION_VIDEO, 0, NULL},
		/* an empty id finds no step: the session starts on the first one */
		{"step:", POSITION_STEP, 0, ""},
		{"videos", POSITION_UNKNOWN, 0, NULL},
		{"Review", POSITION_UNKNOWN, 0, NULL},
		{"note ", POSITION_UNKNOWN, 0, NULL},
		{"timed-out:1", POSITION_UNKNOWN, 0, NULL},
		{"step", POSITION_UNKNOWN, 0, NULL},
		{"edit", POSITION_UNKNOWN, 0, NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct position pos = position_parse(rows[i].text);

		assert_int_equal(pos.kind, rows[i].kind);
		assert_int_equal(pos.video_ms, rows[i].video_ms);
		if (rows[i].step_id)
			assert_string_equal(pos.step_id, rows[i].step_id);
		else
			assert_null(pos.step_id);
	}
}

/* A buffer too small for the text still gets a terminated prefix. */
static void test_short_buffer_is_terminated(void **state)
{
	struct position pos = {POSITION_STEP, 0, "discussion-1"};
	char text[8];

	(void)state;
	position_format(&pos, text, sizeof text);
	assert_string_equal(text, "step:di");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_is_written_and_read_back),
		cmocka_unit_test(test_stored_texts_are_read_as_meant),
		cmocka_unit_test(test_short_buffer_is_terminated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
