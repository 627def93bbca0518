/* What the facilitator's menu shows and does with the stored answers: progress and purge (the
 * export: facil_export.c). */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/facil_impl.h"
#include "core/answer.h"
#include "core/durable.h"
#include "core/export.h"
#include "core/words.h"

/* Appends to out; stops quietly when it is full. */
static void put(char *out, size_t size, size_t *used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *out, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(out + *used, size - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n;
}

/* The first line of a prompt, cut to about a screen line. */
static void put_prompt(char *out, size_t size, size_t *used, const char *prompt)
{
	size_t n = strcspn(prompt, "\n");

	if (n > 48) {
		n = 48;
		while (n > 0 && (prompt[n] & 0xc0) == 0x80)
			n--;
		put(out, size, used, "%.*s…", (int)n, prompt);
	} else {
		put(out, size, used, "%.*s", (int)n, prompt);
	}
}

static void put_answer(char *out, size_t size, size_t *used, const struct stored_response *r)
{
	struct response value = answer_stored_view(r);

	if (r->status == RESPONSE_PASSED)
		put(out, size, used, "(passed)");
	else if (*used < size)
		*used += answer_summary(out + *used, size - *used, &value, NULL, 0);
	if (r->status == RESPONSE_DRAFT)
		put(out, size, used, " (draft)");
}

struct step_count {
	size_t answered, passed;
};

/* One participant's answers counted per step. */
static void count_answers(const struct facil_context *c, const struct store_participant_info *who,
			  struct step_count *counts)
{
	struct stored_response *r = NULL;
	struct rjk_error err = {{0}};
	size_t rn = 0, index;

	if (!store_load_responses(c->store, who->id, &r, &rn, &err))
		return;
	for (size_t i = 0; i < rn; i++) {
		if (scenario_find_step(c->scenario, r[i].step_id, &index) && index < 256) {
			counts[index].answered += r[i].status == RESPONSE_ANSWERED;
			counts[index].passed += r[i].status == RESPONSE_PASSED;
		}
	}
	store_responses_free(r, rn);
}

/* One participant's answers written out. */
static void write_answers(const struct facil_context *c, const struct store_participant_info *who,
			  char *out, size_t size, size_t *used)
{
	struct stored_response *r = NULL;
	struct rjk_error err = {{0}};
	size_t rn = 0;

	if (!store_load_responses(c->store, who->id, &r, &rn, &err))
		return;
	put(out, size, used, "\n%s%s:\n", who->name, who->submitted ? "" : " (not submitted)");
	for (size_t i = 0; i < rn; i++) {
		put(out, size, used, "- ");
		put_prompt(out, size, used, r[i].prompt);
		put(out, size, used, ": ");
		put_answer(out, size, used, &r[i]);
		put(out, size, used, "\n");
	}
	store_responses_free(r, rn);
}

/* Room kept at the end of the page for the line saying who is left out. */
#define LEFT_OUT_ROOM 256

void facil_progress_text(struct facil *f, const struct facil_context *c, char *out, size_t size)
{
	const struct scenario *sc = c->scenario;
	struct store_participant_info *people = NULL;
	struct step_count counts[256] = {{0}};
	struct rjk_error err = {{0}};
	size_t n = 0, used = 0, submitted = 0, left_out = 0;

	out[0] = '\0';
	if (!c->session || !store_list_participants(c->store, session_store_id(c->session), &people,
						    &n, &err)) {
		put(out, size, &used, "%s", c->session ? err.message : "No session is running.");
		return;
	}
	for (size_t p = 0; p < n; p++) {
		submitted += people[p].submitted != 0;
		count_answers(c, &people[p], counts);
	}
	/* The page's header names the session as the facilitator knows it (not by its number in
	 * the store); a session renamed may not say its scenario. */
	put(out, size, &used, "%zu participant%s, %zu submitted.\nScenario: %s\n\n"
	    "Answers per question (the question's id in the scenario):\n", n, n == 1 ? "" : "s",
	    submitted, sc->title);
	for (size_t i = 0; i < sc->step_count && i < 256; i++) {
		/* Discussion prompts without notes take no answers: nothing to count. */
		if (sc->steps[i].kind == STEP_DISCUSSION && !sc->steps[i].notes)
			continue;
		put(out, size, &used, "%zu answered, %zu passed: %s\n", counts[i].answered,
		    counts[i].passed, sc->steps[i].id);
	}
	/* Each participant's answers whole or not at all: once one does not fit, the rest are
	 * counted in a line rather than cut off unsaid. */
	for (size_t p = 0; f->show_answers && size > LEFT_OUT_ROOM && p < n; p++) {
		size_t mark = used;

		if (!left_out)
			write_answers(c, &people[p], out, size - LEFT_OUT_ROOM, &used);
		if (left_out || used >= size - LEFT_OUT_ROOM) {
			used = mark;
			out[used] = '\0';
			left_out++;
		}
	}
	if (left_out)
		put(out, size, &used, "\n%zu more participant%s not shown here: no room for "
		    "their answers on this page. The debrief and the exports have every answer.\n",
		    left_out, left_out == 1 ? " is" : "s are");
	store_participants_free(people, n);
}

void facil_purge_preview(const struct facil_context *c, int days, char *out, size_t size)
{
	struct store_purge_request req = {.scope = STORE_PURGE_OLDER_THAN, .days = days};
	struct rjk_error err = {{0}};
	size_t s = 0, p = 0, r = 0;
	char sn[64], pn[64], rn[64];

	if (!c->store || !store_purge_preview(c->store, &req, &s, &p, &r, &err))
		snprintf(out, size, "%s", c->store ? err.message : "No answers are stored.");
	else
		snprintf(out, size, "Sessions older than %d days: %s, %s and %s will be deleted "
			 "for good. This cannot be undone.", days,
			 words_count(sn, sizeof sn, (long long)s, "session", "sessions", 1),
			 words_count(pn, sizeof pn, (long long)p, "participant", "participants", 1),
			 words_count(rn, sizeof rn, (long long)r, "answer", "answers", 1));
}

void facil_purge(struct facil *f, const struct facil_context *c, int days)
{
	struct store_purge_request req = {.scope = STORE_PURGE_OLDER_THAN, .days = days};
	struct rjk_error err = {{0}};
	size_t deleted = 0;
	char n[64];

	if (!c->store || !store_purge(c->store, &req, &deleted, &err)) {
		facil_result(f, c, false, "Nothing was deleted: %s",
			     c->store ? err.message : "no answers are stored.");
		return;
	}
	words_count(n, sizeof n, (long long)deleted, "session", "sessions", 1);
	facil_result(f, c, true, "%c%s %s deleted for good.", n[0] == 'n' ? 'N' : n[0], n + 1,
		     words_verb((long long)deleted, "was", "were"));
}
