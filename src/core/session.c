/* The trainee's journey state machine: screens, answers in memory, and when they reach the store. */
#include "core/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer_field.h"

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
	int64_t step_entered;    /* for the discussion countdown */
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

static bool has_answer(const struct step *step, const struct session_answer *a)
{
	switch (step->kind) {
	case STEP_SCALE:
		return a->has_scale;
	case STEP_CHOICE:
		for (size_t i = 0; i < step->option_count; i++)
			if (a->chosen[i])
				return true;
		return false;
	default:
		return a->text[strspn(a->text, " \t\r\n")] != '\0';
	}
}

static void answer_clear(const struct step *step, struct session_answer *a)
{
	a->status = RESPONSE_DRAFT;
	a->touched = false;
	a->text[0] = '\0';
	a->has_scale = false;
	a->scale = 0;
	if (a->chosen)
		memset(a->chosen, 0, step->option_count * sizeof *a->chosen);
}

static bool answer_set_text(struct session_answer *a, const char *text)
{
	char *copy = strdup(text);

	if (!copy)
		return false;
	free(a->text);
	a->text = copy;
	return true;
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
	const struct session_answer *a = &s->answers[index];
	const char *choices[12];
	size_t n = 0;
	bool passed = a->status == RESPONSE_PASSED;
	struct response r = {
		.step_id = step->id,
		.kind = step->kind,
		.prompt = step->text,
		.status = a->status,
		.video_ms = s->video_ms[index],
	};

	answer_field_sync(s->field, s->answers);
	if (!answerable(step) || s->participant == 0)
		return true;
	if (!passed && step->kind == STEP_SCALE) {
		r.has_scale = a->has_scale;
		r.scale = a->scale;
	} else if (!passed && step->kind == STEP_CHOICE) {
		for (size_t i = 0; i < step->option_count && n < 12; i++)
			if (a->chosen[i])
				choices[n++] = step->options[i];
		r.choices = choices;
		r.choice_count = n;
	} else if (!passed && step->kind != STEP_CHOICE) {
		r.text = a->text;
	}
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

static bool set_position(struct session *s, const char *position)
{
	struct rjk_error err = {{0}};

	if (s->participant == 0)
		return true;
	if (!store_participant_set_position(s->store, s->participant, position, &err))
		return fail(s, "Your place in the scenario could not be saved", &err);
	return true;
}

/* Stores "video:MS" with the furthest point watched as the trainee's place. */
static bool set_video_position(struct session *s)
{
	char position[48];

	snprintf(position, sizeof position, "video:%lld", (long long)s->video_resume_ms);
	return set_position(s, position);
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
	return set_position(s, "review");
}

static bool enter_step(struct session *s, size_t index, int64_t now_ms)
{
	char position[SCENARIO_ID_MAX + 16];

	if (index >= s->scenario->step_count)
		return enter_review(s);
	s->screen = SESSION_STEP;
	s->step = index;
	s->step_entered = now_ms;
	s->dirty = false;
	snprintf(position, sizeof position, "step:%s", s->scenario->steps[index].id);
	return set_position(s, position);
}

static bool enter_after_note(struct session *s, int64_t now_ms)
{
	if (s->video_available && s->scenario->video) {
		s->screen = SESSION_VIDEO;
		return set_video_position(s);
	}
	return enter_step(s, next_journey_step(s, 0), now_ms);
}

static bool enter_after_who(struct session *s, int64_t now_ms)
{
	if (s->scenario->content_note) {
		s->screen = SESSION_NOTE;
		return set_position(s, "note");
	}
	return enter_after_note(s, now_ms);
}

static void restore_answers(struct session *s, const struct stored_response *r, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t index;
		const struct step *step = scenario_find_step(s->scenario, r[i].step_id, &index);
		struct session_answer *a;

		if (!step || step->kind != r[i].kind)
			continue;
		a = &s->answers[index];
		a->status = r[i].status;
		a->touched = true;
		if (r[i].text)
			answer_set_text(a, r[i].text);
		a->has_scale = r[i].has_scale;
		a->scale = r[i].scale;
		s->video_ms[index] = r[i].video_ms;
		for (size_t c = 0; a->chosen && c < r[i].choice_count; c++)
			for (size_t o = 0; o < step->option_count; o++)
				if (!strcmp(r[i].choices[c], step->options[o]))
					a->chosen[o] = true;
	}
}

/* "video" or "video:MS" (the furthest point watched): notes MS for the video screen. */
static bool video_position(struct session *s, const char *position)
{
	if (strncmp(position, "video", 5) || (position[5] && position[5] != ':') ||
	    !s->video_available || !s->scenario->video)
		return false;
	s->video_resume_ms = position[5] ? strtoll(position + 6, NULL, 10) : 0;
	if (s->video_resume_ms < 0)
		s->video_resume_ms = 0;
	return true;
}

static bool resume(struct session *s, int64_t participant, const char *position,
		   struct rjk_error *err)
{
	struct stored_response *responses = NULL;
	size_t count = 0, index;

	if (!store_load_responses(s->store, participant, &responses, &count, err))
		return false;
	s->participant = participant;
	restore_answers(s, responses, count);
	store_responses_free(responses, count);
	if (!strcmp(position, "note") && s->scenario->content_note)
		s->screen = SESSION_NOTE;
	else if (video_position(s, position))
		s->screen = SESSION_VIDEO;
	else if (!strcmp(position, "review"))
		s->screen = SESSION_REVIEW;
	else if (!strncmp(position, "step:", 5) &&
		 scenario_find_step(s->scenario, position + 5, &index) &&
		 session_step_in_journey(s, index)) {
		s->screen = SESSION_STEP;
		s->step = index;
	} else {
		s->screen = SESSION_STEP;
		s->step = next_journey_step(s, 0);
		if (s->step >= s->scenario->step_count)
			s->screen = SESSION_REVIEW;
	}
	return true;
}

struct session *session_open(const struct scenario *scenario, struct store *store,
			     bool video_available, struct rjk_error *err)
{
	struct session *s = calloc(1, sizeof *s);
	int64_t open_id = 0, participant = 0;
	char position[SCENARIO_ID_MAX + 16] = "";

	if (!s || !(s->answers = calloc(scenario->step_count, sizeof *s->answers)) ||
	    !(s->field = answer_field_new()) ||
	    !(s->video_ms = malloc((scenario->step_count + 1) * sizeof *s->video_ms)))
		goto oom;
	for (size_t i = 0; i < scenario->step_count; i++)
		s->video_ms[i] = -1;
	s->scenario = scenario;
	s->store = store;
	s->video_available = video_available;
	for (size_t i = 0; i < scenario->step_count; i++) {
		struct session_answer *a = &s->answers[i];

		if (!(a->text = calloc(1, 1)))
			goto oom;
		if (scenario->steps[i].kind == STEP_CHOICE &&
		    !(a->chosen = calloc(scenario->steps[i].option_count, sizeof *a->chosen)))
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
		if (participant && strcmp(position, SESSION_TIMED_OUT) &&
		    !resume(s, participant, position, err))
			goto fail;
	} else if (!(s->store_id = store_session_start(store, scenario, NULL, err))) {
		goto fail;
	}
	return s;
oom:
	rjk_error_set(err, "out of memory while opening the session");
fail:
	session_close(s, false);
	return NULL;
}

void session_close(struct session *s, bool end_session)
{
	struct rjk_error err = {{0}};

	if (!s)
		return;
	if (s->answers) {
		if (s->store_id && s->screen == SESSION_STEP && s->dirty)
			save_answer(s, s->step, &err);
		if (end_session && s->store_id)
			store_session_end(s->store, s->store_id, &err);
		for (size_t i = 0; i < s->scenario->step_count; i++) {
			free(s->answers[i].text);
			free(s->answers[i].chosen);
		}
	}
	free(s->answers);
	answer_field_free(s->field);
	free(s->video_ms);
	free(s);
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

size_t session_step_number(const struct session *s)
{
	size_t n = 0;

	for (size_t i = 0; i <= s->step && i < s->scenario->step_count; i++)
		n += session_step_in_journey(s, i);
	return n;
}

size_t session_step_total(const struct session *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->scenario->step_count; i++)
		n += session_step_in_journey(s, i);
	return n;
}

int64_t session_countdown_ms(const struct session *s, int64_t now_ms)
{
	const struct step *step = session_step(s);
	int64_t left;

	if (s->screen != SESSION_STEP || !step || step->kind != STEP_DISCUSSION || !step->minutes)
		return -1;
	left = (int64_t)step->minutes * 60000 - (now_ms - s->step_entered);
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
	return set_video_position(s);
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
	if (has_answer(step, &s->answers[s->step]))
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

bool session_back(struct session *s, int64_t now_ms)
{
	size_t prev;

	switch (s->screen) {
	case SESSION_WHO:
		s->screen = SESSION_START;
		return true;
	case SESSION_REVIEW: {
		size_t last = s->scenario->step_count;

		if (!prev_journey_step(s, last, &prev))
			return false;
		return enter_step(s, prev, now_ms);
	}
	case SESSION_STEP: {
		struct session_answer *a = &s->answers[s->step];
		bool first = !prev_journey_step(s, s->step, &prev);

		if (!session_can_go_back(s))
			return false;
		answer_field_sync(s->field, s->answers);
		if (a->status == RESPONSE_ANSWERED && !has_answer(session_step(s), a))
			a->status = RESPONSE_DRAFT;
		if (!flush(s, now_ms))
			return false;
		s->notice[0] = '\0';
		if (s->from_review)
			return enter_review(s);
		if (!first)
			return enter_step(s, prev, now_ms);
		if (s->video_available && s->scenario->video) {
			s->screen = SESSION_VIDEO;
			return set_video_position(s);
		}
		s->screen = SESSION_NOTE;
		return set_position(s, "note");
	}
	case SESSION_VIDEO:
		if (!s->scenario->content_note)
			return false;
		s->screen = SESSION_NOTE;
		return set_position(s, "note");
	default:
		return false;
	}
}

bool session_can_go_back(const struct session *s)
{
	size_t prev;

	switch (s->screen) {
	case SESSION_WHO:
		return true;
	case SESSION_REVIEW:
		return prev_journey_step(s, s->scenario->step_count, &prev);
	case SESSION_STEP:
		if (s->in_cue)
			return false;
		return s->from_review || prev_journey_step(s, s->step, &prev) ||
		       s->scenario->content_note || (s->video_available && s->scenario->video);
	case SESSION_VIDEO:
		return s->scenario->content_note != NULL;
	default:
		return false;
	}
}

bool session_review_edit(struct session *s, size_t index, int64_t now_ms)
{
	if (s->screen != SESSION_REVIEW || !session_step_in_review(s, index) ||
	    !answerable(&s->scenario->steps[index]))
		return false;
	if (!enter_step(s, index, now_ms))
		return false;
	s->from_review = true;
	return true;
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
		if (!has_answer(step, a) && step->required) {
			if (!enter_step(s, i, now_ms))
				return false;
			s->from_review = true;
			snprintf(s->notice, sizeof s->notice,
				 "This question needs an answer before you submit.");
			return false;
		}
		a->status = has_answer(step, a) ? RESPONSE_ANSWERED : RESPONSE_PASSED;
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
		answer_clear(&s->scenario->steps[i], &s->answers[i]);
	s->participant = 0;
	s->name[0] = '\0';
	s->step = 0;
	s->from_review = false;
	s->in_cue = false;
	s->video_resume_ms = 0;
	for (size_t i = 0; i < s->scenario->step_count; i++)
		s->video_ms[i] = -1;
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
	if (!flush(s, now_ms) || !set_position(s, SESSION_TIMED_OUT))
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
		int64_t tick = now_ms + (left % 1000 ? left % 1000 : 1000);

		if (due < 0 || tick < due)
			due = tick;
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

bool session_in_cue(const struct session *s)
{
	return s->screen == SESSION_STEP && s->in_cue;
}

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
	s->step_entered = now_ms;
	s->dirty = false;
	s->from_review = false;
	s->in_cue = true;
	/* A crash while the question is open resumes on the video at this point; the cue,
	 * still unanswered, is then asked again. */
	return set_video_position(s);
}

bool session_video_progress(struct session *s, int64_t watched_ms)
{
	if (s->screen != SESSION_VIDEO || watched_ms <= s->video_resume_ms)
		return true;
	s->video_resume_ms = watched_ms;
	return set_video_position(s);
}

int64_t session_video_ms(const struct session *s, size_t index)
{
	return index < s->scenario->step_count ? s->video_ms[index] : -1;
}

int64_t session_video_resume_ms(const struct session *s)
{
	return s->video_resume_ms;
}

bool session_video_failed(struct session *s, int64_t now_ms)
{
	if (s->screen != SESSION_VIDEO)
		return false;
	/* Without the video, its cue steps are asked in the normal step list. */
	s->video_available = false;
	return enter_step(s, next_journey_step(s, 0), now_ms);
}
