/* A question's results for the debrief: counting responses, the median, the wall's order and
 * the anonymity rule. Pure: the store is read by debrief_load.c. */
#include "core/debrief.h"

#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/store.h"

static char *dup_or_empty(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort(); /* the kiosk treats running out of memory as fatal everywhere */
	return d;
}

void debrief_add_response(struct debrief_question *q, int64_t participant, uint64_t seed,
			  const struct stored_response *r)
{
	if (r->status == RESPONSE_PASSED) {
		q->passed++;
		return;
	}
	if (r->status != RESPONSE_ANSWERED)
		return;
	q->answered++;
	if (q->kind == STEP_SCALE && r->has_scale) {
		for (size_t i = 0; i < q->bar_count; i++)
			if (q->bars[i].value == r->scale)
				q->bars[i].count++;
	} else if (q->kind == STEP_CHOICE) {
		bool any = false;

		for (size_t c = 0; c < r->choice_count; c++)
			for (size_t i = 0; i < q->bar_count; i++)
				if (!strcmp(q->bars[i].label, r->choices[c])) {
					q->bars[i].count++;
					any = true;
					break;
				}
		q->choosers += any;
	} else if ((q->kind == STEP_TEXT || q->kind == STEP_DISCUSSION) && r->text && *r->text) {
		struct debrief_answer *a = realloc(q->answers, (q->answer_count + 1) * sizeof *a);

		if (!a)
			abort();
		q->answers = a;
		a = &a[q->answer_count++];
		memset(a, 0, sizeof *a);
		a->text = dup_or_empty(r->text);
		a->participant = participant;
		/* A random-looking order fixed by the session and the person: not the order in
		 * which people sat down, and steady as more answers arrive. */
		a->order = hash_bytes(&participant, sizeof participant, seed);
	}
}

static int by_order(const void *a, const void *b)
{
	uint64_t x = ((const struct debrief_answer *)a)->order;
	uint64_t y = ((const struct debrief_answer *)b)->order;

	return x < y ? -1 : x > y;
}

/* The value at rank k (0-based) of the scale's answers, read off the bars. */
static int value_at(const struct debrief_question *q, size_t k)
{
	for (size_t i = 0; i < q->bar_count; i++) {
		if (k < q->bars[i].count)
			return q->bars[i].value;
		k -= q->bars[i].count;
	}
	return 0;
}

void debrief_finish(struct debrief_question *q)
{
	size_t n = 0;

	for (size_t i = 0; q->kind == STEP_SCALE && i < q->bar_count; i++)
		n += q->bars[i].count;
	q->has_median = n > 0;
	if (n)
		q->median = n % 2 ? value_at(q, n / 2)
				  : (value_at(q, n / 2 - 1) + value_at(q, n / 2)) / 2.0;
	if (q->answer_count > 1)
		qsort(q->answers, q->answer_count, sizeof *q->answers, by_order);
}

size_t debrief_visible(const struct debrief_question *q)
{
	size_t n;

	if (q->kind != STEP_TEXT && q->kind != STEP_DISCUSSION)
		return q->answered;
	n = 0;
	for (size_t i = 0; i < q->answer_count; i++)
		n += !q->answers[i].hidden;
	return n;
}

bool debrief_shown(const struct debrief_question *q, int min_n)
{
	return debrief_visible(q) >= (size_t)(min_n < 1 ? 1 : min_n);
}

int debrief_share(const struct debrief_question *q, const struct debrief_bar *bar)
{
	size_t whole = q->kind == STEP_CHOICE ? q->choosers : q->answered;

	return whole ? (int)((bar->count * 100 + whole / 2) / whole) : 0;
}

size_t debrief_max_count(const struct debrief_question *q)
{
	size_t most = 0;

	for (size_t i = 0; i < q->bar_count; i++)
		if (q->bars[i].count > most)
			most = q->bars[i].count;
	return most;
}

bool debrief_all_in(const struct debrief *d, const struct debrief_question *q)
{
	return d->participants > 0 && q->answered + q->passed >= d->participants;
}

size_t debrief_shown_texts(const struct debrief_question *q, const char **out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < q->answer_count; i++) {
		if (q->answers[i].hidden)
			continue;
		if (n < size)
			out[n] = q->answers[i].text;
		n++;
	}
	return n;
}

void debrief_question_release(struct debrief_question *q)
{
	for (size_t b = 0; b < q->bar_count; b++)
		free(q->bars[b].label);
	for (size_t a = 0; a < q->answer_count; a++) {
		free(q->answers[a].text);
		free(q->answers[a].statement_id);
	}
	free(q->bars);
	free(q->answers);
	free(q->step_id);
	free(q->prompt);
	memset(q, 0, sizeof *q);
}

void debrief_release(struct debrief *d)
{
	for (size_t i = 0; i < d->count; i++)
		debrief_question_release(&d->questions[i]);
	free(d->questions);
	free(d->title);
	free(d->label);
	memset(d, 0, sizeof *d);
}
