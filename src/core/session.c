/* The trainee's journey state machine: screens, answers in memory, and when they reach the store. */
#include "core/session.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/answer_field.h"
#include "core/deadline.h"
#include "core/position.h"
#include "core/session_naming.h"

struct session {
	const struct scenario *scenario;
	struct store *store;
	bool video_available;
	int64_t store_id;
	int64_t participant;
	char name[SESSION_NAME_MAX];
	enum session_screen screen;
	enum session_screen return_screen; /* where the message screen goes back to */
	size_t step;
	bool from_review;
	struct session_answer *answers;
	struct answer_field *field; /* the current step's text while it is edited in place */
	int64_t *video_ms;       /* per step: video time a cue step was shown at, -1 otherwise */
	bool in_cue;             /* the current step is a cue asked over the paused video */
	int64_t video_resume_ms; /* furthest point of the video watched, stored in the position */
	bool dirty;              /* answers[step] changed since last saved */
	int64_t save_due;        /* when the pending draft is written */
	int64_t *countdown_from; /* per step: when its discussion countdown began (the step first
	                            entered by this trainee), -1 before: Back and Next do not
	                            start it again */
	int64_t thanks_since;
	char notice[RJK_ERROR_MAX];
	char message[RJK_ERROR_MAX + 256];
};

static const char *const screen_names[] = {
	"start", "who", "note", "video", "step", "review", "thanks", "message",
};

const char *session_screen_name(enum session_screen screen)
{
	return (size_t)screen < sizeof screen_names / sizeof screen_names[0] ?
		screen_names[screen] : "?";
}

static bool answerable(const struct step *step)
{
	return step->kind != STEP_DISCUSSION || step->notes;
}

/* Shows a store problem on the message screen; the trainee's words stay in memory. */
static bool fail(struct session *s, const char *what, const struct rjk_error *err)
{
	snprintf(s->message, sizeof s->message,
		 "%s: %s\n\nNothing you have written is lost: it is still here. Please tell the "
		 "facilitator.", what, err->message);
	if (s->screen != SESSION_MESSAGE)
		s->return_screen = s->screen;
	s->screen = SESSION_MESSAGE;
	return false;
}

static bool save_answer(struct session *s, size_t index, struct rjk_error *err)
{
	const struct step *step = &s->scenario->steps[index];
	const char *choices[CHOICE_MAX_OPTIONS];
	struct response r;

	answer_field_sync(s->field, s->answers);
	if (!answerable(step) || s->participant == 0)
		return true;
	answer_to_response(step, &s->answers[index], s->video_ms[index], choices, &r);
	return store_save_response(s->store, s->participant, &r, err);
}

/* Writes the current step's pending draft (if any); on failure the message screen shows. */
static bool flush(struct session *s, int64_t now_ms)
{
	struct rjk_error err = {{0}};

	if (!s->dirty || s->screen != SESSION_STEP)
		return true;
	if (!save_answer(s, s->step, &err)) {
		/* Retry later rather than at every keystroke while the disk is still full. */
		s->save_due = now_ms + 10 * SESSION_AUTOSAVE_MS;
		return fail(s, "Your answer could not be saved", &err);
	}
	s->dirty = false;
	return true;
}

bool session_save_now(struct session *s, int64_t now_ms)
{
	return flush(s, now_ms);
}

/* Stores the trainee's place: kind, with the current step (reopened from the review when
 * from_review is set) or the furthest point of the video watched. */
static bool set_position(struct session *s, enum position_kind kind)
{
	struct position pos = {.kind = kind, .video_ms = s->video_resume_ms};
	struct rjk_error err = {{0}};
	char text[POSITION_MAX];

	if (s->participant == 0)
		return true;
	if (kind == POSITION_STEP) {
		pos.kind = s->from_review ? POSITION_EDIT : POSITION_STEP;
		pos.step_id = s->scenario->steps[s->step].id;
	}
	position_format(&pos, text, sizeof text);
	if (!store_participant_set_position(s->store, s->participant, text, &err))
		return fail(s, "Your place in the scenario could not be saved", &err);
	return true;
}

bool session_step_in_journey(const struct session *s, size_t index)
{
	if (index >= s->scenario->step_count)
		return false;
	if (!s->scenario->steps[index].is_cue)
		return true;
	/* A cue step belongs to the video; when the video fails, those it had not yet asked join
	 * the list (the ones it asked stay in the review only). */
	return !s->video_available && s->video_ms[index] < 0;
}

static size_t next_journey_step(const struct session *s, size_t from)
{
	while (from < s->scenario->step_count && !session_step_in_journey(s, from))
		from++;
	return from;
}

static bool prev_journey_step(const struct session *s, size_t from, size_t *out)
{
	while (from > 0) {
		from--;
		if (session_step_in_journey(s, from)) {
			*out = from;
			return true;
		}
	}
	return false;
}

static bool enter_review(struct session *s)
{
	s->screen = SESSION_REVIEW;
	s->from_review = false;
	return set_position(s, POSITION_REVIEW);
}

static void start_countdown(struct session *s, size_t index, int64_t now_ms)
{
	if (s->countdown_from[index] < 0)
		s->countdown_from[index] = now_ms;
}

static bool enter_step(struct session *s, size_t index, int64_t now_ms)
{
	if (index >= s->scenario->step_count)
		return enter_review(s);
	s->screen = SESSION_STEP;
	s->step = index;
	start_countdown(s, index, now_ms);
	s->dirty = false;
	return set_position(s, POSITION_STEP);
}

static bool enter_after_note(struct session *s, int64_t now_ms)
{
	if (s->video_available && s->scenario->video) {
		s->screen = SESSION_VIDEO;
		return set_position(s, POSITION_VIDEO);
	}
	return enter_step(s, next_journey_step(s, 0), now_ms);
}

static bool enter_after_who(struct session *s, int64_t now_ms)
{
	if (s->scenario->content_note) {
		s->screen = SESSION_NOTE;
		return set_position(s, POSITION_NOTE);
	}
	return enter_after_note(s, now_ms);
}

/* Puts the stored answers back in memory (those to steps the scenario still has, of the same
 * kind). False when out of memory. */
static bool restore_answers(struct session *s, const struct stored_response *r, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t index;
		const struct step *step = scenario_find_step(s->scenario, r[i].step_id, &index);

		if (!step || step->kind != r[i].kind)
			continue;
		if (!answer_from_stored(step, &r[i], &s->answers[index]))
			return false;
		s->video_ms[index] = r[i].video_ms;
	}
	return true;
}

/* Puts an unfinished trainee back where the stored position says, or on the first step when
 * that place is no longer in this journey. */
static bool resume(struct session *s, int64_t participant, const struct position *pos,
		   struct rjk_error *err)
{
	struct stored_response *responses = NULL;
	size_t count = 0, index;

	if (!store_load_responses(s->store, participant, &responses, &count, err))
		return false;
	s->participant = participant;
	if (!restore_answers(s, responses, count)) {
		store_responses_free(responses, count);
		return rjk_error_set(err, "out of memory while reading the answers back");
	}
	store_responses_free(responses, count);
	if (pos->kind == POSITION_NOTE && s->scenario->content_note) {
		s->screen = SESSION_NOTE;
	} else if (pos->kind == POSITION_VIDEO && s->video_available && s->scenario->video) {
		s->screen = SESSION_VIDEO;
		s->video_resume_ms = pos->video_ms;
	} else if (pos->kind == POSITION_REVIEW) {
		s->screen = SESSION_REVIEW;
	} else if (pos->kind == POSITION_STEP &&
		   scenario_find_step(s->scenario, pos->step_id, &index) &&
		   session_step_in_journey(s, index)) {
		s->screen = SESSION_STEP;
		s->step = index;
	} else if (pos->kind == POSITION_EDIT &&
		   scenario_find_step(s->scenario, pos->step_id, &index) &&
		   session_step_in_review(s, index) && answerable(&s->scenario->steps[index])) {
		s->screen = SESSION_STEP;
		s->step = index;
		s->from_review = true;
	} else {
		s->screen = SESSION_STEP;
		s->step = next_journey_step(s, 0);
		if (s->step >= s->scenario->step_count)
			s->screen = SESSION_REVIEW;
	}
	/* The restarted kiosk's clock begins at 0: a countdown the restart cut short begins
	 * again from full (the time before the restart is not kept). */
	if (s->screen == SESSION_STEP)
		s->countdown_from[s->step] = 0;
	return true;
}

/* Frees what session_open allocated, saving nothing. NULL is a no-op. */
static void destroy(struct session *s)
{
	if (!s)
		return;
	for (size_t i = 0; s->answers && i < s->scenario->step_count; i++)
		answer_release(&s->answers[i]);
	free(s->answers);
	answer_field_free(s->field);
	free(s->video_ms);
	free(s->countdown_from);
	free(s);
}

struct session *session_open(const struct scenario *scenario, struct store *store,
			     bool video_available, const char *name, struct rjk_error *err)
{
	char default_name[STORE_SESSION_NAME_MAX_CHARS * 4 + 1];
	struct session *s = calloc(1, sizeof *s);
	int64_t open_id = 0, participant = 0;
	char position[POSITION_MAX] = "";
	struct position pos;

	if (!s)
		goto oom;
	s->scenario = scenario;
	s->store = store;
	s->video_available = video_available;
	if (!(s->answers = calloc(scenario->step_count, sizeof *s->answers)) ||
	    !(s->field = answer_field_new()) ||
	    !(s->video_ms = malloc((scenario->step_count + 1) * sizeof *s->video_ms)) ||
	    !(s->countdown_from = malloc((scenario->step_count + 1) *
					 sizeof *s->countdown_from)))
		goto oom;
	for (size_t i = 0; i < scenario->step_count; i++) {
		s->video_ms[i] = s->countdown_from[i] = -1;
		if (!answer_init(&s->answers[i], &scenario->steps[i]))
			goto oom;
	}
	if (!store_find_open_session(store, scenario->id, &open_id, err))
		goto fail;
	if (open_id) {
		s->store_id = open_id;
		if (!store_find_unfinished_participant(store, open_id, &participant, s->name,
						       sizeof s->name, position, sizeof position,
						       err))
			goto fail;
		pos = position_parse(position);
		if (participant && pos.kind != POSITION_TIMED_OUT &&
		    !resume(s, participant, &pos, err))
			goto fail;
	} else {
		if (!name)
			name = session_naming_default(default_name, sizeof default_name,
						      store_now(store), scenario->title,
						      STORE_SESSION_NAME_MAX_CHARS);
		if (!(s->store_id = store_session_start(store, scenario, name, err)))
			goto fail;
	}
	return s;
oom:
	rjk_error_set(err, "out of memory while opening the session");
fail:
	destroy(s);
	return NULL;
}

bool session_close(struct session *s, bool end_session, struct rjk_error *err)
{
	struct rjk_error why = {{0}};
	bool ok = true, on_step;

	if (!s)
		return true;
	/* Words kept on the message screen after a failed save get one more try. */
	on_step = s->screen == SESSION_STEP ||
		  (s->screen == SESSION_MESSAGE && s->return_screen == SESSION_STEP);
	if (s->store_id && on_step && s->dirty && !save_answer(s, s->step, &why))
		ok = rjk_error_set(err, "The answer being written could not be saved: %s",
				   why.message);
	if (end_session && s->store_id && !store_session_end(s->store, s->store_id, &why) && ok)
		ok = rjk_error_set(err, "The session could not be ended; it stays open and the "
				   "kiosk resumes it when it starts again: %s", why.message);
	destroy(s);
	return ok;
}

enum session_screen session_screen(const struct session *s) { return s->screen; }
const struct scenario *session_scenario(const struct session *s) { return s->scenario; }
size_t session_step_index(const struct session *s) { return s->step; }
const char *session_name(const struct session *s) { return s->name; }
bool session_from_review(const struct session *s) { return s->from_review; }
bool session_has_unsaved(const struct session *s) { return s->dirty; }
int64_t session_store_id(const struct session *s) { return s->store_id; }
int64_t session_participant(const struct session *s) { return s->participant; }

const struct step *session_step(const struct session *s)
{
	return s->step < s->scenario->step_count ? &s->scenario->steps[s->step] : NULL;
}

const struct session_answer *session_answer(const struct session *s, size_t index)
{
	answer_field_sync(s->field, s->answers);
	return index < s->scenario->step_count ? &s->answers[index] : NULL;
}

struct textedit *session_text_edit(const struct session *s)
{
	if (s->screen != SESSION_STEP)
		return NULL;
	return answer_field_open(s->field, s->step, session_step(s), s->answers);
}

const char *session_message(const struct session *s)
{
	return s->screen == SESSION_MESSAGE ? s->message : s->notice;
}

/* How many of the steps before end are in the trainee's journey. */
static size_t journey_steps_before(const struct session *s, size_t end)
{
	size_t n = 0;

	for (size_t i = 0; i < end && i < s->scenario->step_count; i++)
		n += session_step_in_journey(s, i);
	return n;
}

size_t session_step_number(const struct session *s) { return journey_steps_before(s, s->step + 1); }
size_t session_step_total(const struct session *s) { return journey_steps_before(s, SIZE_MAX); }

int64_t session_countdown_ms(const struct session *s, int64_t now_ms)
{
	const struct step *step = session_step(s);
	int64_t left;

	if (s->screen != SESSION_STEP || !step || step->kind != STEP_DISCUSSION || !step->minutes)
		return -1;
	left = (int64_t)step->minutes * 60000 - (now_ms - s->countdown_from[s->step]);
	return left > 0 ? left : 0;
}

bool session_start(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_START)
		return false;
	s->notice[0] = '\0';
	s->screen = SESSION_WHO;
	return true;
}

bool session_set_who(struct session *s, const char *name, int64_t now_ms)
{
	struct rjk_error err = {{0}};
	int64_t id;

	if (s->screen != SESSION_WHO)
		return false;
	id = store_participant_add(s->store, s->store_id, name, s->name, sizeof s->name, &err);
	if (!id)
		return fail(s, "The kiosk could not start your answers", &err);
	s->participant = id;
	return enter_after_who(s, now_ms);
}

bool session_note_continue(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_NOTE)
		return false;
	return enter_after_note(s, now_ms);
}

bool session_video_done(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_VIDEO)
		return false;
	return enter_step(s, next_journey_step(s, 0), now_ms);
}

/* An edit of an answered step keeps it answered; editing a pass makes it a draft again. */
static void edited(struct session *s, int64_t now_ms)
{
	struct session_answer *a = &s->answers[s->step];

	a->touched = true;
	if (a->status == RESPONSE_PASSED)
		a->status = RESPONSE_DRAFT;
	if (!s->dirty)
		s->save_due = now_ms + SESSION_AUTOSAVE_MS;
	s->dirty = true;
	s->notice[0] = '\0';
}

bool session_set_text(struct session *s, const char *text, int64_t now_ms)
{
	const struct step *step = session_step(s);

	if (s->screen != SESSION_STEP || !answerable(step) || step->kind == STEP_SCALE ||
	    step->kind == STEP_CHOICE)
		return false;
	answer_field_close(s->field, s->answers);
	if (!strcmp(text, s->answers[s->step].text))
		return true;
	if (!answer_set_text(&s->answers[s->step], text)) {
		struct rjk_error err;

		rjk_error_set(&err, "out of memory");
		return fail(s, "Your answer could not be kept", &err);
	}
	edited(s, now_ms);
	return true;
}

bool session_text_edited(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_STEP || !answer_field_holds(s->field, s->step))
		return false;
	edited(s, now_ms);
	return true;
}

bool session_set_scale(struct session *s, int value, int64_t now_ms)
{
	const struct step *step = session_step(s);
	struct session_answer *a = &s->answers[s->step];

	if (s->screen != SESSION_STEP || step->kind != STEP_SCALE || value < step->min ||
	    value > step->max)
		return false;
	a->has_scale = true;
	a->scale = value;
	edited(s, now_ms);
	return flush(s, now_ms);
}

bool session_toggle_choice(struct session *s, size_t option, int64_t now_ms)
{
	const struct step *step = session_step(s);
	struct session_answer *a = &s->answers[s->step];

	if (s->screen != SESSION_STEP || step->kind != STEP_CHOICE || option >= step->option_count)
		return false;
	if (step->multiple) {
		a->chosen[option] = !a->chosen[option];
	} else {
		memset(a->chosen, 0, step->option_count * sizeof *a->chosen);
		a->chosen[option] = true;
	}
	edited(s, now_ms);
	return flush(s, now_ms);
}

static bool leave_cue(struct session *s)
{
	s->in_cue = false;
	s->screen = SESSION_VIDEO;
	return set_position(s, POSITION_VIDEO);
}

/* Saves the current step with a final status, then leaves it forwards. */
static bool leave_step(struct session *s, enum response_status status, int64_t now_ms)
{
	struct session_answer *a = &s->answers[s->step];
	enum response_status before = a->status;
	struct rjk_error err = {{0}};

	a->status = status;
	if (!save_answer(s, s->step, &err)) {
		a->status = before;
		return fail(s, "Your answer could not be saved", &err);
	}
	s->dirty = false;
	s->notice[0] = '\0';
	if (s->in_cue)
		return leave_cue(s);
	if (s->from_review)
		return enter_review(s);
	return enter_step(s, next_journey_step(s, s->step + 1), now_ms);
}

bool session_next(struct session *s, int64_t now_ms)
{
	const struct step *step = session_step(s);

	if (s->screen != SESSION_STEP)
		return false;
	answer_field_sync(s->field, s->answers);
	if (answer_given(step, &s->answers[s->step]))
		return leave_step(s, RESPONSE_ANSWERED, now_ms);
	if (step->required && step->kind != STEP_DISCUSSION) {
		snprintf(s->notice, sizeof s->notice, "This question needs an answer before you go on.");
		return false;
	}
	return leave_step(s, answerable(step) ? RESPONSE_PASSED : RESPONSE_ANSWERED, now_ms);
}

bool session_pass(struct session *s, int64_t now_ms)
{
	const struct step *step = session_step(s);

	if (s->screen != SESSION_STEP || step->required || !answerable(step))
		return false;
	return leave_step(s, RESPONSE_PASSED, now_ms);
}

/* Where Back leads from the current screen: *screen, with *step when that is SESSION_STEP.
 * False when Back leads nowhere from here. */
static bool back_target(const struct session *s, enum session_screen *screen, size_t *step)
{
	switch (s->screen) {
	case SESSION_WHO:
		*screen = SESSION_START;
		return true;
	case SESSION_REVIEW:
		*screen = SESSION_STEP;
		return prev_journey_step(s, s->scenario->step_count, step);
	case SESSION_STEP:
		if (s->in_cue)
			return false;
		if (s->from_review)
			*screen = SESSION_REVIEW;
		else if (prev_journey_step(s, s->step, step))
			*screen = SESSION_STEP;
		else if (s->video_available && s->scenario->video)
			*screen = SESSION_VIDEO;
		else if (s->scenario->content_note)
			*screen = SESSION_NOTE;
		else
			return false;
		return true;
	case SESSION_VIDEO:
		*screen = SESSION_NOTE;
		return s->scenario->content_note != NULL;
	default:
		return false;
	}
}

bool session_back(struct session *s, int64_t now_ms)
{
	enum session_screen to;
	size_t prev = 0;

	if (!back_target(s, &to, &prev))
		return false;
	if (s->screen == SESSION_STEP) {
		struct session_answer *a = &s->answers[s->step];

		answer_field_sync(s->field, s->answers);
		if (a->status == RESPONSE_ANSWERED && !answer_given(session_step(s), a))
			a->status = RESPONSE_DRAFT;
		if (!flush(s, now_ms))
			return false;
		s->notice[0] = '\0';
	}
	switch (to) {
	case SESSION_START:
		s->screen = SESSION_START;
		return true;
	case SESSION_STEP:
		return enter_step(s, prev, now_ms);
	case SESSION_REVIEW:
		return enter_review(s);
	case SESSION_VIDEO:
		s->screen = SESSION_VIDEO;
		return set_position(s, POSITION_VIDEO);
	default:
		s->screen = SESSION_NOTE;
		return set_position(s, POSITION_NOTE);
	}
}

bool session_can_go_back(const struct session *s)
{
	enum session_screen to;
	size_t prev;

	return back_target(s, &to, &prev);
}

bool session_review_edit(struct session *s, size_t index, int64_t now_ms)
{
	if (s->screen != SESSION_REVIEW || !session_step_in_review(s, index) ||
	    !answerable(&s->scenario->steps[index]))
		return false;
	/* Set first: the stored position says the step goes back to the review. */
	s->from_review = true;
	return enter_step(s, index, now_ms);
}

bool session_submit(struct session *s, int64_t now_ms)
{
	struct rjk_error err = {{0}};

	if (s->screen != SESSION_REVIEW)
		return false;
	for (size_t i = 0; i < s->scenario->step_count; i++) {
		const struct step *step = &s->scenario->steps[i];
		struct session_answer *a = &s->answers[i];

		if (!session_step_in_review(s, i) || !answerable(step) ||
		    a->status != RESPONSE_DRAFT)
			continue;
		if (!answer_given(step, a) && step->required) {
			s->from_review = true;
			if (!enter_step(s, i, now_ms))
				return false;
			snprintf(s->notice, sizeof s->notice,
				 "This question needs an answer before you submit.");
			return false;
		}
		a->status = answer_given(step, a) ? RESPONSE_ANSWERED : RESPONSE_PASSED;
		if (!save_answer(s, i, &err)) {
			a->status = RESPONSE_DRAFT;
			return fail(s, "Your answers could not be submitted", &err);
		}
	}
	if (!store_participant_submit(s->store, s->participant, &err))
		return fail(s, "Your answers could not be submitted", &err);
	s->screen = SESSION_THANKS;
	s->thanks_since = now_ms;
	return true;
}

/* Clears the trainee from memory and shows the start screen for the next one. */
static void reset_for_next(struct session *s)
{
	answer_field_close(s->field, s->answers);
	for (size_t i = 0; i < s->scenario->step_count; i++)
		answer_clear(&s->answers[i], &s->scenario->steps[i]);
	s->participant = 0;
	s->name[0] = '\0';
	s->step = 0;
	s->from_review = false;
	s->in_cue = false;
	s->video_resume_ms = 0;
	for (size_t i = 0; i < s->scenario->step_count; i++)
		s->video_ms[i] = s->countdown_from[i] = -1;
	s->dirty = false;
	s->notice[0] = '\0';
	s->screen = SESSION_START;
}

bool session_finish(struct session *s, int64_t now_ms)
{
	(void)now_ms;
	if (s->screen != SESSION_THANKS)
		return false;
	reset_for_next(s);
	return true;
}

bool session_time_out(struct session *s, int64_t now_ms)
{
	if (s->screen == SESSION_START)
		return false;
	if (s->screen == SESSION_THANKS)
		return session_finish(s, now_ms);
	if (s->screen == SESSION_MESSAGE)
		s->screen = s->return_screen;
	if (!flush(s, now_ms) || !set_position(s, POSITION_TIMED_OUT))
		return false;
	reset_for_next(s);
	return true;
}

bool session_next_discussion(struct session *s, int64_t now_ms)
{
	size_t i;

	if (s->screen != SESSION_STEP || !flush(s, now_ms))
		return false;
	for (i = s->step + 1; i < s->scenario->step_count; i++)
		if (session_step_in_journey(s, i) && s->scenario->steps[i].kind == STEP_DISCUSSION)
			break;
	s->from_review = false;
	return enter_step(s, i, now_ms);
}

void session_dismiss_message(struct session *s)
{
	if (s->screen == SESSION_MESSAGE)
		s->screen = s->return_screen;
}

bool session_tick(struct session *s, int64_t now_ms)
{
	if (s->screen == SESSION_THANKS && now_ms - s->thanks_since >= SESSION_THANKS_MS)
		return session_finish(s, now_ms);
	if (s->screen == SESSION_STEP && s->dirty && now_ms >= s->save_due) {
		enum session_screen before = s->screen;

		flush(s, now_ms);
		return s->screen != before;
	}
	return false;
}

int64_t session_next_deadline(const struct session *s, int64_t now_ms)
{
	int64_t due = -1, left;

	if (s->screen == SESSION_THANKS)
		due = s->thanks_since + SESSION_THANKS_MS;
	if (s->screen == SESSION_STEP && s->dirty)
		due = s->save_due;
	left = session_countdown_ms(s, now_ms);
	if (left > 0) {
		/* The countdown shows whole seconds: wake when the next one starts. */
		due = deadline_earliest(due, now_ms + (left % 1000 ? left % 1000 : 1000));
	}
	return due;
}

/* --- the video and its cues --- */

bool session_step_in_review(const struct session *s, size_t index)
{
	return index < s->scenario->step_count &&
	       (session_step_in_journey(s, index) || s->scenario->steps[index].is_cue);
}

bool session_cue_done(const struct session *s, size_t index)
{
	return index < s->scenario->step_count && s->answers[index].status != RESPONSE_DRAFT;
}

bool session_in_cue(const struct session *s) { return s->screen == SESSION_STEP && s->in_cue; }

bool session_cue_open(struct session *s, size_t index, int64_t video_ms, int64_t now_ms)
{
	if (s->screen != SESSION_VIDEO || index >= s->scenario->step_count ||
	    !s->scenario->steps[index].is_cue)
		return false;
	if (video_ms > s->video_resume_ms)
		s->video_resume_ms = video_ms;
	s->video_ms[index] = video_ms < 0 ? 0 : video_ms;
	s->screen = SESSION_STEP;
	s->step = index;
	start_countdown(s, index, now_ms);
	s->dirty = false;
	s->from_review = false;
	s->in_cue = true;
	/* A crash while the question is open resumes on the video at this point; the cue,
	 * still unanswered, is then asked again. */
	return set_position(s, POSITION_VIDEO);
}

bool session_video_progress(struct session *s, int64_t watched_ms)
{
	if (s->screen != SESSION_VIDEO || watched_ms <= s->video_resume_ms)
		return true;
	s->video_resume_ms = watched_ms;
	return set_position(s, POSITION_VIDEO);
}

int64_t session_video_ms(const struct session *s, size_t index)
{
	return index < s->scenario->step_count ? s->video_ms[index] : -1;
}

int64_t session_video_resume_ms(const struct session *s) { return s->video_resume_ms; }

bool session_video_failed(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_VIDEO)
		return false;
	/* Without the video, its cue steps are asked in the normal step list. */
	s->video_available = false;
	return enter_step(s, next_journey_step(s, 0), now_ms);
}
