/* Tests of answers between the session, the store and the page: every kind converted to a
 * response and back, and written out in a few words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/answer.h"
#include "core/session.h"

static char *options[] = {"Colleagues", "A supervisor", "=SUM(A1)", "Time"};
static struct scale_label labels[] = {{1, "Not at all"}, {5, "Very well"}};

static const struct step text_step = {.id = "feel", .kind = STEP_TEXT, .text = "How?",
				      .max_chars = 4000};
static const struct step talk_step = {.id = "talk", .kind = STEP_DISCUSSION, .text = "Discuss",
				      .notes = true};
static const struct step scale_step = {.id = "rate", .kind = STEP_SCALE, .text = "Rate it",
				       .min = 1, .max = 5, .labels = labels, .label_count = 2};
static const struct step choice_step = {.id = "help", .kind = STEP_CHOICE, .text = "What helps?",
					.options = options, .option_count = 4, .multiple = true};

/* Every kind and status: the session's answer as a response, stored, read back into a fresh
 * answer, and that answer's response again, equal to the first. */
static void test_every_kind_goes_to_the_store_and_back(void **state)
{
	static bool chosen[4] = {true, false, true, false};
	static bool none[4];
	static const struct {
		const struct step *step;
		struct session_answer a;
		const char *text;      /* the response's text, NULL for none */
		bool has_scale;
		int scale;
		size_t choice_count;
		bool given;
	} rows[] = {
		{&text_step, {RESPONSE_ANSWERED, true, "Calm \xc3\xa9", false, 0, NULL},
		 "Calm \xc3\xa9", false, 0, 0, true},
		{&text_step, {RESPONSE_DRAFT, true, " \t\r\n", false, 0, NULL},
		 " \t\r\n", false, 0, 0, false},
		{&text_step, {RESPONSE_PASSED, true, "typed, then passed", false, 0, NULL},
		 NULL, false, 0, 0, true},
		{&talk_step, {RESPONSE_ANSWERED, true, "Group notes", false, 0, NULL},
		 "Group notes", false, 0, 0, true},
		{&scale_step, {RESPONSE_ANSWERED, true, "", true, 5, NULL}, NULL, true, 5, 0, true},
		{&scale_step, {RESPONSE_DRAFT, false, "", false, 0, NULL}, NULL, false, 0, 0, false},
		{&scale_step, {RESPONSE_PASSED, true, "", true, 2, NULL}, NULL, false, 0, 0, true},
		{&choice_step, {RESPONSE_ANSWERED, true, "", false, 0, chosen}, NULL, false, 0, 2,
		 true},
		{&choice_step, {RESPONSE_DRAFT, true, "", false, 0, none}, NULL, false, 0, 0, false},
		{&choice_step, {RESPONSE_PASSED, true, "", false, 0, chosen}, NULL, false, 0, 0, true},
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct step *step = rows[i].step;
		const char *choices[CHOICE_MAX_OPTIONS], *again_choices[CHOICE_MAX_OPTIONS];
		bool flags[4] = {false};
		struct session_answer back = {RESPONSE_DRAFT, false, strdup(""), false, 0,
					      step->kind == STEP_CHOICE ? flags : NULL};
		struct response r, again;
		struct stored_response stored;

		assert_int_equal(answer_given(step, &rows[i].a), rows[i].given);
		answer_to_response(step, &rows[i].a, i == 0 ? 56020 : -1, choices, &r);
		assert_string_equal(r.step_id, step->id);
		assert_int_equal(r.kind, step->kind);
		assert_string_equal(r.prompt, step->text);
		assert_int_equal(r.status, rows[i].a.status);
		assert_int_equal(r.video_ms, i == 0 ? 56020 : -1);
		if (rows[i].text)
			assert_string_equal(r.text, rows[i].text);
		else
			assert_null(r.text);
		assert_int_equal(r.has_scale, rows[i].has_scale);
		assert_int_equal(r.scale, rows[i].scale);
		assert_int_equal(r.choice_count, rows[i].choice_count);

		/* As the store reads it back. */
		stored = (struct stored_response){
			.step_id = (char *)r.step_id, .kind = r.kind, .prompt = (char *)r.prompt,
			.status = r.status, .text = (char *)r.text, .has_scale = r.has_scale,
			.scale = r.scale, .choices = (char **)r.choices,
			.choice_count = r.choice_count, .video_ms = r.video_ms,
		};
		again = answer_stored_view(&stored);
		assert_ptr_equal(again.step_id, r.step_id);
		assert_int_equal(again.kind, r.kind);
		assert_ptr_equal(again.prompt, r.prompt);
		assert_int_equal(again.status, r.status);
		assert_ptr_equal(again.text, r.text);
		assert_int_equal(again.has_scale, r.has_scale);
		assert_int_equal(again.scale, r.scale);
		assert_ptr_equal(again.choices, r.choices);
		assert_int_equal(again.choice_count, r.choice_count);
		assert_int_equal(again.video_ms, r.video_ms);
		assert_true(answer_from_stored(step, &stored, &back));
		assert_int_equal(back.status, rows[i].a.status);
		assert_true(back.touched);
		answer_to_response(step, &back, r.video_ms, again_choices, &again);
		assert_int_equal(again.status, r.status);
		assert_int_equal(again.has_scale, r.has_scale);
		assert_int_equal(again.scale, r.scale);
		assert_int_equal(again.choice_count, r.choice_count);
		for (size_t c = 0; c < r.choice_count; c++)
			assert_string_equal(again.choices[c], r.choices[c]);
		if (r.text)
			assert_string_equal(again.text, r.text);
		free(back.text);
	}
}

/* Options a newer scenario no longer offers are not chosen when read back. */
static void test_options_no_longer_offered_are_skipped(void **state)
{
	char *stored_choices[] = {"Time", "Something removed"};
	struct stored_response stored = {
		.step_id = "help", .kind = STEP_CHOICE, .status = RESPONSE_ANSWERED,
		.choices = stored_choices, .choice_count = 2,
	};
	bool flags[4] = {false};
	struct session_answer a = {RESPONSE_DRAFT, false, strdup(""), false, 0, flags};

	(void)state;
	assert_true(answer_from_stored(&choice_step, &stored, &a));
	assert_false(flags[0] || flags[1] || flags[2]);
	assert_true(flags[3]);
	assert_string_equal(a.text, "");
	free(a.text);
}

/* The value in a few words: what the review, the facilitator's list and the script show. */
static void test_summary_of_every_kind(void **state)
{
	static const char *const two[] = {"Colleagues", "=SUM(A1)"};
	static const char *const one[] = {"Time"};
	static const struct {
		struct response r;
		const struct step *step; /* for the scale's labels */
		size_t max_chars;
		const char *want;
	} rows[] = {
		{{.kind = STEP_TEXT, .text = "Calm"}, NULL, 0, "Calm"},
		{{.kind = STEP_TEXT, .text = "Calm"}, NULL, 4, "Calm"},
		{{.kind = STEP_TEXT, .text = "Calmer"}, NULL, 4, "Calm\xe2\x80\xa6"},
		/* characters, not bytes: é and 🙂 count one each */
		{{.kind = STEP_TEXT, .text = "\xc3\xa9\xf0\x9f\x99\x82xyz"}, NULL, 2,
		 "\xc3\xa9\xf0\x9f\x99\x82\xe2\x80\xa6"},
		{{.kind = STEP_TEXT, .text = "two\nlines"}, NULL, 0, "two\nlines"},
		{{.kind = STEP_TEXT}, NULL, 0, ""},
		{{.kind = STEP_DISCUSSION, .text = "Notes"}, NULL, 280, "Notes"},
		{{.kind = STEP_SCALE, .has_scale = true, .scale = 5}, &scale_step, 0, "5: Very well"},
		{{.kind = STEP_SCALE, .has_scale = true, .scale = 3}, &scale_step, 0, "3"},
		{{.kind = STEP_SCALE, .has_scale = true, .scale = 5}, NULL, 0, "5"},
		{{.kind = STEP_SCALE, .has_scale = true, .scale = -2}, NULL, 0, "-2"},
		{{.kind = STEP_SCALE}, &scale_step, 0, ""},
		{{.kind = STEP_CHOICE, .choices = two, .choice_count = 2}, NULL, 0,
		 "Colleagues; =SUM(A1)"},
		{{.kind = STEP_CHOICE, .choices = one, .choice_count = 1}, NULL, 0, "Time"},
		{{.kind = STEP_CHOICE}, NULL, 0, ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char out[64], small[4];
		size_t len = answer_summary(out, sizeof out, &rows[i].r, rows[i].step,
					    rows[i].max_chars);

		assert_string_equal(out, rows[i].want);
		assert_int_equal(len, strlen(rows[i].want));
		/* Too small a buffer: a terminated start, and the length it needs. */
		assert_int_equal(answer_summary(small, sizeof small, &rows[i].r, rows[i].step,
						rows[i].max_chars), len);
		assert_int_equal(strncmp(small, rows[i].want, sizeof small - 1), 0);
		assert_int_equal(answer_summary(NULL, 0, &rows[i].r, rows[i].step,
						rows[i].max_chars), len);
	}
}

/* An answer made, filled, emptied for the next trainee, and freed. */
static void test_init_clear_release(void **state)
{
	struct session_answer a = {0}, t = {0};

	(void)state;
	assert_true(answer_init(&a, &choice_step));
	assert_true(answer_init(&t, &text_step));
	assert_null(t.chosen);
	assert_false(answer_given(&choice_step, &a));
	assert_false(answer_given(&text_step, &t));
	a.chosen[3] = true;
	a.status = RESPONSE_ANSWERED;
	a.touched = true;
	assert_true(answer_set_text(&t, "words"));
	assert_true(answer_given(&choice_step, &a));
	assert_true(answer_given(&text_step, &t));
	answer_clear(&a, &choice_step);
	answer_clear(&t, &text_step);
	assert_false(answer_given(&choice_step, &a));
	assert_false(answer_given(&text_step, &t));
	assert_int_equal(a.status, RESPONSE_DRAFT);
	assert_false(a.touched);
	assert_string_equal(t.text, "");
	answer_release(&a);
	answer_release(&t);
}

static void test_join(void **state)
{
	static const char *const three[] = {"a", "", "c\nd"};
	char out[16];

	(void)state;
	assert_int_equal(answer_join(out, sizeof out, three, 3, "\n"), 6);
	assert_string_equal(out, "a\n\nc\nd");
	assert_int_equal(answer_join(out, sizeof out, three, 3, "; "), 8);
	assert_string_equal(out, "a; ; c\nd");
	assert_int_equal(answer_join(out, sizeof out, three, 0, "; "), 0);
	assert_string_equal(out, "");
	assert_int_equal(answer_join(out, 3, three, 3, "; "), 8);
	assert_string_equal(out, "a;");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_goes_to_the_store_and_back),
		cmocka_unit_test(test_options_no_longer_offered_are_skipped),
		cmocka_unit_test(test_summary_of_every_kind),
		cmocka_unit_test(test_init_clear_release),
		cmocka_unit_test(test_join),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
