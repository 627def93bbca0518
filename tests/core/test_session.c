/* Tests of the journey state machine with a real store in a temporary folder: the order of
 * screens, what reaches the disk and when, resuming after a crash, and store errors. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/review.h"
#include "core/session.h"
#include "core/textedit.h"

static char *options_support[] = {"Colleagues", "A supervisor", "Time"};
static struct scale_label labels[] = {{1, "Not at all"}, {5, "Very well"}};

/* A small scenario built in code: every kind of step, a content note and a cue step. */
static struct step steps[] = {
	{.id = "cue", .kind = STEP_TEXT, .text = "Asked during the video", .max_chars = 100,
	 .is_cue = true},
	{.id = "talk", .kind = STEP_DISCUSSION, .text = "Discuss", .minutes = 1, .notes = true},
	{.id = "feel", .kind = STEP_TEXT, .text = "How do you feel?", .max_chars = 4000},
	{.id = "rate", .kind = STEP_SCALE, .text = "Rate it", .min = 1, .max = 5,
	 .labels = labels, .label_count = 2},
	{.id = "help", .kind = STEP_CHOICE, .text = "What helps?", .options = options_support,
	 .option_count = 3, .multiple = true},
	{.id = "must", .kind = STEP_TEXT, .text = "Required", .required = true, .max_chars = 50},
};

static struct scenario_video video = {.file = "v.mp4", .path = "/nonexistent/v.mp4"};

static struct scenario scenario = {
	.version = 1,
	.id = "test-scenario",
	.title = "Test scenario",
	.content_note = "This talks about harm.",
	.steps = steps,
	.step_count = sizeof steps / sizeof steps[0],
	.dir = "/nonexistent",
	.file = "/nonexistent/scenario.yaml",
	.sha256 = "0000000000000000000000000000000000000000000000000000000000000000",
};

struct fixture {
	char dir[64];
	struct store *store;
	struct session *session;
};

/* Closes a session; its last draft and its end must reach the store. */
static void close_ok(struct session *s, bool end_session)
{
	struct rjk_error err = {{0}};

	if (!session_close(s, end_session, &err))
		fail_msg("%s", err.message);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct rjk_error err = {{0}};

	assert_non_null(f);
	strcpy(f->dir, "/tmp/rjk-session-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->store = store_open(f->dir, &err);
	assert_non_null(f->store);
	f->session = session_open(&scenario, f->store, false, NULL, &err);
	assert_non_null(f->session);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	close_ok(f->session, true);
	store_close(f->store);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* Goes from the start screen to the first step as trainee "name". */
static void to_first_step(struct session *s, const char *name)
{
	assert_true(session_start(s, 0));
	assert_int_equal(session_screen(s), SESSION_WHO);
	assert_true(session_set_who(s, name, 0));
	assert_int_equal(session_screen(s), SESSION_NOTE);
	assert_true(session_note_continue(s, 0));
	assert_int_equal(session_screen(s), SESSION_STEP);
}

static const struct stored_response *find(const struct stored_response *r, size_t n,
					  const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(r[i].step_id, id))
			return &r[i];
	return NULL;
}

static void test_full_journey_reaches_the_store(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session;
	struct stored_response *r;
	size_t n;
	struct rjk_error err = {{0}};
	int64_t participant, unfinished;
	const struct stored_response *got;

	to_first_step(s, "Ana");
	assert_string_equal(session_name(s), "Ana");
	/* Without a video player the cue step is asked in order with the others. */
	assert_string_equal(session_step(s)->id, "cue");
	assert_int_equal(session_step_number(s), 1);
	assert_int_equal(session_step_total(s), 6);
	assert_true(session_pass(s, 0));
	assert_string_equal(session_step(s)->id, "talk");
	assert_true(session_set_text(s, "Group notes", 0));
	assert_true(session_next(s, 0));
	assert_true(session_set_text(s, "Calmer than I expected \xc3\xa9\xf0\x9f\x99\x82", 0));
	assert_true(session_next(s, 0));
	assert_true(session_set_scale(s, 4, 0));
	assert_true(session_next(s, 0));
	assert_true(session_toggle_choice(s, 0, 0));
	assert_true(session_toggle_choice(s, 2, 0));
	assert_true(session_next(s, 0));
	assert_true(session_set_text(s, "Yes", 0));
	assert_true(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_REVIEW);
	participant = session_participant(s);
	assert_true(session_submit(s, 0));
	assert_int_equal(session_screen(s), SESSION_THANKS);

	assert_true(store_load_responses(f->store, participant, &r, &n, &err));
	assert_int_equal(n, 6);
	got = find(r, n, "cue");
	assert_non_null(got);
	assert_int_equal(got->status, RESPONSE_PASSED);
	got = find(r, n, "talk");
	assert_string_equal(got->text, "Group notes");
	got = find(r, n, "feel");
	assert_int_equal(got->status, RESPONSE_ANSWERED);
	assert_string_equal(got->text, "Calmer than I expected \xc3\xa9\xf0\x9f\x99\x82");
	got = find(r, n, "rate");
	assert_true(got->has_scale);
	assert_int_equal(got->scale, 4);
	got = find(r, n, "help");
	assert_int_equal(got->choice_count, 2);
	assert_string_equal(got->choices[0], "Colleagues");
	assert_string_equal(got->choices[1], "Time");
	store_responses_free(r, n);
	assert_true(store_find_unfinished_participant(f->store, session_store_id(s), &unfinished,
						      NULL, 0, NULL, 0, &err));
	assert_int_equal(unfinished, 0);

	/* The next trainee starts clean, in the same stored session. */
	assert_true(session_finish(s, 0));
	assert_int_equal(session_screen(s), SESSION_START);
	assert_string_equal(session_answer(s, 2)->text, "");
	to_first_step(s, NULL);
	assert_string_not_equal(session_name(s), "");
	assert_true(session_participant(s) != participant);
}

static void test_required_step_cannot_be_passed_or_skipped(void **state)
{
	struct session *s = ((struct fixture *)*state)->session;

	to_first_step(s, "Bo");
	while (strcmp(session_step(s)->id, "must"))
		assert_true(session_next(s, 0) || session_screen(s) == SESSION_STEP);
	assert_false(session_pass(s, 0));
	assert_false(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_string_not_equal(session_message(s), "");
	assert_true(session_set_text(s, "   ", 0));
	assert_false(session_next(s, 0));
	assert_true(session_set_text(s, "Done", 0));
	assert_string_equal(session_message(s), "");
	assert_true(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_REVIEW);
}

static size_t stored_count(struct fixture *f)
{
	struct stored_response *r;
	size_t n;
	struct rjk_error err = {{0}};

	assert_true(store_load_responses(f->store, session_participant(f->session), &r, &n, &err));
	store_responses_free(r, n);
	return n;
}

static void test_drafts_are_saved_within_the_autosave_time(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session;

	to_first_step(s, "Cy");
	assert_true(session_set_text(s, "first words", 1000));
	assert_true(session_has_unsaved(s));
	assert_int_equal(session_next_deadline(s, 1000), 1000 + SESSION_AUTOSAVE_MS);
	session_tick(s, 1000 + SESSION_AUTOSAVE_MS - 1);
	assert_int_equal(stored_count(f), 0);
	/* Typing on does not push the save further away. */
	assert_true(session_set_text(s, "first words and more", 2000));
	session_tick(s, 1000 + SESSION_AUTOSAVE_MS);
	assert_false(session_has_unsaved(s));
	assert_int_equal(stored_count(f), 1);
}

/* The answer field edits the session's own text in place: each change is reported without
 * the text, the draft is saved on time, the answer reads back whole, the step's limit holds,
 * and the next trainee starts with an empty field. */
static void test_answer_field_edits_the_session_text(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session;
	struct textedit *edit;
	struct stored_response *r;
	size_t n;
	struct rjk_error err = {{0}};

	to_first_step(s, "Eve");
	edit = session_text_edit(s);
	assert_non_null(edit);
	assert_int_equal(textedit_max_chars(edit), 100);
	assert_int_equal(textedit_insert(edit, "first words"), 11);
	assert_true(session_text_edited(s, 1000));
	assert_true(session_has_unsaved(s));
	assert_ptr_equal(session_text_edit(s), edit);
	assert_string_equal(session_answer(s, 0)->text, "first words");
	assert_int_equal(stored_count(f), 0);
	session_tick(s, 1000 + SESSION_AUTOSAVE_MS);
	assert_false(session_has_unsaved(s));
	assert_true(store_load_responses(f->store, session_participant(s), &r, &n, &err));
	assert_non_null(find(r, n, "cue"));
	assert_string_equal(find(r, n, "cue")->text, "first words");
	store_responses_free(r, n);
	/* Discussion notes take the general limit; a scale has no text to edit. */
	assert_true(session_next(s, 0));
	assert_string_equal(session_step(s)->id, "talk");
	edit = session_text_edit(s);
	assert_non_null(edit);
	assert_int_equal(textedit_max_chars(edit), STEP_TEXT_LIMIT_MAX_CHARS);
	assert_string_equal(textedit_text(edit), "");
	assert_true(session_next(s, 0));
	assert_true(session_next(s, 0));
	assert_string_equal(session_step(s)->id, "rate");
	assert_null(session_text_edit(s));
	assert_false(session_text_edited(s, 0));
	/* Back on the first step, its words are there to edit on. */
	assert_true(session_back(s, 0));
	assert_true(session_back(s, 0));
	assert_true(session_back(s, 0));
	assert_string_equal(session_step(s)->id, "cue");
	assert_string_equal(textedit_text(session_text_edit(s)), "first words");
	/* The next trainee finds none of them. */
	assert_true(session_time_out(s, 5000));
	to_first_step(s, "Fay");
	assert_string_equal(textedit_text(session_text_edit(s)), "");
	assert_string_equal(session_answer(s, 0)->text, "");
}

static void test_restart_resumes_on_the_same_step_with_the_text(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session, *again;
	struct store *store2;
	struct rjk_error err = {{0}};

	to_first_step(s, "Dee");
	assert_true(session_pass(s, 0));
	assert_true(session_next(s, 0));
	assert_string_equal(session_step(s)->id, "feel");
	assert_true(session_set_text(s, "half a thought", 0));
	session_tick(s, SESSION_AUTOSAVE_MS);

	/* A second kiosk process opening the same data, as after a crash. */
	store2 = store_open(f->dir, &err);
	assert_non_null(store2);
	again = session_open(&scenario, store2, false, NULL, &err);
	assert_non_null(again);
	assert_int_equal(session_store_id(again), session_store_id(s));
	assert_int_equal(session_screen(again), SESSION_STEP);
	assert_string_equal(session_step(again)->id, "feel");
	assert_string_equal(session_answer(again, 2)->text, "half a thought");
	assert_string_equal(session_name(again), "Dee");
	assert_int_equal(session_answer(again, 0)->status, RESPONSE_PASSED);
	close_ok(again, false);
	store_close(store2);
}

static void test_review_reopens_a_step_and_returns(void **state)
{
	struct session *s = ((struct fixture *)*state)->session;

	to_first_step(s, "Eve");
	for (int i = 0; i < 5; i++)
		session_next(s, 0);
	assert_true(session_set_text(s, "ok", 0));
	assert_true(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_REVIEW);
	assert_true(session_review_edit(s, 3, 0));
	assert_true(session_from_review(s));
	assert_string_equal(session_step(s)->id, "rate");
	assert_true(session_set_scale(s, 2, 0));
	assert_true(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_REVIEW);
	assert_int_equal(session_answer(s, 3)->scale, 2);
	assert_int_equal(session_answer(s, 3)->status, RESPONSE_ANSWERED);
}

static void test_back_goes_where_the_trainee_came_from(void **state)
{
	struct session *s = ((struct fixture *)*state)->session;

	assert_false(session_can_go_back(s));
	assert_true(session_start(s, 0));
	assert_true(session_back(s, 0));
	assert_int_equal(session_screen(s), SESSION_START);
	to_first_step(s, "Fay");
	assert_true(session_next(s, 0));
	assert_true(session_back(s, 0));
	assert_string_equal(session_step(s)->id, "cue");
	assert_true(session_back(s, 0));
	assert_int_equal(session_screen(s), SESSION_NOTE);
	assert_false(session_can_go_back(s));
}

/* Does one move of the table below: "start", "who", "note", "video-done", "video-failed",
 * "next", "pass", "back", "text:WORDS", "edit:INDEX", "cue:INDEX", "submit", "finish",
 * "time-out" or "next-discussion". */
static bool move(struct session *s, const char *action)
{
	static const struct {
		const char *name;
		bool (*go)(struct session *s, int64_t now_ms);
	} plain[] = {
		{"start", session_start}, {"note", session_note_continue},
		{"video-done", session_video_done}, {"video-failed", session_video_failed},
		{"next", session_next}, {"pass", session_pass}, {"submit", session_submit},
		{"finish", session_finish}, {"time-out", session_time_out},
		{"next-discussion", session_next_discussion},
	};

	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (!strcmp(action, plain[i].name))
			return plain[i].go(s, 0);
	if (!strcmp(action, "who"))
		return session_set_who(s, "Tess", 0);
	if (!strcmp(action, "back")) {
		bool can = session_can_go_back(s), went = session_back(s, 0);

		/* The button is offered exactly when Back goes somewhere. */
		assert_int_equal(can, went);
		return went;
	}
	if (!strncmp(action, "text:", 5))
		return session_set_text(s, action + 5, 0);
	if (!strncmp(action, "edit:", 5))
		return session_review_edit(s, (size_t)atoi(action + 5), 0);
	if (!strncmp(action, "cue:", 4))
		return session_cue_open(s, (size_t)atoi(action + 4), 1000, 0);
	fail_msg("unknown move '%s'", action);
	return false;
}

#define NO_NOTE 1u    /* the scenario has no content note */
#define WITH_VIDEO 2u /* a video player is available */

/* Every move of the journey: from the screen a path of moves leads to, one more move, and the
 * screen (and step) it ends on. The journey's steps are cue, talk, feel, rate, help, must. */
static const struct journey_move {
	unsigned flags;
	const char *path;   /* moves from a new session, separated by spaces */
	const char *action;
	bool done;          /* what the action returns */
	const char *screen; /* session_screen_name after it */
	const char *step;   /* the step's id when screen is "step" */
} journey_moves[] = {
	{0, "", "start", true, "who", NULL},
	{0, "", "back", false, "start", NULL},
	{0, "start", "back", true, "start", NULL},
	{0, "start", "who", true, "note", NULL},
	{NO_NOTE, "start", "who", true, "step", "cue"},
	{WITH_VIDEO, "start", "who", true, "note", NULL},
	{WITH_VIDEO | NO_NOTE, "start", "who", true, "video", NULL},
	{0, "start who", "back", false, "note", NULL},
	{0, "start who", "note", true, "step", "cue"},
	{WITH_VIDEO, "start who", "note", true, "video", NULL},
	{WITH_VIDEO, "start who note", "back", true, "note", NULL},
	{WITH_VIDEO | NO_NOTE, "start who", "back", false, "video", NULL},
	{WITH_VIDEO, "start who note", "video-done", true, "step", "talk"},
	{WITH_VIDEO, "start who note", "video-failed", true, "step", "cue"},
	{WITH_VIDEO, "start who note", "cue:0", true, "step", "cue"},
	{WITH_VIDEO, "start who note", "cue:2", false, "video", NULL},
	{WITH_VIDEO, "start who note cue:0", "back", false, "step", "cue"},
	{WITH_VIDEO, "start who note cue:0", "next", true, "video", NULL},
	{WITH_VIDEO, "start who note cue:0", "pass", true, "video", NULL},
	{WITH_VIDEO, "start who note video-done", "back", true, "video", NULL},
	{WITH_VIDEO | NO_NOTE, "start who video-done", "back", true, "video", NULL},
	{0, "start who note", "back", true, "note", NULL},
	{NO_NOTE, "start who", "back", false, "step", "cue"},
	{0, "start who note", "next", true, "step", "talk"},
	{0, "start who note", "pass", true, "step", "talk"},
	{0, "start who note next", "back", true, "step", "cue"},
	{0, "start who note next", "next", true, "step", "feel"},
	{0, "start who note next next next next next", "next", false, "step", "must"},
	{0, "start who note next next next next next", "pass", false, "step", "must"},
	{0, "start who note next next next next next", "back", true, "step", "help"},
	{0, "start who note next next next next next text:ok", "next", true, "review", NULL},
	{0, "start who note next next next next next text:ok next", "back", true, "step", "must"},
	{0, "start who note next next next next next text:ok next", "edit:2", true, "step",
	 "feel"},
	{0, "start who note next next next next next text:ok next", "edit:1", true, "step",
	 "talk"},
	{0, "start who note next next next next next text:ok next edit:2", "back", true,
	 "review", NULL},
	{0, "start who note next next next next next text:ok next edit:2", "next", true,
	 "review", NULL},
	{0, "start who note next next next next next text:ok next", "submit", true, "thanks",
	 NULL},
	{0, "start who note next next next next next text:ok next submit", "back", false,
	 "thanks", NULL},
	{0, "start who note next next next next next text:ok next submit", "finish", true,
	 "start", NULL},
	{0, "start who note next next next next next text:ok next submit", "time-out", true,
	 "start", NULL},
	{0, "start who note next", "time-out", true, "start", NULL},
	{0, "start who note", "next-discussion", true, "step", "talk"},
	{0, "start who note next", "next-discussion", true, "review", NULL},
};

static void test_every_journey_move_leads_where_it_should(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};

	for (size_t i = 0; i < sizeof journey_moves / sizeof journey_moves[0]; i++) {
		const struct journey_move *m = &journey_moves[i];
		bool with_video = m->flags & WITH_VIDEO;
		char path[256], *at, *save = NULL;
		struct session *s;

		close_ok(f->session, true);
		scenario.content_note = m->flags & NO_NOTE ? NULL : "This talks about harm.";
		scenario.video = with_video ? &video : NULL;
		s = f->session = session_open(&scenario, f->store, with_video, NULL, &err);
		assert_non_null(s);
		snprintf(path, sizeof path, "%s", m->path);
		for (at = strtok_r(path, " ", &save); at; at = strtok_r(NULL, " ", &save))
			if (!move(s, at))
				fail_msg("row %zu: '%s' on the way failed", i, at);
		if (move(s, m->action) != m->done)
			fail_msg("row %zu: '%s' returned %d", i, m->action, !m->done);
		if (strcmp(session_screen_name(session_screen(s)), m->screen))
			fail_msg("row %zu: '%s' led to %s, not %s", i, m->action,
				 session_screen_name(session_screen(s)), m->screen);
		if (m->step)
			assert_string_equal(session_step(s)->id, m->step);
	}
	scenario.content_note = "This talks about harm.";
	scenario.video = NULL;
}

/* A file-size limit makes every write fail, as on a full disk; false lifts it again. */
static void disk_full(bool full)
{
	static struct rlimit old;
	struct rlimit tiny;

	if (!full) {
		assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
		return;
	}
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	tiny = old;
	tiny.rlim_cur = 512;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
}

static void test_store_error_shows_a_message_and_keeps_the_words(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session;

	to_first_step(s, "Gil");
	assert_true(session_next(s, 0));
	assert_true(session_next(s, 0));
	assert_string_equal(session_step(s)->id, "feel");
	disk_full(true);
	assert_true(session_set_text(s, "words that must not be lost", 0));
	assert_false(session_next(s, 0));
	disk_full(false);

	assert_int_equal(session_screen(s), SESSION_MESSAGE);
	assert_non_null(strstr(session_message(s), "could not be saved"));
	session_dismiss_message(s);
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_string_equal(session_step(s)->id, "feel");
	assert_string_equal(session_answer(s, 2)->text, "words that must not be lost");
	/* With room again, the same answer goes through. */
	assert_true(session_next(s, 0));
	assert_string_equal(session_step(s)->id, "rate");
}

/* Closes the fixture's session (ending it) on a full disk, which must fail with a message
 * holding why; then opens it again with room: nothing was ended, so it is the same session. */
static void close_on_full_disk(struct fixture *f, const char *why)
{
	struct rjk_error err = {{0}};
	int64_t stored_session = session_store_id(f->session);

	disk_full(true);
	assert_false(session_close(f->session, true, &err));
	disk_full(false);
	f->session = NULL;
	assert_non_null(strstr(err.message, why));
	f->session = session_open(&scenario, f->store, false, NULL, &err);
	assert_non_null(f->session);
	assert_int_equal(session_store_id(f->session), stored_session);
}

/* Closing on a full disk: the words being written and the session's end cannot be stored,
 * and the caller is told so instead of the loss going unnoticed. */
static void test_failed_last_save_on_close_is_reported(void **state)
{
	struct fixture *f = *state;

	to_first_step(f->session, "Ivy");
	assert_true(session_pass(f->session, 0));
	assert_true(session_set_text(f->session, "the last words", 0));
	assert_true(session_has_unsaved(f->session));
	close_on_full_disk(f, "could not be saved");
	/* The next kiosk resumes the trainee, without the lost words. */
	assert_string_equal(session_name(f->session), "Ivy");
	assert_string_equal(session_step(f->session)->id, "talk");
	assert_string_equal(session_answer(f->session, 1)->text, "");
}

/* Words kept on the message screen after a failed save reach the disk when the kiosk closes
 * with room again. */
static void test_close_saves_the_words_kept_on_the_message_screen(void **state)
{
	struct fixture *f = *state;
	struct session *s = f->session;
	struct stored_response *r;
	size_t n;
	struct rjk_error err = {{0}};
	int64_t who;

	to_first_step(s, "Jay");
	who = session_participant(s);
	assert_true(session_pass(s, 0));
	assert_true(session_set_text(s, "kept through the error", 0));
	disk_full(true);
	assert_false(session_next(s, 0));
	disk_full(false);
	assert_int_equal(session_screen(s), SESSION_MESSAGE);
	close_ok(s, false);
	f->session = NULL;
	assert_true(store_load_responses(f->store, who, &r, &n, &err));
	assert_non_null(find(r, n, "talk"));
	assert_string_equal(find(r, n, "talk")->text, "kept through the error");
	assert_int_equal(find(r, n, "talk")->status, RESPONSE_DRAFT);
	store_responses_free(r, n);
}

/* Nothing to save but the session's end, which fails: reported, and the session stays open. */
static void test_failed_session_end_on_close_is_reported(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	int64_t stored_session = session_store_id(f->session);

	close_on_full_disk(f, "could not be ended");
	/* With room again, ending works and the next session is a new one. */
	close_ok(f->session, true);
	f->session = session_open(&scenario, f->store, false, NULL, &err);
	assert_non_null(f->session);
	assert_true(session_store_id(f->session) != stored_session);
}

static void test_countdown_and_thanks_timers(void **state)
{
	struct session *s = ((struct fixture *)*state)->session;

	to_first_step(s, "Hal");
	assert_int_equal(session_countdown_ms(s, 0), -1);
	assert_true(session_pass(s, 1000));
	assert_string_equal(session_step(s)->id, "talk");
	assert_int_equal(session_countdown_ms(s, 1000), 60000);
	assert_int_equal(session_countdown_ms(s, 31000), 30000);
	assert_int_equal(session_next_deadline(s, 31500), 32000);
	assert_int_equal(session_countdown_ms(s, 99000), 0);
	while (session_screen(s) == SESSION_STEP) {
		session_set_text(s, "x", 0);
		session_next(s, 0);
	}
	assert_true(session_submit(s, 100000));
	assert_false(session_tick(s, 100000 + SESSION_THANKS_MS - 1));
	assert_true(session_tick(s, 100000 + SESSION_THANKS_MS));
	assert_int_equal(session_screen(s), SESSION_START);
}

/* A group's countdown is one for the step: Back to the question before it and Next again
 * leave it running, and the next trainee starts it from full. */
static void test_countdown_runs_on_through_back_and_next(void **state)
{
	struct session *s = ((struct fixture *)*state)->session;
	static const struct {
		const char *move; /* "back", "next" or "pass" at at_ms */
		int64_t at_ms;
		const char *step; /* the step after it */
		int64_t left_ms;  /* the countdown then, -1 for none */
	} moves[] = {
		{"pass", 1000, "talk", 60000},
		{"back", 21000, "cue", -1},
		{"pass", 26000, "talk", 35000},
		{"next", 30000, "feel", -1},
		{"back", 40000, "talk", 21000},
		{"back", 41000, "cue", -1},
		{"pass", 70000, "talk", 0},
	};

	to_first_step(s, "Kim");
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		int64_t at = moves[i].at_ms;
		bool moved = !strcmp(moves[i].move, "back") ? session_back(s, at) :
			     !strcmp(moves[i].move, "next") ? session_next(s, at) : session_pass(s, at);
		assert_true(moved);
		assert_string_equal(session_step(s)->id, moves[i].step);
		assert_int_equal(session_countdown_ms(s, at), moves[i].left_ms);
	}
	while (session_screen(s) == SESSION_STEP) {
		session_set_text(s, "x", 0);
		session_next(s, 80000);
	}
	assert_true(session_submit(s, 90000));
	assert_true(session_tick(s, 90000 + SESSION_THANKS_MS));
	to_first_step(s, "Lee");
	assert_true(session_pass(s, 200000));
	assert_string_equal(session_step(s)->id, "talk");
	assert_int_equal(session_countdown_ms(s, 200000), 60000);
}

static void test_with_video_player_cue_steps_are_left_to_the_video(void **state)
{
	struct fixture *f = *state;
	struct session *s;
	struct rjk_error err = {{0}};

	close_ok(f->session, true);
	scenario.video = &video;
	s = f->session = session_open(&scenario, f->store, true, NULL, &err);
	assert_non_null(s);
	assert_true(session_start(s, 0));
	assert_true(session_set_who(s, "Ida", 0));
	assert_true(session_note_continue(s, 0));
	assert_int_equal(session_screen(s), SESSION_VIDEO);
	assert_true(session_video_done(s, 0));
	assert_string_equal(session_step(s)->id, "talk");
	assert_int_equal(session_step_total(s), 5);
	assert_true(session_back(s, 0));
	assert_int_equal(session_screen(s), SESSION_VIDEO);
	scenario.video = NULL;
}

/* A trainee who walks away: the draft is on disk, they stay unsubmitted and are not put back on
 * screen when the kiosk restarts; the next trainee starts afresh. */
static void test_time_out_saves_the_draft_and_returns_to_the_start(void **state)
{
	struct fixture *f = *state;
	struct stored_response *r;
	size_t n;
	struct rjk_error err = {{0}};
	int64_t who;

	assert_false(session_time_out(f->session, 0)); /* nothing to do on the start screen */
	to_first_step(f->session, "Kim");
	who = session_participant(f->session);
	assert_true(session_pass(f->session, 0));
	assert_true(session_set_text(f->session, "Half a thought", 0));
	assert_true(session_time_out(f->session, 10));
	assert_int_equal(session_screen(f->session), SESSION_START);
	assert_true(store_load_responses(f->store, who, &r, &n, &err));
	assert_non_null(find(r, n, "talk"));
	assert_string_equal(find(r, n, "talk")->text, "Half a thought");
	assert_int_equal(find(r, n, "talk")->status, RESPONSE_DRAFT);
	store_responses_free(r, n);
	close_ok(f->session, false);
	f->session = session_open(&scenario, f->store, false, NULL, &err);
	assert_non_null(f->session);
	assert_int_equal(session_screen(f->session), SESSION_START);
	to_first_step(f->session, "Lee");
	assert_string_equal(session_step(f->session)->id, "cue");
	assert_string_equal(session_answer(f->session, 1)->text, "");
}

/* The facilitator moves the group on: from the first step to the next discussion prompt. */
static void test_next_discussion_moves_the_trainee_on(void **state)
{
	struct fixture *f = *state;

	assert_false(session_next_discussion(f->session, 0));
	to_first_step(f->session, "Mo");
	assert_true(session_set_text(f->session, "typed", 0));
	assert_true(session_next_discussion(f->session, 0));
	assert_string_equal(session_step(f->session)->id, "talk");
	assert_string_equal(session_answer(f->session, 0)->text, "typed");
	/* No discussion after this one: the review. */
	assert_true(session_next_discussion(f->session, 0));
	assert_int_equal(session_screen(f->session), SESSION_REVIEW);
}

/* Opens the fixture's session again with the video and goes to the video screen as "name". */
static struct session *to_video(struct fixture *f, const char *name)
{
	struct rjk_error err = {{0}};
	struct session *s;

	close_ok(f->session, true);
	scenario.video = &video;
	s = f->session = session_open(&scenario, f->store, true, NULL, &err);
	assert_non_null(s);
	assert_true(session_start(s, 0));
	assert_true(session_set_who(s, name, 0));
	assert_true(session_note_continue(s, 0));
	assert_int_equal(session_screen(s), SESSION_VIDEO);
	return s;
}

/* Killed while an answer reopened from the review is being changed: the restarted kiosk puts
 * the trainee back on that step, still on the way back to the review ("Save and return"),
 * with the words; with a video too, where the step may be one asked during it. */
static void test_restart_resumes_an_answer_reopened_from_the_review(void **state)
{
	static const struct {
		bool video;
		size_t step;
		const char *id;
	} rows[] = {
		{false, 2, "feel"},
		{true, 2, "feel"},
		{true, 0, "cue"},
	};
	struct fixture *f = *state;
	struct rjk_error err = {{0}};

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct session *s, *again;
		struct store *store2;

		if (rows[i].video) {
			s = to_video(f, "Max");
			assert_true(session_video_done(s, 0));
		} else {
			close_ok(f->session, true);
			s = f->session = session_open(&scenario, f->store, false, NULL, &err);
			assert_non_null(s);
			to_first_step(s, "Max");
		}
		while (session_screen(s) == SESSION_STEP) {
			if (session_step(s)->required)
				assert_true(session_set_text(s, "ok", 0));
			assert_true(session_next(s, 0));
		}
		assert_int_equal(session_screen(s), SESSION_REVIEW);
		assert_true(session_review_edit(s, rows[i].step, 0));
		assert_true(session_set_text(s, "changed my mind", 0));
		session_tick(s, SESSION_AUTOSAVE_MS);

		store2 = store_open(f->dir, &err);
		assert_non_null(store2);
		again = session_open(&scenario, store2, rows[i].video, NULL, &err);
		assert_non_null(again);
		assert_int_equal(session_screen(again), SESSION_STEP);
		assert_string_equal(session_step(again)->id, rows[i].id);
		assert_true(session_from_review(again));
		assert_string_equal(textedit_text(session_text_edit(again)), "changed my mind");
		/* Save and return goes back to the review, not on through the steps. */
		assert_true(session_next(again, 0));
		assert_int_equal(session_screen(again), SESSION_REVIEW);
		close_ok(again, false);
		store_close(store2);
		scenario.video = NULL;
	}
}

static void test_cue_is_asked_over_the_video_and_stored_with_its_time(void **state)
{
	struct fixture *f = *state;
	struct session *s = to_video(f, "Jo");
	struct stored_response *r = NULL;
	size_t n = 0;
	struct rjk_error err = {{0}};

	assert_false(session_cue_done(s, 0));
	assert_false(session_cue_open(s, 2, 1000, 0)); /* not a cue step */
	assert_true(session_cue_open(s, 0, 56020, 0));
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_true(session_in_cue(s));
	assert_false(session_can_go_back(s));
	assert_true(session_set_text(s, "shocked", 0));
	assert_true(session_next(s, 0));
	/* Back to the video, not on to the next step. */
	assert_int_equal(session_screen(s), SESSION_VIDEO);
	assert_false(session_in_cue(s));
	assert_true(session_cue_done(s, 0));
	assert_int_equal(session_video_resume_ms(s), 56020);
	assert_true(session_store_id(s) > 0);
	assert_true(store_load_responses(f->store, session_participant(s), &r, &n, &err));
	assert_int_equal(n, 1);
	assert_string_equal(r[0].step_id, "cue");
	assert_int_equal(r[0].video_ms, 56020);
	store_responses_free(r, n);
	/* After the video the cue is not asked again but is listed in the review. */
	assert_true(session_video_done(s, 0));
	assert_string_equal(session_step(s)->id, "talk");
	assert_false(session_step_in_journey(s, 0));
	assert_true(session_step_in_review(s, 0));
	scenario.video = NULL;
}

static void test_resume_returns_to_the_furthest_point_watched(void **state)
{
	struct fixture *f = *state;
	struct session *s = to_video(f, "Kit"), *again;
	struct store *store2;
	struct rjk_error err = {{0}};

	assert_true(session_video_progress(s, 30000));
	assert_true(session_video_progress(s, 20000)); /* never goes back */
	store2 = store_open(f->dir, &err);
	assert_non_null(store2);
	again = session_open(&scenario, store2, true, NULL, &err);
	assert_non_null(again);
	assert_int_equal(session_screen(again), SESSION_VIDEO);
	assert_int_equal(session_video_resume_ms(again), 30000);
	close_ok(again, false);
	store_close(store2);
	scenario.video = NULL;
}

static void test_failed_video_puts_cue_steps_in_the_list(void **state)
{
	struct fixture *f = *state;
	struct session *s = to_video(f, "Lou");

	assert_true(session_video_failed(s, 0));
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_string_equal(session_step(s)->id, "cue");
	assert_true(session_step_in_journey(s, 0));
	scenario.video = NULL;
}

/* A cue answered over the video before it failed is not asked a second time. */
static void test_failed_video_skips_cues_it_asked(void **state)
{
	struct fixture *f = *state;
	struct session *s = to_video(f, "Sam");

	assert_true(session_cue_open(s, 0, 1500, 0));
	assert_true(session_set_text(s, "already said", 0));
	assert_true(session_next(s, 0));
	assert_int_equal(session_screen(s), SESSION_VIDEO);
	assert_true(session_video_failed(s, 0));
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_string_equal(session_step(s)->id, "talk");
	assert_false(session_step_in_journey(s, 0));
	assert_true(session_step_in_review(s, 0));
	scenario.video = NULL;
}

/* What the question before Submit counts: a cue the video never reached is "not answered
 * yet" (neither answered nor passed); Pass and Next with nothing given are passes; optional
 * group notes left empty never wait; a discussion without notes is not listed at all. */
static void test_review_counts_what_is_not_answered(void **state)
{
	struct fixture *f = *state;
	struct session *s = to_video(f, "Kim");
	size_t waiting[4] = {99, 99, 99, 99};

	assert_true(session_video_done(s, 0)); /* the cue was skipped over */
	assert_string_equal(session_step(s)->id, "talk");
	assert_true(session_next(s, 0));          /* talk: notes left empty, a pass */
	assert_true(session_set_text(s, "Fine", 0));
	assert_true(session_next(s, 0));          /* feel: answered */
	assert_true(session_next(s, 0));          /* rate: nothing chosen, a pass */
	assert_true(session_pass(s, 0));          /* help: passed */
	assert_true(session_set_text(s, "Yes", 0));
	assert_true(session_next(s, 0));          /* must: answered */
	assert_int_equal(session_screen(s), SESSION_REVIEW);
	assert_true(review_listed(s, 0));
	assert_true(review_unanswered(s, 0));
	assert_false(review_unanswered(s, 1));    /* empty notes are optional */
	assert_false(review_unanswered(s, 2));
	assert_false(review_unanswered(s, 3));    /* passed, not waiting */
	assert_false(review_unanswered(s, 99));
	assert_int_equal(review_unanswered_count(s, waiting, 4), 1);
	assert_int_equal(waiting[0], 0);
	assert_int_equal(waiting[1], 99);
	assert_int_equal(review_unanswered_count(s, NULL, 0), 1);
	assert_int_equal(review_passed_count(s), 3);
	scenario.video = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_full_journey_reaches_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_counts_what_is_not_answered, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_required_step_cannot_be_passed_or_skipped, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_drafts_are_saved_within_the_autosave_time, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_restart_resumes_on_the_same_step_with_the_text,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_reopens_a_step_and_returns, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_back_goes_where_the_trainee_came_from, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_every_journey_move_leads_where_it_should, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_store_error_shows_a_message_and_keeps_the_words,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_last_save_on_close_is_reported, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_session_end_on_close_is_reported, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_close_saves_the_words_kept_on_the_message_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_countdown_and_thanks_timers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_countdown_runs_on_through_back_and_next, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_with_video_player_cue_steps_are_left_to_the_video,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_time_out_saves_the_draft_and_returns_to_the_start,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_discussion_moves_the_trainee_on, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_cue_is_asked_over_the_video_and_stored_with_its_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume_returns_to_the_furthest_point_watched,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_video_skips_cues_it_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_field_edits_the_session_text, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_video_puts_cue_steps_in_the_list, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_restart_resumes_an_answer_reopened_from_the_review, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
