/* A session's results as the debrief shows them: per question its counts, shares, median and
 * anonymous answers in a fixed random order, with the anonymity rule (nothing shown below N
 * answers). Built from what the store holds; no name ever enters it. */
#ifndef RJK_CORE_DEBRIEF_H
#define RJK_CORE_DEBRIEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/scenario.h"

struct store;
struct stored_response;

/* The smallest number of answers a question needs before anything of it is shown. */
#define DEBRIEF_MIN_N_DEFAULT 3

/* One bar: a scale value or a choice option. */
struct debrief_bar {
	char *label;                  /* "4: Agree", or the option's text */
	int value;                    /* scale value; the option's index for choices */
	size_t count;
};

/* One text answer or discussion note. participant and step_id identify it for moderation;
 * they are never shown. */
struct debrief_answer {
	char *text;
	int64_t participant;          /* this kiosk's participant; below 0 for another kiosk's */
	char *statement_id;           /* another kiosk's answer: its statement (NULL for ours) */
	bool hidden;                  /* the facilitator hid it: never shown or reported */
	uint64_t order;               /* the key of its place on the wall */
};

struct debrief_question {
	char *step_id;
	enum step_kind kind;
	char *prompt;
	bool multiple;                /* choice: people could pick several */
	size_t answered, passed;      /* responses by status (drafts are not counted) */
	struct debrief_bar *bars;     /* scale: min..max; choice: the options */
	size_t bar_count;
	size_t choosers;              /* choice: people who picked at least one option */
	bool has_median;
	double median;                /* scale: the median value, a .5 between two values */
	struct debrief_answer *answers; /* text and discussion: in wall order, hidden ones too */
	size_t answer_count;
};

struct debrief {
	int64_t session;
	char *title;                  /* the scenario's title */
	char *label;                  /* the session's name, NULL when none */
	int64_t started, ended;       /* ms UTC; ended 0 while open */
	size_t participants;          /* people who sat down in the session */
	size_t answered, passed;
	struct debrief_question *questions;
	size_t count;
};

/* Reads session's steps, responses and moderation from store into out (released with
 * debrief_release), with the answers of the class's other kiosks kept in the store (imported,
 * or read back from the LRS) when the session is in a class. False with err set when the store cannot be read or there is no such
 * session. */
bool debrief_load(struct store *store, int64_t session, struct debrief *out,
		  struct rjk_error *err);
void debrief_release(struct debrief *d);

/* Frees what q holds (not q itself). */
void debrief_question_release(struct debrief_question *q);

/* Counts one stored response of participant into q (q's step must be the response's). */
void debrief_add_response(struct debrief_question *q, int64_t participant, uint64_t seed,
			  const struct stored_response *r);

/* After the last response: the median, and the answers sorted into wall order. */
void debrief_finish(struct debrief_question *q);

/* The answers that count for the anonymity rule: the answered ones, without hidden texts. */
size_t debrief_visible(const struct debrief_question *q);

/* Whether q has enough answers (min_n) for anything of it to be shown. */
bool debrief_shown(const struct debrief_question *q, int min_n);

/* The share of a bar in whole percent of the people who answered (rounded). */
int debrief_share(const struct debrief_question *q, const struct debrief_bar *bar);

/* The largest bar's count (0 when none). */
size_t debrief_max_count(const struct debrief_question *q);

/* Whether everyone present has answered or passed q. */
bool debrief_all_in(const struct debrief *d, const struct debrief_question *q);

/* The shown answers (not hidden) of q, in wall order: their texts into out (borrowed from q),
 * at most size; returns how many there are in all. */
size_t debrief_shown_texts(const struct debrief_question *q, const char **out, size_t size);

#endif
