/* Reads a session's results for the debrief from the response store: its steps, every
 * participant's responses, the answers of the class's other kiosks and the facilitator's
 * moderation, counted by core/debrief.c. */
#include "core/debrief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/store.h"
#include "core/store_lrs.h"

static char *dup_text(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort();
	return d;
}

static const char *scale_label(const struct store_step *s, int value)
{
	for (size_t i = 0; i < s->label_count; i++)
		if (s->labels[i].value == value)
			return s->labels[i].text;
	return NULL;
}

/* The question's empty bars: one per scale value or choice option. */
static void make_question(struct debrief_question *q, const struct store_step *s)
{
	memset(q, 0, sizeof *q);
	q->step_id = dup_text(s->step_id);
	q->prompt = dup_text(s->prompt);
	q->kind = s->kind;
	q->multiple = s->multiple;
	if (s->kind == STEP_SCALE && s->max >= s->min && s->max - s->min < 100)
		q->bar_count = (size_t)(s->max - s->min + 1);
	else if (s->kind == STEP_CHOICE)
		q->bar_count = s->option_count;
	q->bars = q->bar_count ? calloc(q->bar_count, sizeof *q->bars) : NULL;
	if (q->bar_count && !q->bars)
		abort();
	for (size_t i = 0; i < q->bar_count; i++) {
		struct debrief_bar *b = &q->bars[i];

		if (s->kind == STEP_SCALE) {
			const char *text;
			char buf[512];

			b->value = s->min + (int)i;
			text = scale_label(s, b->value);
			if (text)
				snprintf(buf, sizeof buf, "%d: %s", b->value, text);
			else
				snprintf(buf, sizeof buf, "%d", b->value);
			b->label = dup_text(buf);
		} else {
			b->value = (int)i;
			b->label = dup_text(s->options[i]);
		}
	}
}

static bool count_participant(struct store *store, struct debrief *d, int64_t participant,
			      struct rjk_error *err)
{
	struct stored_response *rs;
	size_t n;

	if (!store_load_responses(store, participant, &rs, &n, err))
		return false;
	for (size_t i = 0; i < n; i++) {
		for (size_t q = 0; q < d->count; q++) {
			struct debrief_question *dq = &d->questions[q];
			size_t before = dq->answer_count;
			bool hidden = false;

			if (strcmp(dq->step_id, rs[i].step_id))
				continue;
			debrief_add_response(dq, participant, (uint64_t)d->session * 1000003u + q,
					     &rs[i]);
			if (dq->answer_count > before &&
			    !store_debrief_is_hidden(store, participant, dq->step_id, &hidden, err)) {
				store_responses_free(rs, n);
				return false;
			}
			if (dq->answer_count > before)
				dq->answers[before].hidden = hidden;
			d->answered += rs[i].status == RESPONSE_ANSWERED;
			d->passed += rs[i].status == RESPONSE_PASSED;
			break;
		}
	}
	store_responses_free(rs, n);
	return true;
}

/* Orders class statements by person, then question, then time (ISO 8601, as the kiosks write
 * it), so each person's statements stand together and their latest on a question comes last. */
static int by_person_step_time(const void *x, const void *y)
{
	const struct class_statement *a = x, *b = y;
	int c = strcmp(a->actor, b->actor);

	if (!c)
		c = strcmp(a->step_id, b->step_id);
	if (!c)
		c = strcmp(a->timestamp, b->timestamp);
	return c ? c : strcmp(a->statement_id, b->statement_id);
}

/* A class statement's result.response read back into a response as the export wrote it: a
 * scale's number, a choice's "option-N" ids joined by "[,]" (N from 1; any other text is the
 * option's own), or the text. choices receives the option labels (count slots). */
static void response_of(const struct debrief_question *q, const struct class_statement *s,
			struct stored_response *r, char **choices, size_t count)
{
	memset(r, 0, sizeof *r);
	r->step_id = s->step_id;
	r->kind = q->kind;
	r->status = s->passed ? RESPONSE_PASSED : RESPONSE_ANSWERED;
	if (s->passed)
		return;
	if (q->kind == STEP_SCALE) {
		char *end;
		long v = strtol(s->response, &end, 10);

		r->has_scale = *s->response && !*end && v > -1000000 && v < 1000000;
		r->scale = (int)v;
	} else if (q->kind == STEP_CHOICE) {
		r->choices = choices;
		for (const char *at = s->response; *at && r->choice_count < count;) {
			const char *sep = strstr(at, "[,]");
			size_t len = sep ? (size_t)(sep - at) : strlen(at);
			unsigned long n = 0;
			int used = 0;

			if (sscanf(at, "option-%lu%n", &n, &used) == 1 && (size_t)used == len &&
			    n >= 1 && n <= q->bar_count)
				choices[r->choice_count++] = q->bars[n - 1].label;
			at += len + (sep ? 3 : 0);
		}
	} else {
		r->text = s->response;
	}
}

/* The answers of the class's other kiosks: each person's latest statement on a question
 * counts once. This kiosk's own statements (read back from the LRS too) are left out: its
 * answers were counted from the store. */
static bool count_class(struct store *store, struct debrief *d, const char *registration,
			struct rjk_error *err)
{
	struct class_statement *list = NULL;
	size_t n = 0;
	char kiosk[33] = "", own[24];
	bool ok = store_kiosk_id(store, kiosk, err) &&
		  store_class_list(store, registration, &list, &n, err);

	snprintf(own, sizeof own, "rjkiosk-%.8s-", kiosk);
	if (n > 1)
		qsort(list, n, sizeof *list, by_person_step_time);
	for (size_t i = 0; ok && i < n; i++) {
		const struct class_statement *s = &list[i];
		struct debrief_question *dq = NULL;
		struct stored_response r;
		char *choices[64];

		if (!strncmp(s->actor, own, strlen(own)))
			continue;
		bool last_of_person = i + 1 == n || strcmp(list[i + 1].actor, s->actor);

		d->participants += last_of_person;
		/* A later statement of the person on the question (an answer changed after it was
		 * first sent) supersedes this one. */
		if (!last_of_person && !strcmp(list[i + 1].step_id, s->step_id))
			continue;
		for (size_t q = 0; q < d->count && !dq; q++)
			if (!strcmp(d->questions[q].step_id, s->step_id))
				dq = &d->questions[q];
		if (!dq)
			continue;
		/* A steady key of its own for the person: the wall's order and moderation. */
		int64_t person = -(int64_t)(hash_bytes(s->actor, strlen(s->actor), 0) >> 2) - 1;
		size_t before = dq->answer_count;
		bool hidden = false;

		response_of(dq, s, &r, choices, sizeof choices / sizeof choices[0]);
		debrief_add_response(dq, person, (uint64_t)d->session * 1000003u +
				     (uint64_t)(dq - d->questions), &r);
		if (dq->answer_count > before) {
			ok = store_debrief_class_is_hidden(store, s->statement_id, &hidden, err);
			dq->answers[before].hidden = hidden;
			dq->answers[before].statement_id = strdup(s->statement_id);
			if (!dq->answers[before].statement_id)
				abort();
		}
		d->answered += r.status == RESPONSE_ANSWERED;
		d->passed += r.status == RESPONSE_PASSED;
	}
	class_statements_free(list, n);
	return ok;
}

/* A discussion prompt with no notes (passed or never reached) has nothing to debrief: it is left out, so the
 * facilitator steps only through what the class wrote. */
static void drop_unused_discussions(struct debrief *d)
{
	size_t kept = 0;

	for (size_t i = 0; i < d->count; i++) {
		struct debrief_question *q = &d->questions[i];

		if (q->kind == STEP_DISCUSSION && !q->answered) {
			debrief_question_release(q);
			continue;
		}
		d->questions[kept++] = *q;
	}
	d->count = kept;
}

bool debrief_load(struct store *store, int64_t session, struct debrief *out,
		  struct rjk_error *err)
{
	struct store_session_info *info = NULL;
	struct store_participant_info *people = NULL;
	struct store_step *steps = NULL;
	size_t n_info = 0, n_people = 0, n_steps = 0;
	bool ok;

	memset(out, 0, sizeof *out);
	out->session = session;
	ok = session > 0 && store_list_sessions(store, session, &info, &n_info, err) &&
	     n_info == 1 && store_load_steps(store, session, &steps, &n_steps, err) &&
	     store_list_participants(store, session, &people, &n_people, err);
	if (ok) {
		out->title = dup_text(info[0].title);
		out->label = info[0].label ? dup_text(info[0].label) : NULL;
		out->started = info[0].started;
		out->ended = info[0].ended;
		out->participants = n_people;
		out->questions = n_steps ? calloc(n_steps, sizeof *out->questions) : NULL;
		if (n_steps && !out->questions)
			abort();
		out->count = n_steps;
		for (size_t i = 0; i < n_steps; i++)
			make_question(&out->questions[i], &steps[i]);
		for (size_t p = 0; ok && p < n_people; p++)
			ok = count_participant(store, out, people[p].id, err);
		if (ok && info[0].registration)
			ok = count_class(store, out, info[0].registration, err);
		for (size_t i = 0; i < out->count; i++)
			debrief_finish(&out->questions[i]);
		drop_unused_discussions(out);
	} else if (session <= 0) {
		rjk_error_set(err, "There is no session %lld.", (long long)session);
	}
	store_sessions_free(info, n_info);
	store_steps_free(steps, n_steps);
	store_participants_free(people, n_people);
	if (!ok)
		debrief_release(out);
	return ok;
}
